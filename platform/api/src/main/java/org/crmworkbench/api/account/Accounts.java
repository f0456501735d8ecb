package org.crmworkbench.api.account;

import org.jooq.Condition;
import org.jooq.Field;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Creates accounts and records won deals on behalf of the signed-in user, e.g. a contracting
 * authority met for the first time in a tender notice, or a won tender. Core does the work with the
 * validation, audit trail and events of the account and opportunity screens; plugins read the result
 * back through {@code crm_core.v_accounts} and {@code crm_core.v_opportunities}.
 *
 * @since 1.5
 */
public interface Accounts {

    /**
     * Creates an account in lifecycle stage PROSPECT. A sales user becomes its account manager, as in
     * the account editor.
     *
     * @param name       the organisation's name, not blank, at most 200 characters
     * @param leadSource where it came from (e.g. {@code Tender notice}), at most 100 characters; may be null
     * @return the new account's id
     * @throws IllegalStateException    without a signed-in user (public routes, background work)
     * @throws IllegalArgumentException when the name is blank or too long; nothing is created
     */
    long create(String name, String leadSource);

    /**
     * Records a won deal: adds an opportunity with status WON in the last funnel stage, owned by the
     * signed-in user, and makes the account a customer (NEW_CUSTOMER) unless it already is one. The
     * stage counts as set by hand, so core's lifecycle rules take over again with the account's next order.
     *
     * @param accountId the account, which the user must be allowed to see
     * @param name      what was won, not blank, at most 200 characters
     * @param amount    its value, not negative
     * @param closedOn  the day it was won
     * @return the id of the opportunity in {@code crm_core.v_opportunities}
     * @throws IllegalStateException    without a signed-in user
     * @throws IllegalArgumentException when the account is not visible to the user or the input is
     *                                  invalid; nothing is recorded
     */
    long recordWonDeal(long accountId, String name, BigDecimal amount, LocalDate closedOn);

    /**
     * The accounts the signed-in user may see, as a condition for a plugin's own jOOQ queries: SALES
     * sees the accounts it manages or is on the team of, MANAGER and ADMIN see all, and without a
     * signed-in user (public routes, background work) it is false. It is the rule of core's account
     * list, built on {@code crm_core.v_accounts} and {@code crm_core.v_account_team}, which the
     * plugin's database user may read. Use it wherever a user picks or lists accounts:
     * <pre>{@code
     * dsl.select(V_ACCOUNTS.ID, V_ACCOUNTS.NAME).from(V_ACCOUNTS)
     *         .where(context.accounts().visibleTo(V_ACCOUNTS.ID))
     * dsl.selectFrom(TENDER).where(context.accounts().visibleTo(TENDER.AUTHORITY_ID))
     * }</pre>
     * Build it per request: it holds the user signed in when it is built.
     *
     * @param accountId the column with the account id, of a core view or of the plugin's own table
     * @throws UnsupportedOperationException on a host older than API 1.6
     * @since 1.6
     */
    default Condition visibleTo(Field<Long> accountId) {
        throw new UnsupportedOperationException("account visibility needs platform API 1.6");
    }

    /**
     * Whether the signed-in user may see the account (see {@link #visibleTo(Field)}); false without a
     * signed-in user and for an account that does not exist. Check it before acting on an account id
     * that came from a user, e.g. a picked value or a line of an imported file.
     *
     * @throws UnsupportedOperationException on a host older than API 1.6
     * @since 1.6
     */
    default boolean canSee(long accountId) {
        throw new UnsupportedOperationException("account visibility needs platform API 1.6");
    }
}

package org.crmworkbench.api.account;

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
}

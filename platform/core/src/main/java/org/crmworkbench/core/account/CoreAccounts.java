package org.crmworkbench.core.account;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.Accounts;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.opportunity.FunnelStage;
import org.crmworkbench.core.opportunity.OpportunityData;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.opportunity.OpportunityStatus;
import org.crmworkbench.core.security.CurrentUser;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNT_TEAM;

/**
 * The host's {@link Accounts} for plugins: creates accounts through {@link AccountService} and adds won
 * opportunities through {@link OpportunityService} as the signed-in user, so the user's visibility of
 * accounts, the validation, the audit trail, the stage history and the events are those of the account
 * and opportunity screens.
 */
public final class CoreAccounts implements Accounts {

    private final AccountService accounts;
    private final OpportunityService opportunities;
    private final CurrentUser currentUser;

    public CoreAccounts(AccountService accounts, OpportunityService opportunities, CurrentUser currentUser) {
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.currentUser = currentUser;
    }

    @Override
    public long create(String name, String leadSource) {
        var user = signedIn("creating an account");
        // the defaults of a new account in the account editor
        var data = new AccountData(name, null, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL,
                LifecycleStage.PROSPECT, leadSource, false, null, null, null);
        try {
            return accounts.create(data, user);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("account refused: " + e.errors(), e);
        }
    }

    /*
     * The opportunity is checked before anything is written, the stage change comes first and changes
     * nothing but the stage: so a refused deal records nothing, and a retry after a failure in between
     * finds the customer already made and adds the one opportunity.
     */
    @Override
    public long recordWonDeal(long accountId, String name, BigDecimal amount, LocalDate closedOn) {
        var user = signedIn("recording a won deal");
        if (accounts.find(accountId, user).isEmpty()) {
            throw new IllegalArgumentException("no account " + accountId + " visible to " + user.username());
        }
        var deal = new OpportunityData(name, FunnelStage.EVALUATION, OpportunityStatus.WON, amount, 100, closedOn, user.id(), null);
        var problems = OpportunityService.check(deal);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("won deal refused: " + problems);
        }
        try {
            accounts.makeCustomer(accountId, user);
            return opportunities.add(accountId, deal, user);
        } catch (InvalidInputException | ConcurrentEditException e) {
            throw new IllegalArgumentException("won deal refused: " + e.getMessage(), e);
        }
    }

    /** Over the public views, so that the plugin's own database user can run it. */
    @Override
    public Condition visibleTo(Field<Long> accountId) {
        var user = currentUser.user();
        if (user.isEmpty()) {
            return DSL.falseCondition();
        }
        if (AccountService.seesAll(user.get())) {
            return DSL.trueCondition();
        }
        long id = user.get().id();
        return accountId.in(DSL.select(V_ACCOUNTS.ID).from(V_ACCOUNTS).where(V_ACCOUNTS.ACCOUNT_MANAGER_ID.eq(id)))
                .or(accountId.in(DSL.select(V_ACCOUNT_TEAM.ACCOUNT_ID).from(V_ACCOUNT_TEAM).where(V_ACCOUNT_TEAM.USER_ID.eq(id))));
    }

    @Override
    public boolean canSee(long accountId) {
        return currentUser.user().flatMap(user -> accounts.find(accountId, user)).isPresent();
    }

    private UserRef signedIn(String what) {
        return currentUser.user().orElseThrow(() -> new IllegalStateException(what + " needs a signed-in user"));
    }
}

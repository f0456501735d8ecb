package org.crmworkbench.ui.opportunity;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.opportunity.FunnelStage;
import org.crmworkbench.core.opportunity.OpportunityQuery;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.opportunity.OpportunityStatus;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "manager", roles = "MANAGER")
class OpportunityViewsTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    UserAccounts users;

    @Test
    void the_opportunities_list_shows_the_funnel_and_the_open_opportunities_paged_in_sql() {
        UserRef manager = user();
        var view = navigate(OpportunitiesView.class);
        int open = opportunities.count(new OpportunityQuery(null, "", null, OpportunityStatus.OPEN, null, List.of()), manager);
        assertThat(open).as("demo opportunities").isPositive();
        assertThat(test(view.grid).size()).isEqualTo(open);
        assertThat(view.funnel.getElement().getTextRecursively()).contains("Proposals").contains("Total");

        view.stage.setValue(FunnelStage.PROPOSALS);
        assertThat(test(view.grid).size()).isEqualTo(opportunities.funnel(manager, null).get(FunnelStage.PROPOSALS.ordinal()).count());
    }

    @Test
    void an_opportunity_is_added_on_the_account_with_default_probabilities_and_a_stale_edit_keeps_the_input() {
        UserRef manager = user();
        long accountId = accounts.create(new AccountData("Houthandel Kans " + System.nanoTime(), null, null, null, null, null,
                null, "Zwolle", "NL", AccountLevel.NATIONAL, LifecycleStage.HOT_LEAD, null, false, null, null, manager.id()), manager);
        var tab = new AccountOpportunities(opportunities, accountId, manager, users.activeUsers());
        UI.getCurrent().add(tab);
        assertThat(tab.empty.isVisible()).isTrue();

        test(tab.add).click();
        roundTrip();
        var dialog = $(OpportunityDialog.class).first();
        assertThat(dialog.owner.getValue().id()).as("owner defaults to me").isEqualTo(manager.id());
        test(dialog.name).setValue("Jaarcontract");
        dialog.stage.setValue(FunnelStage.SELECTION);
        assertThat(dialog.probability.getValue()).isEqualTo(70);
        dialog.amount.setValue(new BigDecimal("-5"));
        test(dialog.save).click();
        assertThat(dialog.amount.isInvalid()).isTrue();
        assertThat(opportunities.count(OpportunityQuery.ofAccount(accountId), manager)).isZero();

        dialog.amount.setValue(new BigDecimal("12000"));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(tab.grid).size()).isEqualTo(1);
        var saved = test(tab.grid).getRow(0);
        assertThat(saved.weightedAmount()).isEqualByComparingTo("8400.00");

        // someone else moves it on while we edit
        opportunities.update(saved.id(), saved.version(), new org.crmworkbench.core.opportunity.OpportunityData("Jaarcontract",
                FunnelStage.ORDERING, OpportunityStatus.OPEN, new BigDecimal("12000"), 90, null, manager.id(), null), manager);
        var edit = new OpportunityDialog(opportunities, accountId, saved, manager, users.activeUsers(), () -> { });
        edit.open();
        roundTrip();
        edit.status.setValue(OpportunityStatus.WON);
        assertThat(edit.probability.getValue()).isEqualTo(100);
        test(edit.save).click();
        assertThat(test($(Notification.class).last()).getText()).startsWith("Not saved: manager changed this opportunity");
        assertThat(edit.isOpened()).isTrue();
        assertThat(edit.status.getValue()).isEqualTo(OpportunityStatus.WON);
    }

    private UserRef user() {
        return users.findByUsername("manager").orElseThrow().user();
    }
}

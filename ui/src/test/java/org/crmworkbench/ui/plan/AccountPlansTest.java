package org.crmworkbench.ui.plan;

import com.vaadin.flow.component.UI;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.plan.PlanService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "manager", roles = "MANAGER")
class AccountPlansTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    PlanService plans;
    @Autowired
    UserAccounts users;

    @Test
    void every_loyal_demo_customer_has_a_plan_for_this_year() {
        UserRef manager = users.findByUsername("manager").orElseThrow().user();
        var loyal = accounts.page(new AccountQuery("", LifecycleStage.LOYAL_CUSTOMER, null, null, null, false, List.of()),
                manager, 0, 3);
        assertThat(loyal).isNotEmpty().allSatisfy(account -> assertThat(plans.plans(account.id(), manager))
                .singleElement().satisfies(plan -> {
                    assertThat(plan.data().periodStart()).isEqualTo(LocalDate.now().withDayOfYear(1));
                    assertThat(plans.activities(plan.id(), manager)).hasSizeBetween(2, 3);
                }));
    }

    @Test
    void a_plan_with_objectives_gets_activities_and_a_bad_period_is_refused() {
        UserRef manager = users.findByUsername("manager").orElseThrow().user();
        long accountId = accounts.create(new AccountData("Drukkerij Plan " + System.nanoTime(), null, null, null, null, null,
                null, "Leuven", "BE", AccountLevel.INTERNATIONAL, LifecycleStage.LOYAL_CUSTOMER, null, false, null, null,
                manager.id()), manager);
        var tab = new AccountPlans(plans, accountId, manager, users.activeUsers());
        UI.getCurrent().add(tab);
        assertThat(tab.empty.isVisible()).isTrue();

        test(tab.addPlan).click();
        roundTrip();
        var dialog = $(PlanDialog.class).first();
        test(dialog.title).setValue("Jaarplan");
        test(dialog.objectives).setValue("Marktaandeel verdubbelen");
        dialog.periodEnd.setValue(dialog.periodStart.getValue().minusDays(1));
        test(dialog.save).click();
        assertThat(dialog.periodEnd.isInvalid()).isTrue();
        assertThat(dialog.periodEnd.getErrorMessage()).isEqualTo("The end lies before the start");
        assertThat(plans.plans(accountId, manager)).isEmpty();

        dialog.periodEnd.setValue(dialog.periodStart.getValue().plusMonths(6));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(tab.plansGrid).size()).isEqualTo(1);
        assertThat(tab.selected.isVisible()).as("the new plan is opened").isTrue();
        assertThat(tab.objectives.getText()).isEqualTo("Marktaandeel verdubbelen");

        test(tab.addActivity).click();
        roundTrip();
        var activity = $(ActivityDialog.class).first();
        assertThat(activity.who.getValue().id()).isEqualTo(manager.id());
        test(activity.what).setValue("Bezoek directie");
        activity.due.setValue(LocalDate.now().plusWeeks(2));
        test(activity.save).click();
        assertThat(activity.isOpened()).isFalse();
        assertThat(test(tab.activities).size()).isEqualTo(1);
        assertThat(plans.plans(accountId, manager).getFirst().openActivities()).isEqualTo(1);
    }
}

package org.crmworkbench.core.plan;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_PLAN;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

class PlanServiceTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final PlanService plans = new PlanService(dsl, Clock.systemUTC());
    private UserRef manager;
    private UserRef sales;
    private long account;
    private long othersAccount;

    @BeforeEach
    void data() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "Marieke", "pw-manager-1", Set.of(Role.MANAGER)), "m", "Marieke", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "Sanne", "pw-sales-1", Set.of(Role.SALES)), "s", "Sanne", Set.of(Role.SALES));
        var accounts = new AccountService(dsl, Clock.systemUTC(), event -> { });
        account = accounts.create(account("Own", sales.id()), manager);
        othersAccount = accounts.create(account("Other", manager.id()), manager);
    }

    @Test
    void a_plan_holds_objectives_and_activities_who_what_where_when() {
        long plan = plans.addPlan(account, new PlanData("Jaarplan 2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                "Omzet +10%, tweede vestiging binnenhalen", LocalDate.of(2027, 7, 1), null), sales);
        long visit = plans.addActivity(plan, new ActivityData("Bezoek nieuwe directeur", sales.id(), "Gent",
                LocalDate.of(2027, 2, 15), false), sales);
        plans.addActivity(plan, new ActivityData("Offerte tweede vestiging", manager.id(), null, LocalDate.of(2027, 3, 1), false), sales);

        assertThat(plans.plans(account, sales)).singleElement().satisfies(p -> {
            assertThat(p.data().title()).isEqualTo("Jaarplan 2027");
            assertThat(p.openActivities()).isEqualTo(2);
        });
        plans.updateActivity(visit, 0, new ActivityData("Bezoek nieuwe directeur", sales.id(), "Gent",
                LocalDate.of(2027, 2, 15), true), sales);
        assertThat(plans.activities(plan, sales)).extracting(Activity::whoName).containsExactly("Marieke", "Sanne");
        assertThat(plans.plans(account, sales).getFirst().openActivities()).isEqualTo(1);
    }

    @Test
    void bad_input_stale_edits_and_other_peoples_accounts_are_refused() {
        assertThatThrownBy(() -> plans.addPlan(account, new PlanData(" ", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 1),
                "", null, null), sales))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("title", "objectives", "periodEnd"));
        assertThatThrownBy(() -> plans.addPlan(othersAccount, new PlanData("X", LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 1, 1), "Y", null, null), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsOnlyKeys("account"));
        assertThat(dsl.fetchCount(ACCOUNT_PLAN)).isZero();

        long plan = plans.addPlan(account, new PlanData("Plan", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "Doel",
                null, null), sales);
        assertThatThrownBy(() -> plans.addActivity(plan, new ActivityData("", null, null, null, false), sales))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("what", "whoId", "due"));
        var changed = new PlanData("Plan", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "Doel",
                LocalDate.of(2027, 7, 15), "Gehaald");
        plans.updatePlan(plan, 0, changed, manager);
        assertThatThrownBy(() -> plans.updatePlan(plan, 0, changed, sales))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> assertThat(e.changedBy()).isEqualTo("m"));
        assertThat(plans.plans(account, manager).getFirst().data().evaluation()).isEqualTo("Gehaald");
    }

    private static AccountData account(String name, Long managerId) {
        return new AccountData(name, null, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL,
                LifecycleStage.NEW_CUSTOMER, null, false, null, null, managerId);
    }
}

package org.crmworkbench.core.plan;

import org.crmworkbench.core.account.LifecycleStage;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_PLAN;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_PLAN_ACTIVITY;

/**
 * A plan for this year for every managed loyal customer, with two or three activities by its account
 * manager; earlier ones done. Fixed seed, batched inserts; dates from {@code today}.
 */
public final class DemoPlans {

    private static final List<String> OBJECTIVES = List.of(
            "Omzet 10% hoger dan vorig jaar; tweede productgroep introduceren.",
            "Relatie verbreden: ook de technische dienst en de financiële afdeling kennen.",
            "Raamovereenkomst verlengen en uitbreiden met onderhoud.");
    private static final List<String> ACTIVITIES = List.of("Jaargesprek met de directie", "Bezoek technische dienst",
            "Offerte onderhoudscontract", "Productdemonstratie nieuwe lijn", "Evaluatie levertijden");

    private DemoPlans() {
    }

    public static void create(DSLContext dsl, LocalDate today, long seed) {
        var random = new Random(seed);
        var accounts = dsl.select(ACCOUNT.ID, ACCOUNT.ACCOUNT_MANAGER_ID).from(ACCOUNT)
                .where(ACCOUNT.LIFECYCLE_STAGE.eq(LifecycleStage.LOYAL_CUSTOMER.name()).and(ACCOUNT.ACCOUNT_MANAGER_ID.isNotNull()))
                .orderBy(ACCOUNT.ID).fetch();
        if (accounts.isEmpty()) {
            return;
        }
        LocalDate start = today.withDayOfYear(1);
        var plans = dsl.insertInto(ACCOUNT_PLAN, ACCOUNT_PLAN.ACCOUNT_ID, ACCOUNT_PLAN.TITLE, ACCOUNT_PLAN.PERIOD_START,
                ACCOUNT_PLAN.PERIOD_END, ACCOUNT_PLAN.OBJECTIVES, ACCOUNT_PLAN.EVALUATION_DATE, ACCOUNT_PLAN.UPDATED_BY);
        for (var account : accounts) {
            plans = plans.values(account.value1(), "Accountplan " + start.getYear(), start, start.plusYears(1).minusDays(1),
                    OBJECTIVES.get(random.nextInt(OBJECTIVES.size())), start.plusMonths(11).plusDays(14), "demo");
        }
        var planIds = plans.returningResult(ACCOUNT_PLAN.ID).fetch(ACCOUNT_PLAN.ID);
        var activities = dsl.insertInto(ACCOUNT_PLAN_ACTIVITY, ACCOUNT_PLAN_ACTIVITY.PLAN_ID, ACCOUNT_PLAN_ACTIVITY.WHAT,
                ACCOUNT_PLAN_ACTIVITY.WHO_ID, ACCOUNT_PLAN_ACTIVITY.PLACE, ACCOUNT_PLAN_ACTIVITY.DUE, ACCOUNT_PLAN_ACTIVITY.DONE,
                ACCOUNT_PLAN_ACTIVITY.UPDATED_BY);
        for (int i = 0; i < planIds.size(); i++) {
            for (int a = 0, n = 2 + random.nextInt(2); a < n; a++) {
                LocalDate due = start.plusDays(random.nextInt(365));
                activities = activities.values(planIds.get(i), ACTIVITIES.get(random.nextInt(ACTIVITIES.size())),
                        accounts.get(i).value2(), random.nextBoolean() ? "Op locatie" : null, due, due.isBefore(today), "demo");
            }
        }
        activities.execute();
    }
}

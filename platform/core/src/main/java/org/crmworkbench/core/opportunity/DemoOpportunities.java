package org.crmworkbench.core.opportunity;

import org.crmworkbench.core.account.LifecycleStage;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.OPPORTUNITY;

/**
 * Demo opportunities on managed accounts past the suspect stage: mostly open and spread over the
 * funnel, some won or lost. Fixed seed, batched inserts; close dates count from {@code today}.
 */
public final class DemoOpportunities {

    private static final List<String> SUBJECTS = List.of("Jaarcontract verpakkingen", "Uitbreiding assortiment",
            "Onderhoudscontract", "Vervanging gereedschap", "Schoonmaakmiddelen nieuwe vestiging", "Training veilig werken",
            "Raamovereenkomst kantoorartikelen", "Pilot vendor managed inventory");
    private static final int BATCH = 1_000;

    private DemoOpportunities() {
    }

    public static void create(DSLContext dsl, LocalDate today, long seed) {
        var random = new Random(seed);
        var stages = FunnelStage.values();
        var accounts = dsl.select(ACCOUNT.ID, ACCOUNT.ACCOUNT_MANAGER_ID).from(ACCOUNT)
                .where(ACCOUNT.ACCOUNT_MANAGER_ID.isNotNull().and(ACCOUNT.LIFECYCLE_STAGE.in(LifecycleStage.PROSPECT.name(),
                        LifecycleStage.LEAD.name(), LifecycleStage.HOT_LEAD.name(), LifecycleStage.NEW_CUSTOMER.name(),
                        LifecycleStage.LOYAL_CUSTOMER.name())))
                .orderBy(ACCOUNT.ID).fetch();
        var insert = dsl.insertInto(OPPORTUNITY, OPPORTUNITY.ACCOUNT_ID, OPPORTUNITY.NAME, OPPORTUNITY.STAGE,
                OPPORTUNITY.STATUS, OPPORTUNITY.AMOUNT, OPPORTUNITY.PROBABILITY, OPPORTUNITY.EXPECTED_CLOSE,
                OPPORTUNITY.OWNER_ID, OPPORTUNITY.UPDATED_BY);
        int pending = 0;
        for (var account : accounts) {
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                // later stages are rarer: a funnel, not a tube
                FunnelStage stage = stages[Math.min(random.nextInt(stages.length), random.nextInt(stages.length))];
                int roll = random.nextInt(10);
                OpportunityStatus status = roll < 7 ? OpportunityStatus.OPEN : roll < 9 ? OpportunityStatus.WON : OpportunityStatus.LOST;
                int probability = status == OpportunityStatus.WON ? 100 : status == OpportunityStatus.LOST ? 0 : stage.defaultProbability();
                var amount = BigDecimal.valueOf(500L + 250L * random.nextInt(200));
                LocalDate close = status == OpportunityStatus.OPEN ? today.plusDays(7 + random.nextInt(180))
                        : today.minusDays(1 + random.nextInt(300));
                insert = insert.values(account.value1(), SUBJECTS.get(random.nextInt(SUBJECTS.size())), stage.name(),
                        status.name(), amount, probability, close, account.value2(), "demo");
                if (++pending == BATCH) {
                    insert.execute();
                    insert = dsl.insertInto(OPPORTUNITY, OPPORTUNITY.ACCOUNT_ID, OPPORTUNITY.NAME, OPPORTUNITY.STAGE,
                            OPPORTUNITY.STATUS, OPPORTUNITY.AMOUNT, OPPORTUNITY.PROBABILITY, OPPORTUNITY.EXPECTED_CLOSE,
                            OPPORTUNITY.OWNER_ID, OPPORTUNITY.UPDATED_BY);
                    pending = 0;
                }
            }
        }
        if (pending > 0) {
            insert.execute();
        }
    }
}

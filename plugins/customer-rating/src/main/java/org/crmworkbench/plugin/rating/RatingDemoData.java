package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.crmworkbench.plugin.rating.criteria.AssessmentMethod;
import org.pf4j.Extension;

import java.math.BigDecimal;

import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION;

/** A starter rating model, two criteria per assessment method, in one batched insert. */
@Extension
public class RatingDemoData implements DemoDataContribution {

    @Override
    public void seed(PluginContext context) {
        context.dsl().insertInto(CRITERION, CRITERION.NAME, CRITERION.METHOD, CRITERION.WEIGHT, CRITERION.MIN_SCORE)
                .values("Market position", AssessmentMethod.ACCOUNT.name(), new BigDecimal("3"), null)
                .values("Growth potential", AssessmentMethod.ACCOUNT.name(), new BigDecimal("2"), null)
                .values("Relationship strength", AssessmentMethod.RELATIONSHIP.name(), new BigDecimal("2"), 5)
                .values("Payment behaviour", AssessmentMethod.RELATIONSHIP.name(), new BigDecimal("1"), 4)
                .values("Share of wallet", AssessmentMethod.PRODUCT.name(), new BigDecimal("5"), null)
                .values("Cross-sell fit", AssessmentMethod.PRODUCT.name(), new BigDecimal("2"), null)
                .execute();
    }
}

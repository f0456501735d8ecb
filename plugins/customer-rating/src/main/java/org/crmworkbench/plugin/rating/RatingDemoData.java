package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.crmworkbench.plugin.rating.model.AssessmentMethod;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.crmworkbench.plugin.rating.model.RatingModels.CriterionInput;
import org.crmworkbench.plugin.rating.model.Rule;
import org.crmworkbench.plugin.rating.model.Thresholds;
import org.jooq.impl.DSL;
import org.pf4j.Extension;

import java.math.BigDecimal;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.rating.jooq.Tables.MANUAL_SCORE;

/**
 * A starter rating model: two manual and three computed criteria, cut-off 50; the account managers'
 * scores on the manual criteria for every third demo account, set-based and deterministic.
 */
@Extension
public class RatingDemoData implements DemoDataContribution {

    @Override
    public void seed(PluginContext context) {
        var models = new RatingModels(context.dsl(), context.clock());
        long model = models.create(new RatingModels.Settings("Key accounts", new BigDecimal("50"), 12), "demo");
        int version = 1;
        long position = add(models, model, version++, "Market position", "Marktpositie", AssessmentMethod.ACCOUNT,
                null, "3", null, null);
        long relationship = add(models, model, version++, "Relationship strength", "Relatiesterkte",
                AssessmentMethod.RELATIONSHIP, null, "2", 5, null);
        add(models, model, version++, "Revenue last 12 months", "Omzet laatste 12 maanden", AssessmentMethod.PRODUCT,
                Rule.REVENUE, "2", null, "2: 500; 4: 2000; 6: 5000; 8: 10000; 10: 20000");
        add(models, model, version++, "Order frequency", "Bestelfrequentie", AssessmentMethod.PRODUCT,
                Rule.ORDER_FREQUENCY, "1", null, "3: 2; 5: 4; 7: 6; 9: 10; 10: 15");
        add(models, model, version, "Recency", "Recentheid", AssessmentMethod.RELATIONSHIP,
                Rule.RECENCY, "1", 2, "2: 365; 4: 180; 6: 90; 8: 60; 10: 30");
        for (long criterion : new long[] {position, relationship}) {
            context.dsl().insertInto(MANUAL_SCORE, MANUAL_SCORE.CRITERION_ID, MANUAL_SCORE.ACCOUNT_ID, MANUAL_SCORE.SCORE,
                            MANUAL_SCORE.SCORED_BY)
                    .select(DSL.select(DSL.val(criterion), V_ACCOUNTS.ID,
                                    V_ACCOUNTS.ID.mul(DSL.inline(7)).plus(DSL.val(criterion)).mod(DSL.inline(10)).plus(DSL.inline(1))
                                            .cast(Integer.class),
                                    DSL.inline("demo"))
                            .from(V_ACCOUNTS).where(V_ACCOUNTS.ID.mod(DSL.inline(3)).eq(DSL.inline(0L))))
                    .execute();
        }
    }

    private static long add(RatingModels models, long model, int version, String en, String nl, AssessmentMethod method,
                            Rule rule, String weight, Integer minScore, String thresholds) {
        var input = rule == null ? CriterionInput.manual(null, en, nl, method, new BigDecimal(weight), 10, minScore)
                : CriterionInput.computed(null, en, nl, method, rule, new BigDecimal(weight), 10, minScore,
                        Thresholds.parse(thresholds, 10, rule.lowerIsBetter()).thresholds());
        return models.saveCriterion(model, version, input, "demo");
    }
}

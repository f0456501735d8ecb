package org.crmworkbench.plugin.nps;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.api.metric.AccountMetricContribution;
import org.crmworkbench.plugin.nps.results.AccountAnswers;
import org.jooq.Record2;
import org.jooq.Select;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Offers each account's latest NPS answer (0–10) to other plugins, e.g. as a rating criterion. */
@Extension
public class NpsMetrics implements AccountMetricContribution {

    /** The key other plugins ask for. */
    public static final String LATEST_ANSWER = "nps-surveys.latest-answer";

    @Override
    public List<AccountMetric> metrics(PluginContext context) {
        return List.of(new AccountMetric() {
            @Override
            public String key() {
                return LATEST_ANSWER;
            }

            @Override
            public String label(Locale locale) {
                return Texts.get(locale.getLanguage(), "metric.latest-answer");
            }

            @Override
            public Select<? extends Record2<Long, BigDecimal>> values() {
                return new AccountAnswers(context.dsl()).latestPerAccount();
            }
        });
    }
}

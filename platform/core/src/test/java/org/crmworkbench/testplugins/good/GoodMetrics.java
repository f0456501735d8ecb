package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.api.metric.AccountMetricContribution;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The number of events logged per account, offered to the other plugins. */
@Extension
public class GoodMetrics implements AccountMetricContribution {

    @Override
    public List<AccountMetric> metrics(PluginContext context) {
        return List.of(events(context, "test-good.events"), events(context, "nps-surveys.latest-answer"));
    }

    /** The events metric under a key; the second one pretends to be another plugin's and must be left out. */
    private static AccountMetric events(PluginContext context, String key) {
        return new AccountMetric() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String label(Locale locale) {
                return context.message("metric.events");
            }

            @Override
            public Select<? extends Record2<Long, BigDecimal>> values() {
                var account = DSL.field(DSL.name(context.schema(), "event_log", "account_id"), Long.class);
                return context.dsl().select(account, DSL.count().cast(SQLDataType.DECIMAL(18, 2)))
                        .from(DSL.table(DSL.name(context.schema(), "event_log"))).groupBy(account);
            }
        };
    }
}

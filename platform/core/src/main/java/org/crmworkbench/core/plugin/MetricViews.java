package org.crmworkbench.core.plugin;

import org.crmworkbench.api.metric.AccountMetric;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Select;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

/**
 * Account metrics across plugin accounts: a plugin's own database account may not read another
 * plugin's schema, so each metric a plugin offers is published as a view {@code crm_metrics.<key>}
 * (created by the workbench's account, which may read every plugin schema), and every plugin account
 * may read the views of {@code crm_metrics}. Consumers get the metric with {@link AccountMetric#values()}
 * reading that view; what the view shows is exactly the provider's statement, with its values inlined.
 */
final class MetricViews {

    static final String SCHEMA = "crm_metrics";
    private static final int MAX_NAME = 64;

    private final DSLContext dsl;
    /** The statement behind each published view, so that an unchanged metric costs no DDL. */
    private final Map<String, String> published = new ConcurrentHashMap<>();

    MetricViews(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The metric as consumers see it: the same key and label, its values read from its view. */
    AccountMetric publish(AccountMetric metric) {
        String view = viewName(metric.key());
        String sql = dsl.renderInlined(metric.values());
        if (!sql.equals(published.get(view))) {
            dsl.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            dsl.execute("CREATE OR REPLACE SQL SECURITY DEFINER VIEW " + dsl.render(name(SCHEMA, view))
                    + " (account_id, value) AS " + sql);
            published.put(view, sql);
        }
        return new Published(metric, view);
    }

    /** Drops the views of a plugin's metrics (it stopped: its metrics are gone). */
    void dropOf(String pluginId) {
        String prefix = viewName(pluginId + ".");
        var viewName = field(name("table_name"), String.class);
        for (String view : dsl.select(viewName).from(table(name("information_schema", "views")))
                .where(field(name("table_schema"), String.class).eq(SCHEMA)).fetch(viewName)) {
            if (view.startsWith(prefix)) {
                dsl.execute("DROP VIEW IF EXISTS " + dsl.render(name(SCHEMA, view)));
                published.remove(view);
            }
        }
    }

    /** {@code nps-surveys.latest-answer} -> {@code nps_surveys__latest_answer}; too long ones end in a hash. */
    static String viewName(String key) {
        String plain = key.toLowerCase(Locale.ROOT).replace(".", "__").replaceAll("[^a-z0-9_]", "_");
        if (plain.length() <= MAX_NAME) {
            return plain;
        }
        String hash = HexFormat.of().toHexDigits(key.hashCode());
        return plain.substring(0, MAX_NAME - hash.length() - 1) + "_" + hash;
    }

    private record Published(AccountMetric metric, String view) implements AccountMetric {

        @Override
        public String key() {
            return metric.key();
        }

        @Override
        public String label(Locale locale) {
            return metric.label(locale);
        }

        @Override
        public boolean lowerIsBetter() {
            return metric.lowerIsBetter();
        }

        @Override
        public Select<? extends Record2<Long, BigDecimal>> values() {
            return select(field(name("account_id"), Long.class), field(name("value"), BigDecimal.class))
                    .from(table(name(SCHEMA, view)));
        }
    }
}

package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.metric.AccountMetric;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.Optional;

/** Another plugin's account metric as a derived table this plugin can join: one row per account. */
public final class MetricTables {

    private static final Logger log = LoggerFactory.getLogger(MetricTables.class);

    private MetricTables() {
    }

    /**
     * The metric's values as a table {@code alias(account_id, value)}, the largest value per account
     * (the provider promises one row per account; this does not depend on it). Empty when the provider
     * fails to give its query: the metric then counts as absent.
     */
    public static Optional<Table<?>> perAccount(AccountMetric metric, String alias) {
        Table<?> raw;
        try {
            raw = metric.values().asTable(alias + "_rows", "account_id", "value");
        } catch (RuntimeException | LinkageError e) {
            log.warn("Account metric {} is left out: {}", metric.key(), e.toString());
            return Optional.empty();
        }
        Field<Long> account = raw.field("account_id", Long.class);
        Field<BigDecimal> value = raw.field("value", BigDecimal.class);
        return Optional.of(DSL.select(account.as("account_id"), DSL.max(value).cast(SQLDataType.DECIMAL(18, 2)).as("value"))
                .from(raw).groupBy(account).asTable(alias));
    }
}

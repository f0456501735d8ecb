package org.crmworkbench.api.metric;

import org.jooq.Record2;
import org.jooq.Select;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A number per account that one plugin offers the others, e.g. the NPS plugin's latest answer of an
 * account. A consumer (e.g. the customer rating) joins {@link #values()} into its own set-based SQL,
 * so it never loops over accounts and never reads the provider's tables itself.
 *
 * @since 1.2
 */
public interface AccountMetric {

    /** Unique over all plugins: the provider's plugin id, a dot and a name, e.g. {@code nps-surveys.latest-answer}. */
    String key();

    /** What users see, in the given language. */
    String label(Locale locale);

    /** True when a lower value is better (e.g. days since something); false by default. */
    default boolean lowerIsBetter() {
        return false;
    }

    /**
     * One row per account that has a value: the account id (first column) and the value (second);
     * accounts without a value have no row. Consumers embed it as a derived table in their own
     * statement, run on their own connection: name the provider's tables with their schema (the jOOQ
     * classes generated for the plugin's schema do). Consumers should not rely on the one-row rule
     * alone; the customer rating takes the largest value per account.
     */
    Select<? extends Record2<Long, BigDecimal>> values();
}

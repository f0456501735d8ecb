package org.crmworkbench.plugin.rating.model;

/**
 * How a computed criterion gets its raw value from the core data; thresholds then map the raw value
 * to the criterion's scale. Periods are the model's period, counted back from the day of the run.
 */
public enum Rule {
    /** Revenue in the period, in euros. */
    REVENUE,
    /** Number of orders in the period. */
    ORDER_FREQUENCY,
    /** Days since the last order; fewer is better. No order at all scores the lowest. */
    RECENCY,
    /** Contribution margin in the period (revenue x margin % of the lines that have one), in euros. */
    MARGIN,
    /** The potential monetary value recorded on the account, in euros. */
    POTENTIAL,
    /** Number of active contacts with a role in the decision-making unit. */
    DMU_CONTACTS,
    /**
     * An account metric another plugin offers through the platform API, e.g. the latest NPS answer;
     * the criterion names it by key. Without the providing plugin, or for an account without a value,
     * the criterion is not scored.
     */
    METRIC;

    /**
     * True when a lower raw value is better, so a threshold is a maximum instead of a minimum. For
     * {@link #METRIC} the metric itself says.
     */
    public boolean lowerIsBetter() {
        return this == RECENCY;
    }

    /** Whether it reads the order lines of the period. */
    public boolean readsPeriod() {
        return this == REVENUE || this == ORDER_FREQUENCY || this == MARGIN;
    }

    public String labelKey() {
        return "rule." + name().toLowerCase().replace('_', '-');
    }
}

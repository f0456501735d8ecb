package org.crmworkbench.core.opportunity;

/**
 * Stages of the sales funnel, following the customer's buying process (DOMAIN.md section 1), with
 * the probability a new opportunity gets by default in that stage.
 */
public enum FunnelStage {
    NEED_RECOGNISED(10), SPECIFICATION(20), SUPPLIER_SEARCH(30), PROPOSALS(50), SELECTION(70), ORDERING(90), EVALUATION(100);

    private final int defaultProbability;

    FunnelStage(int defaultProbability) {
        this.defaultProbability = defaultProbability;
    }

    public int defaultProbability() {
        return defaultProbability;
    }

    public String labelKey() {
        return "funnel." + name().toLowerCase().replace('_', '-');
    }
}

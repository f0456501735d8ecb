package org.crmworkbench.plugin.rating.model;

/** Whether the account manager scores a criterion or a rule computes it from the data. */
public enum CriterionKind {
    MANUAL, COMPUTED;

    public String labelKey() {
        return "kind." + name().toLowerCase();
    }
}

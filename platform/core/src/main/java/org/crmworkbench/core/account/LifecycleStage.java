package org.crmworkbench.core.account;

/** Where an account stands in the relationship cycle (DOMAIN.md section 1), in order. */
public enum LifecycleStage {
    SUSPECT, PROSPECT, LEAD, HOT_LEAD, NEW_CUSTOMER, LOYAL_CUSTOMER, EX_CUSTOMER;

    public String labelKey() {
        return "stage." + name().toLowerCase();
    }
}

package org.crmworkbench.core.opportunity;

/** Whether an opportunity is still in the funnel. */
public enum OpportunityStatus {
    OPEN, WON, LOST;

    public String labelKey() {
        return "opportunity.status." + name().toLowerCase();
    }
}

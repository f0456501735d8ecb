package org.crmworkbench.plugin.nps.results;

/** The dimensions results are broken down by. */
public enum Breakdown {
    CAMPAIGN, MONTH, MANAGER, GROUP, STAGE, DMU_ROLE, TAG;

    public String labelKey() {
        return "breakdown." + name().toLowerCase().replace('_', '-');
    }
}

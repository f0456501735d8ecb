package org.crmworkbench.plugin.tender.decision;

/** What was decided about taking part in a tender. */
public enum Decision {
    BID, NO_BID;

    public String labelKey() {
        return "decision." + name().toLowerCase().replace('_', '-');
    }
}

package org.crmworkbench.plugin.tender.register;

/** Why a tender was lost, for the analysis of lost reasons. */
public enum LostReason {
    PRICE, QUALITY, REQUIREMENTS, RELATIONSHIP, CAPACITY, OTHER;

    public String labelKey() {
        return "lost-reason." + name().toLowerCase();
    }
}

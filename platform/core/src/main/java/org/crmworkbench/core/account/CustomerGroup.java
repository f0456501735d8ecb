package org.crmworkbench.core.account;

/** The customer group (klantgroep) of an account for a period, derived from data (DOMAIN.md section 1). */
public enum CustomerGroup {
    /** Bought in the period. */
    ACTIVE,
    /** Bought before the period, not in it. */
    INACTIVE,
    /** Has a relationship (a prospect, lead or hot lead, or a logged interaction) but never bought. */
    POTENTIAL,
    /** No relationship yet but could become a customer. */
    POSSIBLY_INTERESTED,
    /** Marked "never interested": no money is spent on them. */
    OTHER;

    public String labelKey() {
        return "group." + name().toLowerCase().replace('_', '-');
    }
}

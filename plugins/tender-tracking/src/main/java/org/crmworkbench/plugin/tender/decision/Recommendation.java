package org.crmworkbench.plugin.tender.decision;

/** What the bid/no-bid scoring advises: bid at the bid threshold and above, review from the review threshold. */
public enum Recommendation {
    BID, REVIEW, NO_BID;

    public String labelKey() {
        return "recommendation." + name().toLowerCase().replace('_', '-');
    }
}

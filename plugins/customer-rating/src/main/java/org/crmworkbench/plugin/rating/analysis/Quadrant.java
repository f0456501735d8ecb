package org.crmworkbench.plugin.rating.analysis;

/**
 * The cells of the customer relations assessment matrix (DOMAIN.md 2), with the approach for each.
 */
public enum Quadrant {
    /** Strong buying, strong relationship: loyal and attractive; personal one-to-one attention. */
    PARTNER,
    /** Strong buying, weak relationship: important by size, price buyer, leaves when cheaper elsewhere. */
    ECONOMICUS,
    /** Weak buying, strong relationship: likes us but buys from a competitor. */
    FRIEND,
    /** Weak buying, weak relationship: unlikely to become profitable; do not invest. */
    DOG;

    public static Quadrant of(boolean strongBuying, boolean strongRelationship) {
        if (strongBuying) {
            return strongRelationship ? PARTNER : ECONOMICUS;
        }
        return strongRelationship ? FRIEND : DOG;
    }

    public String labelKey() {
        return "quadrant." + name().toLowerCase();
    }

    public String approachKey() {
        return "quadrant." + name().toLowerCase() + ".approach";
    }
}

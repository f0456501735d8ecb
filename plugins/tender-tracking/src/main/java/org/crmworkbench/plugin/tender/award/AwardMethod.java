package org.crmworkbench.plugin.tender.award;

/** How the authority chooses: the lowest price, or the best price-quality ratio with weighted criteria. */
public enum AwardMethod {
    LOWEST_PRICE, PRICE_QUALITY;

    public String labelKey() {
        return "award-method." + name().toLowerCase().replace('_', '-');
    }
}

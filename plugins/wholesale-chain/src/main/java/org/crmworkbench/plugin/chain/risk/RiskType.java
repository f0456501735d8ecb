package org.crmworkbench.plugin.chain.risk;

import java.util.Locale;

/**
 * What puts a relationship at risk (DOMAIN.md section 6: wholesalers that only buy and sell will not
 * survive): we only buy and sell (no role above the threshold); a customer buys the product group
 * directly from the producer as well (disintermediation); a producer took distribution back (the
 * customer buys from the producer now and no longer from us).
 */
public enum RiskType {
    BUY_SELL_ONLY, DIRECT_PURCHASE, DISTRIBUTION_TAKEN_BACK;

    public String labelKey() {
        return "risk." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

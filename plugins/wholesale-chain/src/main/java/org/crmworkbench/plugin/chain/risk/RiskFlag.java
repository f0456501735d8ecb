package org.crmworkbench.plugin.chain.risk;

/**
 * A relationship at risk.
 *
 * @param linkId     the link the flag is about: ours for {@link RiskType#BUY_SELL_ONLY}, the direct
 *                   producer-to-customer link for the others
 * @param supplierId the producer or supplier, null when the link is ours to a customer
 * @param customerId the customer, null when the link is a supplier's to us
 */
public record RiskFlag(RiskType type, String productGroup, long linkId, Long supplierId, String supplierName, Long customerId,
                       String customerName) {
}

package org.crmworkbench.core.order;

import java.math.BigDecimal;

/**
 * The editable fields of a product in the catalogue.
 *
 * @param code         unique article code, required
 * @param name         required
 * @param productGroup required; revenue is analysed per group
 * @param listPrice    default unit price on a new order line, optional, not negative
 * @param active       can still be ordered
 */
public record ProductData(String code, String name, String productGroup, BigDecimal listPrice, boolean active) {
}

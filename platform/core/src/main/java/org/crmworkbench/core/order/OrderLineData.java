package org.crmworkbench.core.order;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param productId the product ordered
 * @param quantity  more than zero
 * @param unitPrice not negative
 * @param marginPct contribution margin in percent of the line amount (-100..100), or null when unknown
 */
public record OrderLineData(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal marginPct) {
}

package org.crmworkbench.core.order;

import java.math.BigDecimal;

/**
 * A stored order line with its product, for display.
 *
 * @param lineNo       1-based position in the order
 * @param productCode  product code
 * @param productName  product name
 * @param productGroup product group
 * @param quantity     quantity
 * @param unitPrice    unit price
 * @param marginPct    margin in percent, may be null
 */
public record OrderLineView(int lineNo, String productCode, String productName, String productGroup,
                            BigDecimal quantity, BigDecimal unitPrice, BigDecimal marginPct) {

    public BigDecimal amount() {
        return quantity.multiply(unitPrice);
    }
}

package org.crmworkbench.core.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An order as listed on the account: totals over its lines.
 *
 * @param id          primary key
 * @param orderNumber may be null
 * @param orderDate   date ordered
 * @param lineCount   number of lines
 * @param amount      sum of quantity x unit price
 * @param margin      sum of the line margins where known, null when no line has one
 */
public record OrderSummary(long id, String orderNumber, LocalDate orderDate, int lineCount, BigDecimal amount,
                           BigDecimal margin) {
}

package org.crmworkbench.core.order;

import java.time.LocalDate;
import java.util.List;

/**
 * A new order.
 *
 * @param orderNumber optional, unique (e.g. the ERP's number)
 * @param orderDate   required, not in the future
 * @param lines       at least one
 */
public record OrderData(String orderNumber, LocalDate orderDate, List<OrderLineData> lines) {

    public OrderData {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}

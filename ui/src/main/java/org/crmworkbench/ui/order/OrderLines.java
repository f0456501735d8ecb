package org.crmworkbench.ui.order;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.crmworkbench.core.order.OrderLineView;

import java.text.NumberFormat;
import java.util.List;

/** The lines of one order, shown under it in the orders grid. */
final class OrderLines extends Grid<OrderLineView> {

    OrderLines(List<OrderLineView> lines, NumberFormat money) {
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        addColumn(OrderLineView::productCode).setHeader(getTranslation("product.code")).setAutoWidth(true);
        addColumn(OrderLineView::productName).setHeader(getTranslation("product.name")).setFlexGrow(2);
        addColumn(OrderLineView::productGroup).setHeader(getTranslation("product.group"));
        addColumn(line -> line.quantity().stripTrailingZeros().toPlainString()).setHeader(getTranslation("order.quantity"))
                .setTextAlign(ColumnTextAlign.END);
        addColumn(line -> money.format(line.unitPrice())).setHeader(getTranslation("order.unit-price"))
                .setTextAlign(ColumnTextAlign.END);
        addColumn(line -> line.marginPct() == null ? "—" : line.marginPct().stripTrailingZeros().toPlainString() + " %")
                .setHeader(getTranslation("order.margin-pct")).setTextAlign(ColumnTextAlign.END);
        addColumn(line -> money.format(line.amount())).setHeader(getTranslation("order.amount"))
                .setTextAlign(ColumnTextAlign.END);
        setItems(lines);
    }
}

package org.crmworkbench.ui.order;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.order.OrderService;
import org.crmworkbench.core.order.OrderSummary;
import org.crmworkbench.core.order.ProductService;
import org.crmworkbench.ui.opportunity.Money;
import org.crmworkbench.ui.editing.Deleting;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The account editor's orders tab: orders newest first, paged in SQL, each expandable to its lines;
 * a new order is entered in a dialog and moves the account's lifecycle stage by the rules, as deleting
 * one does.
 */
public class AccountOrders extends VerticalLayout {

    final Grid<OrderSummary> grid = new Grid<>();
    final Button add = new Button();
    final Paragraph empty = new Paragraph();
    private final Runnable onOrderAdded;

    public AccountOrders(OrderService orders, ProductService products, long accountId, UserRef user, Runnable onOrderAdded) {
        this.onOrderAdded = onOrderAdded;
        setSizeFull();
        Locale locale = UI.getCurrent().getLocale();
        var money = Money.format(locale);
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        add.setText(getTranslation("orders.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(click -> new OrderDialog(orders, products, accountId, user, this::added).open());
        grid.addColumn(o -> dates.format(o.orderDate())).setHeader(getTranslation("order.date"));
        grid.addColumn(o -> o.orderNumber() == null ? "—" : o.orderNumber()).setHeader(getTranslation("order.number"));
        grid.addColumn(OrderSummary::lineCount).setHeader(getTranslation("order.lines"));
        grid.addColumn(o -> money.format(o.amount())).setHeader(getTranslation("order.amount"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(o -> o.margin() == null ? "—" : money.format(o.margin())).setHeader(getTranslation("order.margin"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(o -> {
            var delete = Deleting.button(this, () -> o.orderNumber() != null ? o.orderNumber() : dates.format(o.orderDate()),
                    "delete.order", () -> orders.delete(o.id(), null, user), this::added);
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return delete;
        }).setFlexGrow(0);
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(order -> new OrderLines(orders.lines(order.id(), user), money)));
        grid.setItems(query -> orders.page(accountId, user, query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = orders.count(accountId, user);
                    empty.setVisible(count == 0);
                    return count;
                });
        empty.setText(getTranslation("orders.empty"));
        add(add, empty, grid);
    }

    private void added() {
        grid.getDataProvider().refreshAll();
        onOrderAdded.run();
    }
}

package org.crmworkbench.ui.order;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.order.OrderData;
import org.crmworkbench.core.order.OrderLineData;
import org.crmworkbench.core.order.OrderService;
import org.crmworkbench.core.order.Product;
import org.crmworkbench.core.order.ProductService;
import org.crmworkbench.ui.editing.FieldErrors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmworkbench.ui.editing.MaxLength;

/**
 * Enters a new order: number, date and lines (product, quantity, unit price, margin %). The service's
 * rules decide; their messages appear next to the fields, per line. Nothing is saved while any rule fails.
 */
final class OrderDialog extends Dialog {

    final TextField number = new TextField();
    final DatePicker date = new DatePicker();
    final VerticalLayout lineRows = new VerticalLayout();
    final Button addLine = new Button();
    final Button save = new Button();
    final Paragraph formError = new Paragraph();
    final List<LineRow> lines = new ArrayList<>();
    private final ProductService products;

    /** One editable order line. */
    final class LineRow extends HorizontalLayout {
        final ComboBox<Product> product = new ComboBox<>();
        final BigDecimalField quantity = new BigDecimalField();
        final BigDecimalField unitPrice = new BigDecimalField();
        final BigDecimalField marginPct = new BigDecimalField();
        final Button remove = new Button(VaadinIcon.TRASH.create());

        LineRow() {
            product.setLabel(getTranslation("order.product"));
            product.setItems(query -> products.page(query.getFilter().orElse(""), true, query.getOffset(), query.getLimit()).stream(),
                    query -> products.count(query.getFilter().orElse(""), true));
            product.setItemLabelGenerator(Product::label);
            product.setWidth("22em");
            product.addValueChangeListener(change -> {
                if (change.getValue() != null && unitPrice.isEmpty()) {
                    unitPrice.setValue(change.getValue().data().listPrice());
                }
            });
            quantity.setLabel(getTranslation("order.quantity"));
            quantity.setWidth("7em");
            unitPrice.setLabel(getTranslation("order.unit-price"));
            unitPrice.setWidth("9em");
            marginPct.setLabel(getTranslation("order.margin-pct"));
            marginPct.setWidth("7em");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("order.remove-line"));
            remove.setTooltipText(getTranslation("order.remove-line"));
            remove.addClickListener(click -> {
                lines.remove(this);
                lineRows.remove(this);
            });
            setAlignItems(FlexComponent.Alignment.BASELINE);
            add(product, quantity, unitPrice, marginPct, remove);
        }
    }

    OrderDialog(OrderService orders, ProductService products, long accountId, UserRef user, Runnable onSaved) {
        this.products = products;
        setHeaderTitle(getTranslation("orders.add"));
        number.setLabel(getTranslation("order.number"));
        MaxLength.of(number, 40);
        date.setLabel(getTranslation("order.date"));
        date.setLocale(UI.getCurrent().getLocale());
        date.setValue(LocalDate.now());
        date.setMax(LocalDate.now());
        date.setRequiredIndicatorVisible(true);
        lineRows.setPadding(false);
        lineRows.setSpacing(false);
        addLine.setText(getTranslation("order.add-line"));
        addLine.setIcon(VaadinIcon.PLUS.create());
        addLine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addLine.addClickListener(click -> addRow());
        formError.addClassNames(LumoUtility.TextColor.ERROR);
        formError.setVisible(false);
        addRow();

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save(orders, accountId, user, onSaved));
        add(new HorizontalLayout(number, date), lineRows, addLine, formError);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    LineRow addRow() {
        var row = new LineRow();
        lines.add(row);
        lineRows.add(row);
        row.product.focus();
        return row;
    }

    private void save(OrderService orders, long accountId, UserRef user, Runnable onSaved) {
        var fields = new HashMap<String, HasValidation>();
        fields.put("orderNumber", number);
        fields.put("orderDate", date);
        var data = new ArrayList<OrderLineData>();
        var missingProduct = new HashMap<String, String>();
        for (int i = 0; i < lines.size(); i++) {
            LineRow row = lines.get(i);
            for (HasValidation field : List.of(row.product, row.quantity, row.unitPrice, row.marginPct)) {
                field.setInvalid(false);
            }
            fields.put("lines[" + i + "].product", row.product);
            fields.put("lines[" + i + "].quantity", row.quantity);
            fields.put("lines[" + i + "].unitPrice", row.unitPrice);
            fields.put("lines[" + i + "].marginPct", row.marginPct);
            if (row.product.getValue() == null) {
                missingProduct.put("lines[" + i + "].product", "order.error.product-required");
            } else {
                data.add(new OrderLineData(row.product.getValue().id(), row.quantity.getValue(), row.unitPrice.getValue(),
                        row.marginPct.getValue()));
            }
        }
        number.setInvalid(false);
        date.setInvalid(false);
        formError.setVisible(false);
        if (!missingProduct.isEmpty()) {
            FieldErrors.show(fields, missingProduct, this);
            return;
        }
        try {
            orders.add(accountId, new OrderData(number.getValue(), date.getValue(), data), user);
            close();
            onSaved.run();
        } catch (InvalidInputException e) {
            FieldErrors.show(fields, e.errors(), this);
            Map<String, String> general = new HashMap<>(e.errors());
            general.keySet().removeAll(fields.keySet());
            if (!general.isEmpty()) {
                formError.setText(general.values().stream().map(this::getTranslation).distinct()
                        .reduce((a, b) -> a + " " + b).orElseThrow());
                formError.setVisible(true);
            }
        }
    }
}

package org.crmworkbench.ui.order;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.order.Product;
import org.crmworkbench.core.order.ProductData;
import org.crmworkbench.core.order.ProductService;
import org.crmworkbench.ui.editing.Deleting;
import org.crmworkbench.ui.editing.Saving;

import java.util.Map;
import org.crmworkbench.ui.editing.MaxLength;

/** Adds or changes a product; the service's rules decide, their messages appear next to the fields. */
final class ProductDialog extends Dialog {

    final TextField code = new TextField();
    final TextField name = new TextField();
    final TextField group = new TextField();
    final BigDecimalField listPrice = new BigDecimalField();
    final Checkbox active = new Checkbox();
    final Button save = new Button();

    ProductDialog(ProductService products, Product existing, UserRef user, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "products.add" : "products.edit"));
        code.setLabel(getTranslation("product.code"));
        MaxLength.of(code, 40);
        code.setRequiredIndicatorVisible(true);
        name.setLabel(getTranslation("product.name"));
        MaxLength.of(name, 200);
        name.setRequiredIndicatorVisible(true);
        group.setLabel(getTranslation("product.group"));
        MaxLength.of(group, 100);
        group.setRequiredIndicatorVisible(true);
        listPrice.setLabel(getTranslation("product.list-price"));
        active.setLabel(getTranslation("product.active"));
        active.setValue(true);
        if (existing != null) {
            code.setValue(existing.data().code());
            name.setValue(existing.data().name());
            group.setValue(existing.data().productGroup());
            listPrice.setValue(existing.data().listPrice());
            active.setValue(existing.data().active());
        }
        Map<String, HasValidation> fields = Map.of("code", code, "name", name, "productGroup", group, "listPrice", listPrice);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            var data = new ProductData(code.getValue(), name.getValue(), group.getValue(), listPrice.getValue(), active.getValue());
            if (Saving.attempt(this, fields, "product.error.changed-elsewhere", () -> {
                if (existing == null) {
                    products.create(data, user);
                } else {
                    products.update(existing.id(), existing.version(), data, user);
                }
            })) {
                close();
                onSaved.run();
            }
        });
        add(new FormLayout(code, name, group, listPrice, active));
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        if (existing != null) {
            var delete = Deleting.button(this, existing::label, "delete.product",
                    () -> products.delete(existing.id(), existing.version(), user), () -> {
                close();
                onSaved.run();
            });
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().addComponentAsFirst(delete);
        }
    }
}

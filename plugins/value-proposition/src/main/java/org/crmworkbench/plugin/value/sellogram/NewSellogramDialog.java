package org.crmworkbench.plugin.value.sellogram;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.value.Catalogue;
import org.crmworkbench.plugin.value.Feedback;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.motive.Motive;
import org.crmworkbench.plugin.value.motive.Motives;

import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Chooses the product (from the core catalogue) or the service of a new sellogram, and its motives;
 * or, given a source, the product or service to duplicate it to.
 */
class NewSellogramDialog extends Dialog {

    final RadioButtonGroup<Boolean> kind = new RadioButtonGroup<>();
    final ComboBox<Catalogue.Product> product = new ComboBox<>();
    final TextField service = new TextField();
    final MultiSelectComboBox<Motive> motives = new MultiSelectComboBox<>();
    final Button save;

    /**
     * @param duplicateOf the sellogram to copy, or null for a new, empty one
     * @param opened      called with the new draft's id
     */
    NewSellogramDialog(PluginContext context, Long duplicateOf, LongConsumer opened) {
        var sellograms = new Sellograms(context.dsl(), context.clock(), context::requirePermission);
        var catalogue = new Catalogue(context.dsl());
        setHeaderTitle(context.message(duplicateOf == null ? "new.title" : "duplicate.title"));
        kind.setLabel(context.message("new.kind"));
        kind.setItems(false, true);
        kind.setItemLabelGenerator(isService -> context.message(isService ? "new.kind.service" : "new.kind.product"));
        kind.setValue(false);
        product.setLabel(context.message("new.product"));
        product.setItems(query -> catalogue.products(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                query -> catalogue.count(query.getFilter().orElse("")));
        product.setItemLabelGenerator(Catalogue.Product::label);
        product.setRequiredIndicatorVisible(true);
        product.setWidthFull();
        service.setLabel(context.message("new.service"));
        service.setMaxLength(Sellograms.MAX_SERVICE);
        service.setRequiredIndicatorVisible(true);
        service.setWidthFull();
        service.setVisible(false);
        kind.addValueChangeListener(change -> {
            product.setVisible(!change.getValue());
            service.setVisible(change.getValue());
        });
        motives.setLabel(context.message("new.motives"));
        motives.setItems(new Motives(context.dsl()).list(true));
        motives.setItemLabelGenerator(m -> m.name(context.locale()));
        motives.setHelperText(context.message("new.motives-help"));
        motives.setWidthFull();
        motives.setVisible(duplicateOf == null);

        save = new Button(context.message(duplicateOf == null ? "new.create" : "duplicate.create"), click -> {
            product.setInvalid(false);
            service.setInvalid(false);
            boolean isService = kind.getValue();
            if (!isService && product.getValue() == null) {
                product.setErrorMessage(context.message("new.product-required"));
                product.setInvalid(true);
                return;
            }
            var subject = isService ? Subject.service(service.getValue()) : Subject.product(product.getValue().id());
            try {
                long id = duplicateOf == null
                        ? sellograms.create(subject, motives.getValue().stream().map(Motive::id).collect(Collectors.toSet()), Feedback.by(context))
                        : sellograms.duplicate(duplicateOf, subject, Feedback.by(context));
                close();
                opened.accept(id);
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("subject", isService ? service : product, "motives", motives));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(kind, product, service, motives);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("28rem");
        add(form);
        getFooter().add(new Button(context.message("action.cancel"), click -> close()), save);
    }
}

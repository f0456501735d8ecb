package org.crmworkbench.plugin.value.canvas;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.value.ChangedMeanwhileException;
import org.crmworkbench.plugin.value.Feedback;
import org.crmworkbench.plugin.value.InputRejectedException;

import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Creates a segment canvas or edits a canvas's head: name, segment (industry and/or account level),
 * the alternative for the statement and how many top pains and gains make a fit.
 */
class CanvasHeadDialog extends Dialog {

    final TextField name = new TextField();
    final ComboBox<String> industry = new ComboBox<>();
    final Select<String> level = new Select<>();
    final TextField alternative = new TextField();
    final IntegerField fitTop = new IntegerField();
    final Button save;

    /**
     * @param canvas the canvas to edit, or null for a new segment canvas
     * @param saved  called with the canvas's id after saving (or after a conflict, to reload)
     */
    CanvasHeadDialog(PluginContext context, Canvas canvas, LongConsumer saved) {
        var canvases = new Canvases(context.dsl(), context.clock(), context::requirePermission);
        boolean forAccount = canvas != null && canvas.accountId() != null;
        setHeaderTitle(context.message(canvas == null ? "canvases.new" : "canvas.edit-head"));
        name.setLabel(context.message("canvas.name"));
        name.setMaxLength(Canvases.MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        name.setHelperText(context.message("canvas.name-help"));
        industry.setLabel(context.message("canvas.industry"));
        industry.setItems(canvases.industries());
        industry.setAllowCustomValue(true);
        industry.addCustomValueSetListener(custom -> industry.setValue(custom.getDetail()));
        industry.setClearButtonVisible(true);
        level.setLabel(context.message("canvas.level"));
        level.setItems(Canvases.ACCOUNT_LEVELS);
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(context.message("canvas.any-level"));
        level.setItemLabelGenerator(l -> l == null ? context.message("canvas.any-level") : context.message("level." + l.toLowerCase()));
        industry.setVisible(!forAccount);
        level.setVisible(!forAccount);
        alternative.setLabel(context.message("canvas.alternative"));
        alternative.setHelperText(context.message("canvas.alternative-help"));
        alternative.setMaxLength(Canvases.MAX_ALTERNATIVE);
        fitTop.setLabel(context.message("canvas.fit-top"));
        fitTop.setHelperText(context.message("canvas.fit-top-help"));
        fitTop.setMin(1);
        fitTop.setMax(20);
        fitTop.setStepButtonsVisible(true);
        fitTop.setValue(3);
        if (canvas != null) {
            name.setValue(canvas.name());
            industry.setValue(canvas.industry());
            level.setValue(canvas.accountLevel());
            alternative.setValue(canvas.alternative() == null ? "" : canvas.alternative());
            fitTop.setValue(canvas.fitTop());
        }
        save = new Button(context.message("action.save"), click -> {
            var input = new CanvasInput(name.getValue(), forAccount ? canvas.accountId() : null, forAccount ? null : industry.getValue(),
                    forAccount ? null : level.getValue(), alternative.getValue(), fitTop.getValue() == null ? 0 : fitTop.getValue());
            try {
                long id;
                if (canvas == null) {
                    id = canvases.create(input, Feedback.by(context));
                } else {
                    canvases.update(canvas.id(), canvas.version(), input, Feedback.by(context));
                    id = canvas.id();
                }
                close();
                saved.accept(id);
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("name", name, "industry", industry, "accountLevel", level,
                        "alternative", alternative, "fitTop", fitTop));
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                close();
                saved.accept(canvas.id());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(name, industry, level, alternative, fitTop);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("28rem");
        add(form);
        getFooter().add(new Button(context.message("action.cancel"), click -> close()), save);
        addOpenedChangeListener(change -> {
            if (change.isOpened()) {
                name.focus();
            }
        });
    }
}

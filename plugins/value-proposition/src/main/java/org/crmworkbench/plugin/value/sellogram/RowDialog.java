package org.crmworkbench.plugin.value.sellogram;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.value.ChangedMeanwhileException;
import org.crmworkbench.plugin.value.Feedback;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.motive.Motive;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Adds or edits a sellogram row: feature -> advantage -> customer benefit, and the motives it serves. */
class RowDialog extends Dialog {

    final TextArea feature = new TextArea();
    final TextArea advantage = new TextArea();
    final TextArea benefit = new TextArea();
    final CheckboxGroup<Motive> motives = new CheckboxGroup<>();
    final Button save;

    /**
     * @param row     the row to edit, or null for a new one
     * @param choices the motives to offer: the active ones, and those the row already has
     * @param store   saves the input; throws {@link InputRejectedException} or {@link ChangedMeanwhileException}
     * @param after   called after saving, or after a conflict, to reload the builder
     */
    RowDialog(PluginContext context, SellogramRow row, List<Motive> choices, Consumer<RowInput> store, Runnable after) {
        setHeaderTitle(context.message(row == null ? "row.add-title" : "row.edit-title"));
        feature.setLabel(context.message("row.feature"));
        feature.setHelperText(context.message("row.feature-help"));
        advantage.setLabel(context.message("row.advantage"));
        advantage.setHelperText(context.message("row.advantage-help"));
        benefit.setLabel(context.message("row.benefit"));
        benefit.setHelperText(context.message("row.benefit-help"));
        for (var area : List.of(feature, advantage, benefit)) {
            area.setMaxLength(Sellograms.MAX_CELL);
            area.setWidthFull();
        }
        motives.setLabel(context.message("row.motives"));
        motives.setItems(choices);
        motives.setItemLabelGenerator(m -> m.name(context.locale()));
        if (row != null) {
            feature.setValue(row.feature());
            advantage.setValue(row.advantage());
            benefit.setValue(row.benefit());
            motives.setValue(choices.stream().filter(m -> row.motiveIds().contains(m.id())).collect(Collectors.toSet()));
        }
        save = new Button(context.message("action.save"), click -> {
            try {
                store.accept(new RowInput(feature.getValue(), advantage.getValue(), benefit.getValue(),
                        motives.getValue().stream().map(Motive::id).collect(Collectors.toSet())));
                close();
                after.run();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("feature", feature, "advantage", advantage, "benefit", benefit, "motives", motives));
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                close();
                after.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(feature, advantage, benefit, motives);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("36rem");
        add(new Paragraph(context.message("row.intro")), form);
        getFooter().add(new Button(context.message("action.cancel"), click -> close()), save);
        addOpenedChangeListener(change -> {
            if (change.isOpened()) {
                feature.focus();
            }
        });
    }
}

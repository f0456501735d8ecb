package org.crmworkbench.ui.opportunity;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.opportunity.FunnelStage;
import org.crmworkbench.core.opportunity.Opportunity;
import org.crmworkbench.core.opportunity.OpportunityData;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.opportunity.OpportunityStatus;
import org.crmworkbench.ui.editing.Deleting;
import org.crmworkbench.ui.editing.Saving;

import java.util.List;
import java.util.Map;
import org.crmworkbench.ui.editing.MaxLength;

/**
 * Adds or edits an opportunity. Choosing a stage proposes its default probability; won sets 100 %,
 * lost 0 %. The service's rules decide; a stale save keeps the input and says who changed it.
 */
final class OpportunityDialog extends Dialog {

    final TextField name = new TextField();
    final Select<FunnelStage> stage = new Select<>();
    final Select<OpportunityStatus> status = new Select<>();
    final BigDecimalField amount = new BigDecimalField();
    final IntegerField probability = new IntegerField();
    final DatePicker expectedClose = new DatePicker();
    final Select<UserRef> owner = new Select<>();
    final TextArea notes = new TextArea();
    final Button save = new Button();

    OpportunityDialog(OpportunityService opportunities, long accountId, Opportunity existing, UserRef user,
                      List<UserRef> users, Runnable onSaved) {
        setHeaderTitle(existing == null ? getTranslation("opportunities.add")
                : getTranslation("opportunities.edit", existing.accountName()));
        name.setLabel(getTranslation("opportunity.name"));
        MaxLength.of(name, 200);
        name.setRequiredIndicatorVisible(true);
        stage.setLabel(getTranslation("opportunity.stage"));
        stage.setItems(FunnelStage.values());
        stage.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        status.setLabel(getTranslation("opportunity.status"));
        status.setItems(OpportunityStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        amount.setLabel(getTranslation("opportunity.amount"));
        amount.setRequiredIndicatorVisible(true);
        probability.setLabel(getTranslation("opportunity.probability"));
        probability.setMin(0);
        probability.setMax(100);
        probability.setStepButtonsVisible(true);
        expectedClose.setLabel(getTranslation("opportunity.expected-close"));
        expectedClose.setLocale(UI.getCurrent().getLocale());
        owner.setLabel(getTranslation("opportunity.owner"));
        owner.setItems(users);
        owner.setItemLabelGenerator(UserRef::displayName);
        notes.setLabel(getTranslation("opportunity.notes"));
        MaxLength.of(notes, 2000);

        if (existing == null) {
            stage.setValue(FunnelStage.NEED_RECOGNISED);
            status.setValue(OpportunityStatus.OPEN);
            probability.setValue(FunnelStage.NEED_RECOGNISED.defaultProbability());
            owner.setValue(users.stream().filter(u -> u.id() == user.id()).findFirst().orElse(null));
        } else {
            var data = existing.data();
            name.setValue(data.name());
            stage.setValue(data.stage());
            status.setValue(data.status());
            amount.setValue(data.amount());
            probability.setValue(data.probability());
            expectedClose.setValue(data.expectedClose());
            owner.setValue(users.stream().filter(u -> u.id() == data.ownerId()).findFirst().orElse(null));
            notes.setValue(data.notes() == null ? "" : data.notes());
        }
        stage.addValueChangeListener(change -> {
            if (status.getValue() == OpportunityStatus.OPEN) {
                probability.setValue(change.getValue().defaultProbability());
            }
        });
        status.addValueChangeListener(change -> {
            switch (change.getValue()) {
                case WON -> probability.setValue(100);
                case LOST -> probability.setValue(0);
                case OPEN -> probability.setValue(stage.getValue().defaultProbability());
            }
        });

        Map<String, HasValidation> fields = Map.of("name", name, "stage", stage, "status", status, "amount", amount,
                "probability", probability, "ownerId", owner, "notes", notes);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            var data = new OpportunityData(name.getValue(), stage.getValue(), status.getValue(), amount.getValue(),
                    probability.getValue() == null ? -1 : probability.getValue(), expectedClose.getValue(),
                    owner.getValue() == null ? null : owner.getValue().id(), notes.getValue());
            if (Saving.attempt(this, fields, "opportunity.error.changed-elsewhere", () -> {
                if (existing == null) {
                    opportunities.add(accountId, data, user);
                } else {
                    opportunities.update(existing.id(), existing.version(), data, user);
                }
            })) {
                close();
                onSaved.run();
            }
        });
        var form = new FormLayout(name, owner, stage, status, amount, probability, expectedClose, notes);
        form.setColspan(name, 2);
        form.setColspan(notes, 2);
        add(form);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        if (existing != null) {
            var delete = Deleting.button(this, () -> existing.data().name(), "delete.opportunity",
                    () -> opportunities.delete(existing.id(), existing.version(), user), () -> {
                close();
                onSaved.run();
            });
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().addComponentAsFirst(delete);
        }
    }
}

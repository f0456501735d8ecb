package org.crmworkbench.ui.interaction;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.contact.Contact;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.interaction.FollowUp;
import org.crmworkbench.core.interaction.Interaction;
import org.crmworkbench.core.interaction.InteractionData;
import org.crmworkbench.core.interaction.InteractionKind;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.ui.editing.Deleting;
import org.crmworkbench.ui.editing.Saving;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import org.crmworkbench.ui.editing.MaxLength;

/** Logs or edits one interaction; a complaint gets an open follow-up by default. The service's rules decide. */
final class InteractionDialog extends Dialog {

    final Select<InteractionKind> kind = new Select<>();
    final DateTimePicker occurredAt = new DateTimePicker();
    final TextArea summary = new TextArea();
    final MultiSelectComboBox<Contact> contactPicker = new MultiSelectComboBox<>();
    final Select<FollowUp> followUp = new Select<>();
    final DatePicker due = new DatePicker();
    final Button save = new Button();

    InteractionDialog(InteractionService interactions, ContactService contacts, long accountId, Interaction existing,
                      UserRef user, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "interactions.add" : "interactions.edit"));
        setWidth("40em");
        var locale = UI.getCurrent().getLocale();
        kind.setLabel(getTranslation("interaction.kind"));
        kind.setItems(InteractionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kind.setValue(InteractionKind.CALL);
        occurredAt.setLabel(getTranslation("interaction.occurred-at"));
        occurredAt.setLocale(locale);
        occurredAt.setValue(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES));
        summary.setId("interaction-summary");
        summary.setLabel(getTranslation("interaction.summary"));
        MaxLength.of(summary, 2000);
        summary.setRequiredIndicatorVisible(true);
        contactPicker.setLabel(getTranslation("interaction.contacts"));
        var accountContacts = contacts.forAccount(accountId, user); // a handful per account
        contactPicker.setItems(accountContacts);
        contactPicker.setItemLabelGenerator(Contact::fullName);
        followUp.setLabel(getTranslation("interaction.follow-up"));
        followUp.setItems(FollowUp.values());
        followUp.setItemLabelGenerator(f -> getTranslation(f.labelKey()));
        followUp.setValue(FollowUp.NONE);
        due.setLabel(getTranslation("interaction.follow-up-due"));
        due.setLocale(locale);
        kind.addValueChangeListener(change -> {
            if (change.getValue() == InteractionKind.COMPLAINT && followUp.getValue() == FollowUp.NONE) {
                followUp.setValue(FollowUp.OPEN);
            }
        });
        followUp.addValueChangeListener(change -> due.setEnabled(change.getValue() != FollowUp.NONE));
        due.setEnabled(false);
        if (existing != null) {
            var data = existing.data();
            kind.setValue(data.kind());
            occurredAt.setValue(data.occurredAt());
            summary.setValue(data.summary());
            contactPicker.setValue(accountContacts.stream().filter(c -> data.contactIds().contains(c.id())).collect(Collectors.toSet()));
            followUp.setValue(data.followUp());
            due.setValue(data.followUpDue());
        }
        Map<String, HasValidation> fields = Map.of("kind", kind, "occurredAt", occurredAt, "summary", summary,
                "contactIds", contactPicker, "followUp", followUp, "followUpDue", due);
        save.setId("interaction-save");
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            var data = new InteractionData(kind.getValue(), occurredAt.getValue(), summary.getValue(),
                    contactPicker.getValue().stream().map(Contact::id).collect(Collectors.toSet()), followUp.getValue(),
                    followUp.getValue() == FollowUp.NONE ? null : due.getValue());
            if (Saving.attempt(this, fields, "interaction.error.changed-elsewhere", () -> {
                if (existing == null) {
                    interactions.add(accountId, data, user);
                } else {
                    interactions.update(existing.id(), existing.version(), data, user);
                }
            })) {
                close();
                onSaved.run();
            }
        });
        var form = new FormLayout(kind, occurredAt, summary, contactPicker, followUp, due);
        form.setColspan(summary, 2);
        form.setColspan(contactPicker, 2);
        add(form);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        if (existing != null) {
            var delete = Deleting.button(this, () -> getTranslation(existing.data().kind().labelKey()),
                    "delete.cannot-undo", () -> interactions.delete(existing.id(), existing.version(), user), () -> {
                close();
                onSaved.run();
            });
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().addComponentAsFirst(delete);
        }
    }
}

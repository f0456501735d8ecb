package org.crmworkbench.ui.contact;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.contact.Contact;
import org.crmworkbench.core.contact.ContactData;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.contact.DmuRole;
import org.crmworkbench.ui.editing.Deleting;
import org.crmworkbench.ui.editing.Saving;

import java.util.Map;
import org.crmworkbench.ui.editing.MaxLength;

/** Adds or edits one contact; the service's rules decide, their messages appear next to the fields. */
final class ContactDialog extends Dialog {

    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    final TextField jobTitle = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final Select<DmuRole> dmuRole = new Select<>();
    final Checkbox emailConsent = new Checkbox();
    final Checkbox active = new Checkbox();
    final Button save = new Button();
    private final Binder<Draft> binder = new Binder<>();
    private final Map<String, HasValidation> fields;

    /** The form's editable copy. */
    static final class Draft {
        String firstName = "";
        String lastName = "";
        String jobTitle = "";
        String email = "";
        String phone = "";
        DmuRole dmuRole;
        boolean emailConsent;
        boolean active = true;

        ContactData toData() {
            return new ContactData(firstName, lastName, jobTitle, email, phone, dmuRole, emailConsent, active);
        }
    }

    ContactDialog(ContactService contacts, long accountId, Contact existing, UserRef user, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "contacts.add" : "contacts.edit"));
        firstName.setLabel(getTranslation("contact.first-name"));
        MaxLength.of(firstName, 100);
        lastName.setLabel(getTranslation("contact.last-name"));
        MaxLength.of(lastName, 100);
        jobTitle.setLabel(getTranslation("contact.job-title"));
        MaxLength.of(jobTitle, 100);
        email.setLabel(getTranslation("contact.email"));
        MaxLength.of(email, 254, "contact.error.email");
        phone.setLabel(getTranslation("contact.phone"));
        MaxLength.of(phone, 40);
        dmuRole.setLabel(getTranslation("contact.dmu-role"));
        dmuRole.setItems(DmuRole.values());
        dmuRole.setEmptySelectionAllowed(true);
        dmuRole.setItemLabelGenerator(role -> role == null ? "—" : getTranslation(role.labelKey()));
        emailConsent.setLabel(getTranslation("contact.email-consent"));
        active.setLabel(getTranslation("contact.active"));

        binder.forField(firstName).bind(d -> d.firstName, (d, v) -> d.firstName = v);
        binder.forField(lastName).asRequired(getTranslation("contact.error.last-name-required"))
                .bind(d -> d.lastName, (d, v) -> d.lastName = v);
        binder.forField(jobTitle).bind(d -> d.jobTitle, (d, v) -> d.jobTitle = v);
        binder.forField(email).bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(phone).bind(d -> d.phone, (d, v) -> d.phone = v);
        binder.forField(dmuRole).bind(d -> d.dmuRole, (d, v) -> d.dmuRole = v);
        binder.forField(emailConsent).bind(d -> d.emailConsent, (d, v) -> d.emailConsent = v);
        binder.forField(active).bind(d -> d.active, (d, v) -> d.active = v);
        binder.setBean(existing == null ? new Draft() : draftOf(existing.data()));
        fields = Map.of("firstName", firstName, "lastName", lastName, "jobTitle", jobTitle, "email", email, "phone", phone);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            if (Saving.attempt(this, fields, "contact.error.changed-elsewhere", () -> {
                if (existing == null) {
                    contacts.add(accountId, binder.getBean().toData(), user);
                } else {
                    contacts.update(existing.id(), existing.version(), binder.getBean().toData(), user);
                }
            })) {
                close();
                onSaved.run();
            }
        });
        var form = new FormLayout(firstName, lastName, jobTitle, dmuRole, email, phone, emailConsent, active);
        add(form);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        if (existing != null) {
            var delete = Deleting.button(this, existing::fullName, "delete.contact",
                    () -> contacts.delete(existing.id(), existing.version(), user), () -> {
                close();
                onSaved.run();
            });
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().addComponentAsFirst(delete);
        }
    }

    private static Draft draftOf(ContactData data) {
        var draft = new Draft();
        draft.firstName = data.firstName() == null ? "" : data.firstName();
        draft.lastName = data.lastName();
        draft.jobTitle = data.jobTitle() == null ? "" : data.jobTitle();
        draft.email = data.email() == null ? "" : data.email();
        draft.phone = data.phone() == null ? "" : data.phone();
        draft.dmuRole = data.dmuRole();
        draft.emailConsent = data.emailConsent();
        draft.active = data.active();
        return draft;
    }
}

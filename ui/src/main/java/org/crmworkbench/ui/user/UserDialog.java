package org.crmworkbench.ui.user;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.user.PasswordPolicy;
import org.crmworkbench.core.user.UserAdministration;
import org.crmworkbench.core.user.UserAdministration.NewUser;
import org.crmworkbench.core.user.UserAdministration.UserChange;
import org.crmworkbench.core.user.UserAdministration.UserSummary;
import org.crmworkbench.ui.editing.MaxLength;
import org.crmworkbench.ui.editing.Saving;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A new user, or an existing one: name, e-mail, roles, active; for an existing user also "set a new
 * password", "sign out everywhere" and "remove second factor". Invalid input stays in the fields
 * with its message; a stale save (someone changed the user meanwhile) is refused.
 */
final class UserDialog extends Dialog {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final Checkbox active = new Checkbox();
    final PasswordField password = new PasswordField();
    final Button save = new Button();
    final Button setPassword = new Button();
    final Button signOut = new Button();
    final Button removeSecondFactor = new Button();

    private final UserAdministration users;
    private final UserRef admin;
    private final UserSummary existing;
    private final Runnable saved;

    UserDialog(UserAdministration users, UserRef admin, UserSummary existing, Runnable saved) {
        this.users = users;
        this.admin = admin;
        this.existing = existing;
        this.saved = saved;
        setHeaderTitle(existing == null ? getTranslation("users.new") : existing.displayName());

        username.setLabel(getTranslation("users.username"));
        username.setHelperText(getTranslation("users.username.help"));
        MaxLength.of(username, 64);
        username.setRequiredIndicatorVisible(true);
        displayName.setLabel(getTranslation("users.display-name"));
        MaxLength.of(displayName, 128);
        displayName.setRequiredIndicatorVisible(true);
        email.setLabel(getTranslation("users.email"));
        MaxLength.of(email, 254, "users.error.email");
        roles.setLabel(getTranslation("users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        roles.setRequiredIndicatorVisible(true);
        active.setLabel(getTranslation("users.active"));
        password.setLabel(getTranslation(existing == null ? "users.password" : "users.new-password"));
        password.setHelperText(getTranslation("password.rules", PasswordPolicy.MIN_LENGTH));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setMaxLength(200);

        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        if (existing == null) {
            save.addClickShortcut(Key.ENTER).listenOn(password);
            password.setRequiredIndicatorVisible(true);
            roles.setValue(EnumSet.of(Role.SALES));
            form.add(username, displayName, email, roles, password);
            username.focus();
        } else {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            email.setValue(existing.email() == null ? "" : existing.email());
            roles.setValue(existing.roles());
            active.setValue(existing.active());
            form.add(username, displayName, email, roles, active);
            displayName.focus();
        }
        add(form);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(username, displayName, email);
        save.addClickListener(click -> save());
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);

        if (existing != null) {
            setPassword.setText(getTranslation("users.set-password"));
            setPassword.addClickListener(click -> setPassword());
            setPassword.addClickShortcut(Key.ENTER).listenOn(password);
            signOut.setText(getTranslation("users.sign-out"));
            signOut.addClickListener(click -> {
                users.signOutEverywhere(existing.id(), admin);
                Notification.show(getTranslation("users.signed-out", existing.username()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
            removeSecondFactor.setText(getTranslation("users.remove-second-factor"));
            removeSecondFactor.addThemeVariants(ButtonVariant.LUMO_ERROR);
            removeSecondFactor.setVisible(existing.secondFactor());
            removeSecondFactor.addClickListener(click -> {
                users.removeSecondFactor(existing.id(), admin);
                removeSecondFactor.setVisible(false);
                Notification.show(getTranslation("users.second-factor-removed", existing.username()));
                saved.run();
            });
            var passwordRow = new HorizontalLayout(password, setPassword);
            passwordRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(passwordRow, new HorizontalLayout(signOut, removeSecondFactor));
        }
        setWidth("40em");
    }

    private void save() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("email", email);
        fields.put("roles", roles);
        fields.put("password", password);
        if (Saving.attempt(this, fields, "users.error.changed-elsewhere", () -> {
            if (existing == null) {
                users.create(new NewUser(username.getValue(), displayName.getValue(), email.getValue(), roles.getValue(),
                        password.getValue()), admin);
            } else {
                users.update(new UserChange(existing.id(), existing.version(), displayName.getValue(), email.getValue(),
                        roles.getValue(), active.getValue()), admin);
            }
        })) {
            Notification.show(getTranslation("users.saved", existing == null ? username.getValue() : existing.username()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            saved.run();
            close();
        }
    }

    private void setPassword() {
        password.setInvalid(false);
        try {
            users.resetPassword(existing.id(), password.getValue(), admin);
        } catch (InvalidInputException e) {
            password.setErrorMessage(getTranslation(e.errors().get("password"), PasswordPolicy.MIN_LENGTH));
            password.setInvalid(true);
            password.focus();
            return;
        }
        password.clear();
        var done = new ConfirmDialog(getTranslation("users.set-password"), getTranslation("users.password-set", existing.username()),
                getTranslation("action.ok"), event -> { });
        done.open();
    }
}

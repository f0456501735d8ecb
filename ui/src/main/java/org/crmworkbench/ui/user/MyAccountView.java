package org.crmworkbench.ui.user;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.user.PasswordPolicy;
import org.crmworkbench.core.user.Totp;
import org.crmworkbench.core.user.UserAdministration;
import org.crmworkbench.ui.editing.Confirm;
import org.crmworkbench.ui.security.LoginThrottle;

/**
 * The signed-in user's sign-in security at {@code /my-account} (user menu): change the password, sign
 * out on every device, and for administrators the second factor (an authenticator app's code).
 * Changing the password and signing out everywhere end this session too; the user signs in again.
 */
@Route("my-account")
@PermitAll
public class MyAccountView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button changePassword = new Button();
    final Button signOutEverywhere = new Button();
    final VerticalLayout secondFactor = new VerticalLayout();
    final Paragraph secondFactorStatus = new Paragraph();
    final Button setUp = new Button();
    final Button switchOff = new Button();
    final VerticalLayout enrolment = new VerticalLayout();
    final TextField secret = new TextField();
    final TextField code = new TextField();
    final Button confirm = new Button();

    private final UserAdministration users;
    private final AuthenticationContext authentication;
    private final LoginThrottle throttle;
    private final SecurityLog log;
    private final UserRef user;

    public MyAccountView(UserAdministration users, CurrentUser currentUser, AuthenticationContext authentication,
                         LoginThrottle throttle, SecurityLog log) {
        this.users = users;
        this.throttle = throttle;
        this.log = log;
        this.authentication = authentication;
        this.user = currentUser.user().orElseThrow();

        current.setLabel(getTranslation("my-account.current"));
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setLabel(getTranslation("my-account.new"));
        password.setHelperText(getTranslation("password.rules", PasswordPolicy.MIN_LENGTH));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setLabel(getTranslation("my-account.repeat"));
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (var field : new PasswordField[]{current, password, repeat}) {
            field.setWidth("22em");
            field.setMaxLength(200);
            field.setRequiredIndicatorVisible(true);
        }
        changePassword.setText(getTranslation("my-account.change"));
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changePassword.addClickShortcut(Key.ENTER).listenOn(current, password, repeat);
        changePassword.addClickListener(click -> changePassword());

        signOutEverywhere.setText(getTranslation("my-account.sign-out-everywhere"));
        signOutEverywhere.addClickListener(click -> confirmSignOutEverywhere());

        add(new H2(getTranslation("my-account.title")),
                new H3(getTranslation("my-account.password")), current, password, repeat, changePassword,
                new H3(getTranslation("my-account.sessions")), new Paragraph(getTranslation("my-account.sessions.intro")),
                signOutEverywhere);
        buildSecondFactor();
        if (user.hasRole(Role.ADMIN) || users.secondFactorEnabled(user.id())) {
            add(secondFactor);
        }
    }

    private void changePassword() {
        for (var field : new PasswordField[]{current, password, repeat}) {
            field.setInvalid(false);
        }
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("my-account.repeat.different"));
            repeat.setInvalid(true);
            repeat.focus();
            return;
        }
        // guessing the current password here counts like guessing it at the login
        String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
        if (throttle.lockedFor(user.username(), address).isPresent()) {
            current.setErrorMessage(getTranslation("login.locked.message"));
            current.setInvalid(true);
            return;
        }
        try {
            users.changeOwnPassword(user.id(), current.getValue(), password.getValue());
        } catch (InvalidInputException e) {
            if (e.errors().containsKey("current")) {
                throttle.failed(user.username(), address);
                log.record(SecurityLog.Kind.LOGIN_FAILED, user.username(), address, "current password on /my-account");
            }
            e.errors().forEach((field, key) -> {
                var input = field.equals("current") ? current : password;
                input.setErrorMessage(getTranslation(key, PasswordPolicy.MIN_LENGTH));
                input.setInvalid(true);
                input.focus();
            });
            return;
        }
        Notification.show(getTranslation("my-account.changed"), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        authentication.logout();
    }

    private void confirmSignOutEverywhere() {
        Confirm.destructive(getTranslation("my-account.sign-out-everywhere"), getTranslation("my-account.sign-out-everywhere.text"),
                getTranslation("action.cancel"), getTranslation("my-account.sign-out-everywhere"), () -> {
                    users.signOutEverywhere(user.id(), user);
                    authentication.logout();
                });
    }

    private void buildSecondFactor() {
        setUp.setText(getTranslation("my-account.second-factor.set-up"));
        setUp.addClickListener(click -> beginSecondFactor());
        switchOff.setText(getTranslation("my-account.second-factor.off"));
        switchOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
        switchOff.addClickListener(click -> Confirm.destructive(getTranslation("my-account.second-factor.off"),
                getTranslation("my-account.second-factor.off.text"), getTranslation("action.cancel"),
                getTranslation("my-account.second-factor.off"), () -> {
                    users.removeSecondFactor(user.id(), user);
                    Notification.show(getTranslation("my-account.second-factor.removed"));
                    showSecondFactor();
                }));
        secret.setLabel(getTranslation("my-account.second-factor.secret"));
        secret.setReadOnly(true);
        secret.setWidth("26em");
        code.setLabel(getTranslation("second-factor.code"));
        code.setMaxLength(7);
        code.setAllowedCharPattern("[0-9 ]");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        confirm.setText(getTranslation("my-account.second-factor.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER).listenOn(code);
        confirm.addClickListener(click -> confirmSecondFactor());
        enrolment.setPadding(false);
        secondFactor.setPadding(false);
        secondFactor.add(new H3(getTranslation("my-account.second-factor")), new Paragraph(getTranslation("my-account.second-factor.intro")),
                secondFactorStatus, new HorizontalLayout(setUp, switchOff), enrolment);
        showSecondFactor();
    }

    private void beginSecondFactor() {
        String value = users.beginSecondFactor(user);
        secret.setValue(value.replaceAll("(.{4})(?!$)", "$1 "));
        code.clear();
        code.setInvalid(false);
        var codeRow = new HorizontalLayout(code, confirm);
        codeRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        enrolment.removeAll();
        enrolment.add(new Paragraph(getTranslation("my-account.second-factor.scan")),
                QrCode.image(Totp.uri(getTranslation("app.name"), user.username(), value), getTranslation("my-account.second-factor.qr")),
                secret, codeRow);
        enrolment.setVisible(true);
        setUp.setVisible(false);
        code.focus();
    }

    private void confirmSecondFactor() {
        if (!users.confirmSecondFactor(user, code.getValue())) {
            code.clear();
            code.setErrorMessage(getTranslation("second-factor.wrong"));
            code.setInvalid(true);
            code.focus();
            return;
        }
        Notification.show(getTranslation("my-account.second-factor.on"), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        showSecondFactor();
    }

    private void showSecondFactor() {
        boolean on = users.secondFactorEnabled(user.id());
        secondFactorStatus.setText(getTranslation(on ? "my-account.second-factor.status-on" : "my-account.second-factor.status-off"));
        setUp.setVisible(!on && user.hasRole(Role.ADMIN));
        switchOff.setVisible(on);
        enrolment.removeAll();
        enrolment.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-account.title") + " | " + getTranslation("app.name");
    }
}

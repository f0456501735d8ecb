package org.crmworkbench.ui.security;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.user.UserAdministration;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The second step of signing in for a user with a second factor: the six-digit code of their
 * authenticator app. Wrong codes count as failed logins for the {@link LoginThrottle}; a right one
 * completes the sign-in with the user's roles.
 */
@Route(value = "login/second-factor", autoLayout = false)
@PermitAll
public class SecondFactorView extends VerticalLayout implements HasDynamicTitle {

    final TextField code = new TextField();
    final Button verify = new Button();
    final Button cancel = new Button();

    private final UserAdministration users;
    private final LoginThrottle throttle;
    private final SecurityLog log;

    public SecondFactorView(UserAdministration users, LoginThrottle throttle, SecurityLog log, AuthenticationContext authentication) {
        this.users = users;
        this.throttle = throttle;
        this.log = log;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        code.setLabel(getTranslation("second-factor.code"));
        code.setHelperText(getTranslation("second-factor.code.help"));
        code.setMaxLength(7);
        code.setAllowedCharPattern("[0-9 ]");
        code.setAutofocus(true);
        code.addThemeVariants(TextFieldVariant.LUMO_ALIGN_CENTER);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        verify.setText(getTranslation("second-factor.verify"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.addClickListener(click -> verify());
        cancel.setText(getTranslation("second-factor.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(click -> authentication.logout());

        var buttons = new HorizontalLayout(verify, cancel);
        add(new H1(getTranslation("app.name")), new H2(getTranslation("second-factor.title")),
                new Paragraph(getTranslation("second-factor.intro")), code, buttons);
    }

    private void verify() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SecondFactor.isPending(authentication) || !(authentication.getPrincipal() instanceof CrmUserDetails user)) {
            UI.getCurrent().getPage().setLocation("/");
            return;
        }
        String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
        if (throttle.lockedFor(user.getUsername(), address).isPresent()) {
            log.record(SecurityLog.Kind.LOGIN_LOCKED, user.getUsername(), address, "second factor");
            refuse("login.locked.message");
            return;
        }
        if (!users.verifySecondFactor(user.user().id(), code.getValue())) {
            throttle.failed(user.getUsername(), address);
            log.record(SecurityLog.Kind.SECOND_FACTOR_FAILED, user.getUsername(), address, null);
            refuse("second-factor.wrong");
            return;
        }
        throttle.succeeded(user.getUsername());
        log.record(SecurityLog.Kind.LOGIN_SUCCEEDED, user.getUsername(), address, "with second factor");
        rotateSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecondFactor.completed(user, authentication.getDetails()));
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        UI.getCurrent().getPage().setLocation("/");
    }

    private void refuse(String messageKey) {
        code.clear();
        code.setErrorMessage(getTranslation(messageKey));
        code.setInvalid(true);
        code.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-factor.title") + " | " + getTranslation("app.name");
    }

    /** A new session id for the new rights, as Spring Security gives one at a password-only sign-in. */
    private static void rotateSessionId() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            try {
                request.getHttpServletRequest().changeSessionId();
            } catch (UnsupportedOperationException e) {
                // only the browserless test mock lacks it; BrowserSmokeIT checks the id changes in Tomcat
                LoggerFactory.getLogger(SecondFactorView.class).debug("Session id not changed: {}", e.getMessage());
            }
        }
    }
}

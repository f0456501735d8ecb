package org.crmworkbench.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import org.crmworkbench.api.Role;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.user.Totp;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.core.user.UserAdministration;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in with a second factor, and the session guard that ends sessions signed out elsewhere. */
class SecondFactorSignInTest extends UiTest {

    private static final String PASSWORD = "beheerder met een telefoon";

    @Autowired
    AuthenticationProvider login;
    @Autowired
    UserAccounts accounts;
    @Autowired
    UserAdministration users;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    SecurityLog log;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_password_alone_leaves_an_admin_with_a_second_factor_on_the_code_page_without_rights() {
        String secret = adminWithSecondFactor("tfa-admin");
        Authentication pending = login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("tfa-admin", PASSWORD));
        assertThat(SecondFactor.isPending(pending)).isTrue();
        assertThat(pending.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly(SecondFactor.PENDING);
        SecurityContextHolder.setContext(new SecurityContextImpl(pending));
        assertThat(currentUser.user()).as("no user for views and services yet").isEmpty();

        UI.getCurrent().navigate(DashboardView.class);
        assertThat(getCurrentView()).as("every page leads to the code").isInstanceOf(SecondFactorView.class);
        var view = (SecondFactorView) getCurrentView();

        int failures = log.count(SecurityLog.Kind.SECOND_FACTOR_FAILED);
        test(view.code).setValue("000000".equals(Totp.code(secret, Totp.step(Instant.now()))) ? "111111" : "000000");
        test(view.verify).click();
        assertThat(view.code.getErrorMessage()).startsWith("That code is not right");
        assertThat(log.count(SecurityLog.Kind.SECOND_FACTOR_FAILED)).isEqualTo(failures + 1);
        assertThat(SecondFactor.isPending(SecurityContextHolder.getContext().getAuthentication())).isTrue();

        test(view.code).setValue(Totp.code(secret, Totp.step(Instant.now())));
        test(view.verify).click();
        Authentication done = SecurityContextHolder.getContext().getAuthentication();
        assertThat(done.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_ADMIN").doesNotContain(SecondFactor.PENDING);
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .as("kept in the session for the next requests")
                .isInstanceOfSatisfying(SecurityContextImpl.class, context -> assertThat(context.getAuthentication()).isSameAs(done));
        assertThat(currentUser.user()).hasValueSatisfying(user -> assertThat(user.username()).isEqualTo("tfa-admin"));
    }

    @Test
    void users_without_a_second_factor_get_their_roles_with_the_password() {
        if (accounts.findByUsername("plain-manager").isEmpty()) {
            accounts.create("plain-manager", "Plain", PASSWORD, Set.of(Role.MANAGER));
        }
        Authentication signedIn = login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("plain-manager", PASSWORD));
        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_MANAGER").doesNotContain(SecondFactor.PENDING);
    }

    @Test
    void the_guard_ends_sessions_signed_in_before_sign_out_everywhere_and_slow_second_factors() throws Exception {
        adminWithSecondFactor("guard-admin");
        var principal = (CrmUserDetails) login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("guard-admin", PASSWORD))
                .getPrincipal();
        var full = SecondFactor.completed(principal, null);
        var admin = accounts.findByUsername("admin").orElseThrow().user();

        assertThat(survives(full, Clock.systemUTC())).isTrue();
        Thread.sleep(5); // the end moment is stored in milliseconds
        users.signOutEverywhere(principal.user().id(), admin);
        assertThat(survives(full, Clock.systemUTC())).isFalse();

        var pending = SecondFactor.pending(principal, null);
        var sixMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6));
        assertThat(survives(pending, sixMinutesLater)).as("a code not given within five minutes").isFalse();
    }

    /** Runs one request of a session signed in with that authentication through a fresh guard. */
    private boolean survives(Authentication authentication, Clock clock) throws Exception {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(authentication));
        var request = new MockHttpServletRequest("GET", "/accounts");
        request.setSession(session);
        var chain = new MockFilterChain();
        new SessionGuard(users, clock).doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("the request goes on either way").isNotNull();
        return !session.isInvalid();
    }

    private String adminWithSecondFactor(String name) {
        if (accounts.findByUsername(name).isEmpty()) {
            accounts.create(name, name, PASSWORD, Set.of(Role.ADMIN));
        }
        var user = accounts.findByUsername(name).orElseThrow().user();
        String secret = users.beginSecondFactor(user);
        // the previous step's code: the sign-in then uses the current one, which is not a replay
        assertThat(users.confirmSecondFactor(user, Totp.code(secret, Totp.step(Instant.now()) - 1))).isTrue();
        return secret;
    }
}

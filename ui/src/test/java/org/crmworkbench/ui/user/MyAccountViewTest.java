package org.crmworkbench.ui.user;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Image;
import org.crmworkbench.api.Role;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.user.Totp;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.core.user.UserAdministration;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MyAccountViewTest extends UiTest {

    private static final String PASSWORD = "mijn eerste lange wachtwoord";

    @Autowired
    UserAccounts accounts;
    @Autowired
    UserAdministration users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    SecurityLog securityLog;

    @BeforeEach
    void ownUsers() {
        // users of this test only: changing the demo users' passwords would break other tests
        for (String name : new String[]{"pw-sales", "pw-admin"}) {
            if (accounts.findByUsername(name).isEmpty()) {
                accounts.create(name, name, PASSWORD, name.equals("pw-admin") ? Set.of(Role.ADMIN) : Set.of(Role.SALES));
            }
        }
    }

    @Test
    @WithMockUser(username = "pw-sales", roles = "SALES")
    void a_user_changes_the_password_and_every_session_ends() {
        long id = accounts.findByUsername("pw-sales").orElseThrow().user().id();
        String hash = accounts.findByUsername("pw-sales").orElseThrow().passwordHash();
        Instant signedIn = Instant.now().minusSeconds(1);
        var view = navigate(MyAccountView.class);
        assertThat(view.secondFactor.isAttached()).as("a second factor is for administrators").isFalse();

        int failures = securityLog.count(SecurityLog.Kind.LOGIN_FAILED);
        test(view.current).setValue("wrong");
        test(view.password).setValue("een heel nieuw wachtwoord");
        test(view.repeat).setValue("een heel nieuw wachtwoord");
        test(view.changePassword).click();
        assertThat(view.current.getErrorMessage()).isEqualTo("The current password is not right");
        assertThat(securityLog.count(SecurityLog.Kind.LOGIN_FAILED)).as("a guess counts like a failed sign-in").isEqualTo(failures + 1);

        test(view.current).setValue(PASSWORD);
        test(view.repeat).setValue("something else entirely");
        test(view.changePassword).click();
        assertThat(view.repeat.getErrorMessage()).isEqualTo("The two new passwords differ");

        test(view.password).setValue("iloveyou1234");
        test(view.repeat).setValue("iloveyou1234");
        test(view.changePassword).click();
        assertThat(view.password.getErrorMessage()).contains("common, leaked passwords");
        assertThat(accounts.findByUsername("pw-sales").orElseThrow().passwordHash()).as("nothing changed").isEqualTo(hash);
        assertThat(users.sessionState(id).allows(signedIn)).isTrue();

        test(view.password).setValue("een heel nieuw wachtwoord");
        test(view.repeat).setValue("een heel nieuw wachtwoord");
        signingOut(() -> test(view.changePassword).click());
        assertThat(encoder.matches("een heel nieuw wachtwoord", accounts.findByUsername("pw-sales").orElseThrow().passwordHash())).isTrue();
        assertThat(users.sessionState(id).allows(signedIn)).as("this and every other session end").isFalse();
        reset("pw-sales");
    }

    @Test
    @WithMockUser(username = "pw-sales", roles = "SALES")
    void sign_out_everywhere_asks_first() throws InterruptedException {
        long id = accounts.findByUsername("pw-sales").orElseThrow().user().id();
        Instant signedIn = Instant.now();
        var view = navigate(MyAccountView.class);
        test(view.signOutEverywhere).click();
        var dialog = $(ConfirmDialog.class).first();
        assertThat(users.sessionState(id).allows(signedIn)).isTrue();
        Thread.sleep(5); // the end moment is stored in milliseconds
        signingOut(() -> test(dialog).confirm());
        assertThat(users.sessionState(id).allows(signedIn)).isFalse();
    }

    @Test
    @WithMockUser(username = "pw-admin", roles = "ADMIN")
    void an_admin_sets_up_the_second_factor_with_a_qr_code_and_a_code_of_the_app() {
        long id = accounts.findByUsername("pw-admin").orElseThrow().user().id();
        var view = navigate(MyAccountView.class);
        assertThat(view.secondFactorStatus.getText()).startsWith("Off");
        test(view.setUp).click();
        assertThat($(Image.class).from(view.enrolment).first().getSrc()).startsWith("data:image/svg+xml;base64,");
        String secret = view.secret.getValue().replace(" ", "");
        assertThat(secret).hasSize(32);

        test(view.code).setValue("12345");
        test(view.confirm).click();
        assertThat(view.code.getErrorMessage()).startsWith("That code is not right");
        assertThat(users.secondFactorEnabled(id)).isFalse();

        test(view.code).setValue(Totp.code(secret, Totp.step(Instant.now())));
        test(view.confirm).click();
        assertThat(users.secondFactorEnabled(id)).isTrue();
        assertThat(view.secondFactorStatus.getText()).startsWith("On");
        assertThat(view.switchOff.isVisible()).isTrue();

        test(view.switchOff).click();
        assertThat(users.secondFactorEnabled(id)).as("asks first").isTrue();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(users.secondFactorEnabled(id)).isFalse();
    }

    /** Signing out invalidates the test's mock HTTP session, which browserless then trips over. */
    private static void signingOut(Runnable action) {
        try {
            action.run();
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("invalidated");
        }
    }

    private void reset(String name) {
        var admin = accounts.findByUsername("admin").orElseThrow().user();
        users.resetPassword(accounts.findByUsername(name).orElseThrow().user().id(), PASSWORD, admin);
    }
}

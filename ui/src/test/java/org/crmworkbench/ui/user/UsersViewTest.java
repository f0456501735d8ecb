package org.crmworkbench.ui.user;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.crmworkbench.api.Role;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.core.user.UserAdministration;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersViewTest extends UiTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    UserAdministration users;

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_admin_creates_a_user_and_bad_input_saves_nothing() {
        var view = navigate(UsersView.class);
        int before = accounts.count();
        String name = "new" + System.nanoTime() % 1_000_000;

        test(view.create).click();
        var dialog = $(UserDialog.class).first();
        test(dialog.username).setValue("Not Valid");
        test(dialog.displayName).setValue("<b>Nieuwe</b> collega");
        test(dialog.password).setValue("Password1234");
        test(dialog.save).click();
        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).startsWith("Use 2 to 64 lower-case letters");
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("This password is on the list of common, leaked passwords; choose another");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(accounts.count()).isEqualTo(before);

        test(dialog.username).setValue(name);
        test(dialog.password).setValue("zeven kleine geitjes dansen");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(accounts.count()).isEqualTo(before + 1);
        var created = accounts.findByUsername(name).orElseThrow();
        assertThat(created.user().roles()).containsExactly(Role.SALES);
        assertThat(created.user().displayName()).as("stored as typed, shown escaped").isEqualTo("<b>Nieuwe</b> collega");

        test(view.search).setValue(name);
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("<b>Nieuwe</b> collega");
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("Sales");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_admin_changes_roles_deactivates_and_a_stale_dialog_is_refused() {
        var admin = accounts.findByUsername("admin").orElseThrow().user();
        String name = "chg" + System.nanoTime() % 1_000_000;
        long id = users.create(new UserAdministration.NewUser(name, "Chris", null, Set.of(Role.SALES), "een lange zin als wachtwoord"), admin);
        Instant signedInBefore = Instant.now().minusSeconds(5);
        var view = navigate(UsersView.class);
        test(view.search).setValue(name);

        view.open(test(view.grid).getRow(0));
        var dialog = $(UserDialog.class).first();
        assertThat(dialog.username.isReadOnly()).isTrue();
        dialog.roles.select(Role.MANAGER);
        test(dialog.active).click();
        test(dialog.save).click();
        assertThat(users.find(id).orElseThrow()).satisfies(user -> {
            assertThat(user.roles()).containsExactlyInAnyOrder(Role.SALES, Role.MANAGER);
            assertThat(user.active()).isFalse();
        });
        assertThat(users.sessionState(id).allows(signedInBefore)).isFalse();

        view.open(test(view.grid).getRow(0));
        var stale = $(UserDialog.class).last();
        var fresh = users.find(id).orElseThrow();
        users.update(new UserAdministration.UserChange(id, fresh.version(), "Someone else", null, Set.of(Role.SALES), true), admin);
        test(stale.displayName).setValue("Chris Stale");
        test(stale.save).click();
        assertThat(stale.isOpened()).isTrue();
        assertThat(test($(Notification.class).last()).getText()).startsWith("Not saved: someone changed this user meanwhile");
        assertThat(users.find(id).orElseThrow().displayName()).isEqualTo("Someone else");

        test(stale.password).setValue("short");
        test(stale.setPassword).click();
        assertThat(stale.password.getErrorMessage()).isEqualTo("Too short: use at least 12 characters");
        test(stale.password).setValue("een nog langere zin als wachtwoord");
        test(stale.setPassword).click();
        assertThat(stale.password.isInvalid()).isFalse();
        assertThat(stale.password.getValue()).isEmpty();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void the_admin_menu_has_users() {
        navigate(UsersView.class);
        assertThat($(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList()).contains("Users", "Security log");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_neither_opens_the_users_nor_sees_them_in_the_menu() {
        navigate(MyAccountView.class);
        assertThat($(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList()).doesNotContain("Users");
        // browserless rethrows the access-denied error that a browser would show as a page
        assertThatThrownBy(() -> navigate(UsersView.class)).isNotNull();
        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
    }
}

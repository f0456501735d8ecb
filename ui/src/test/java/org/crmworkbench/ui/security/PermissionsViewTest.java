package org.crmworkbench.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.core.security.Permissions.Known;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The role-permission admin: ADMIN changes which role holds a plugin's permission, and that rules at once. */
@WithMockUser(username = "admin", roles = "ADMIN")
class PermissionsViewTest extends UiTest {

    private static final String DECIDE = "tender-tracking.decide";
    private static final String SETTINGS_VIEW = "org.crmworkbench.plugin.tender.decision.BidSettingsView";
    private static final UserRef SALES = new UserRef(0, "sales", "sales", Set.of(Role.SALES));
    private static final int MANAGER_COLUMN = 3;
    private static final int SALES_COLUMN = 4;
    private static final int RESET_COLUMN = 5;

    @Autowired
    Permissions permissions;
    @Autowired
    SecurityLog securityLog;

    @AfterEach
    void backToDefaults() {
        for (Known known : permissions.known()) {
            if (permissions.changeable(known.definition().key())) {
                permissions.reset(known.definition().key(), "test");
            }
        }
    }

    @Test
    void every_core_and_plugin_permission_is_listed_with_its_owner_and_label_and_admin_fixed() {
        var view = navigate(PermissionsView.class);
        var grid = test(view.grid);

        assertThat(grid.getCellText(0, 0)).isEqualTo("Workbench");
        var managePlugins = (Checkbox) grid.getCellComponent(0, MANAGER_COLUMN);
        assertThat(managePlugins.getValue()).isFalse();
        assertThat(managePlugins.isEnabled()).as("the core's own permission stays with ADMIN").isFalse();
        assertThat(rows(view)).extracting(Known::owner)
                .contains("core", "customer-rating", "nps-surveys", "tender-tracking", "value-proposition", "wholesale-chain");
        int row = rowOf(view, DECIDE);
        assertThat(grid.getCellText(row, 0)).isEqualTo("tender-tracking");
        assertThat(view.label(rows(view).get(row))).isEqualTo("Take bid/no-bid decisions and set their criteria");
        var admin = (Checkbox) grid.getCellComponent(row, 2);
        assertThat(admin.getValue()).isTrue();
        assertThat(admin.isEnabled()).isFalse();
        assertThat(((Checkbox) grid.getCellComponent(row, MANAGER_COLUMN)).getValue()).isTrue();
        assertThat(((Checkbox) grid.getCellComponent(row, SALES_COLUMN)).getValue()).isFalse();
        assertThat(((Button) grid.getCellComponent(row, RESET_COLUMN)).isEnabled()).as("nothing to reset").isFalse();
    }

    @Test
    void ticking_a_role_grants_at_once_with_a_notification_a_log_entry_and_reset_takes_it_back() {
        var view = navigate(PermissionsView.class);
        int row = rowOf(view, DECIDE);
        assertThat(permissions.has(SALES, DECIDE)).isFalse();

        test((Checkbox) test(view.grid).getCellComponent(row, SALES_COLUMN)).click();

        assertThat(permissions.has(SALES, DECIDE)).isTrue();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("\u201cTake bid/no-bid decisions and set their criteria\u201d granted to Sales");
        assertThat(securityLog.page(SecurityLog.Kind.PERMISSION_CHANGED, 0, 1)).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.detail()).isEqualTo(DECIDE + " SALES granted");
        });
        assertThat(((Checkbox) test(view.grid).getCellComponent(row, SALES_COLUMN)).getValue()).isTrue();
        var reset = (Button) test(view.grid).getCellComponent(row, RESET_COLUMN);
        assertThat(reset.isEnabled()).isTrue();

        test(reset).click();

        assertThat(permissions.has(SALES, DECIDE)).isFalse();
        assertThat(((Checkbox) test(view.grid).getCellComponent(row, SALES_COLUMN)).getValue()).isFalse();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("\u201cTake bid/no-bid decisions and set their criteria\u201d is back to its default roles");
    }

    @Test
    void unticking_a_default_role_takes_the_permission_from_that_role_only() {
        var view = navigate(PermissionsView.class);
        int row = rowOf(view, DECIDE);
        var manager = new UserRef(0, "manager", "manager", Set.of(Role.MANAGER));

        test((Checkbox) test(view.grid).getCellComponent(row, MANAGER_COLUMN)).click();

        assertThat(permissions.has(manager, DECIDE)).isFalse();
        assertThat(permissions.has(new UserRef(0, "admin", "admin", Set.of(Role.ADMIN)), DECIDE)).isTrue();
        assertThat(test($(Notification.class).last()).getText()).endsWith("taken from Manager");
    }

    @Test
    void the_admin_menu_has_the_permissions_entry() {
        navigate(PermissionsView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Permissions", "Security log");
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void a_grant_opens_a_plugin_view_to_sales_and_a_reset_closes_it_again() {
        assertThatThrownBy(() -> UI.getCurrent().navigate("tender-tracking/settings")).isNotNull();
        assertThat(getCurrentView().getClass().getName()).isNotEqualTo(SETTINGS_VIEW);

        permissions.change(DECIDE, Role.SALES, true, "admin");
        UI.getCurrent().navigate("tender-tracking/settings");
        assertThat(getCurrentView().getClass().getName()).isEqualTo(SETTINGS_VIEW);

        permissions.reset(DECIDE, "admin");
        navigate(DashboardView.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("tender-tracking/settings")).isNotNull();
        assertThat(getCurrentView().getClass().getName()).isNotEqualTo(SETTINGS_VIEW);
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_non_admin_cannot_open_the_permissions_admin_nor_see_its_menu_entry() {
        assertThatThrownBy(() -> navigate(PermissionsView.class)).isNotNull();
        assertThat(getCurrentView()).isNotInstanceOf(PermissionsView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).doesNotContain("Permissions");
    }

    private static List<Known> rows(PermissionsView view) {
        return view.grid.getGenericDataView().getItems().toList();
    }

    private static int rowOf(PermissionsView view, String key) {
        var rows = rows(view);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).definition().key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError(key + " not listed");
    }
}

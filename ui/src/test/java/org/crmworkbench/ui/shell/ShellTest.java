package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.crmworkbench.ui.i18n.ShellMessages;
import org.crmworkbench.ui.plugin.PluginAdminView;
import org.crmworkbench.core.user.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import java.util.Locale;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellTest extends UiTest {

    @Autowired
    UserAccounts accounts;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void the_dashboard_shows_plugin_widgets_and_the_menu_lists_plugin_views() {
        navigate(DashboardView.class);

        assertThat($(H3.class).all()).extracting(H3::getText).contains("Customer rating model");
        assertThat(menuLabels()).contains("Dashboard", "Rating models").doesNotContain("Plugins");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_admin_also_sees_plugin_admin_in_the_menu() {
        navigate(DashboardView.class);
        assertThat(menuLabels()).contains("Plugins");
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void a_sales_user_cannot_open_plugin_admin() {
        assertThatThrownBy(() -> navigate(PluginAdminView.class)).isNotNull();
        assertThat(getCurrentView()).isNotInstanceOf(PluginAdminView.class);
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void a_plugin_view_runs_from_its_own_class_loader_with_its_context() {
        Component view = navigateTo("customer-rating/models");

        assertThat(view.getClass().getName()).isEqualTo("org.crmworkbench.plugin.rating.model.ModelsView");
        assertThat(view.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        var criteria = $(Grid.class).all().stream().filter(g -> g.getColumns().size() == 7).findFirst().orElseThrow();
        assertThat(test(criteria).size()).as("the demo criteria (other tests may add some), no edit column").isGreaterThanOrEqualTo(5);
        assertThat($(Button.class).withText("Add criterion").exists()).as("SALES may not edit").isFalse();
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_creates_a_model_and_a_blank_or_taken_name_saves_nothing() {
        navigateTo("customer-rating/models");
        test($(Button.class).withText("New model").single()).click();
        test($(Button.class).withText("Create").single()).click();
        assertThat($(TextField.class).withCaption("Name").all()).anySatisfy(f -> assertThat(f.isInvalid()).isTrue());

        var name = $(TextField.class).from($(com.vaadin.flow.component.dialog.Dialog.class).single()).withCaption("Name").single();
        test(name).setValue("Key accounts");
        test($(Button.class).withText("Create").single()).click();
        assertThat(name.getErrorMessage()).isEqualTo("A model with this name exists already");

        String unique = "Growth " + System.nanoTime();
        test(name).setValue(unique);
        test($(Button.class).withText("Create").single()).click();
        assertThat(test($(Notification.class).last()).getText()).contains("created");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("This model has no criteria yet. Add the first one.");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void labels_follow_the_language_switch_to_dutch() {
        navigateTo("customer-rating/models"); // leave the dashboard so that it is built anew
        UI.getCurrent().setLocale(ShellMessages.DUTCH);
        navigate(DashboardView.class);

        assertThat(menuLabels()).contains("Waarderingsmodellen");
        assertThat($(H3.class).all()).extracting(H3::getText).contains("Klantwaarderingsmodel");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void the_language_switch_stores_the_choice_for_the_user_and_the_session() {
        navigate(DashboardView.class);
        new MenuBarTester<>($(MenuBar.class).single()).clickItem(0, 1); // language, Nederlands

        assertThat(accounts.findByUsername("manager").orElseThrow().locale()).isEqualTo(ShellMessages.DUTCH);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(ShellMessages.DUTCH);
        accounts.setLocale(accounts.findByUsername("manager").orElseThrow().user().id(), Locale.ENGLISH);
    }

    private List<String> menuLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private Component navigateTo(String location) {
        UI.getCurrent().navigate(location);
        return (Component) getCurrentView();
    }
}

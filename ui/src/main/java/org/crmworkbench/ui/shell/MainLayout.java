package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.StartedPlugin;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.account.AccountsView;
import org.crmworkbench.ui.contact.ContactsView;
import org.crmworkbench.ui.opportunity.OpportunitiesView;
import org.crmworkbench.ui.order.ProductsView;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.crmworkbench.ui.i18n.ShellMessages;
import org.crmworkbench.ui.token.ApiTokensView;
import org.crmworkbench.ui.audit.SecurityLogView;
import org.crmworkbench.ui.plugin.PluginAdminView;
import org.crmworkbench.ui.user.MyAccountView;
import org.crmworkbench.ui.user.UsersView;
import org.crmworkbench.ui.security.PermissionsView;

import java.util.Locale;

/**
 * The workbench shell: side navigation with core entries and the menu entries of started plugins
 * (filtered by permission, rebuilt on every navigation so enabling a plugin shows at once), and a
 * header with language switch and user menu; below it the banner while the database cannot be reached.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    final SideNav coreNav = new SideNav();
    final SideNav pluginNav = new SideNav();
    final MenuBar userMenu = new MenuBar();
    private final PluginHost host;
    private final Permissions permissions;
    private final CurrentUser currentUser;

    public MainLayout(PluginHost host, Permissions permissions, CurrentUser currentUser, UserAccounts accounts,
                      AuthenticationContext authentication, DatabaseHealth health) {
        this.host = host;
        this.permissions = permissions;
        this.currentUser = currentUser;
        var title = new Span(getTranslation("app.name"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);

        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var globe = VaadinIcon.GLOBE.create();
        globe.setSize("var(--lumo-icon-size-s)");
        var languageLabel = new Span(globe, new Span(getTranslation("shell.language.current")));
        languageLabel.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.XSMALL);
        var language = userMenu.addItem(languageLabel);
        language.setAriaLabel(getTranslation("shell.language"));
        language.getSubMenu().addItem(getTranslation("shell.language.en"), click -> switchTo(Locale.ENGLISH, accounts));
        language.getSubMenu().addItem(getTranslation("shell.language.nl"), click -> switchTo(ShellMessages.DUTCH, accounts));
        String name = currentUser.user().map(UserRef::displayName).orElse("");
        var user = userMenu.addItem(name);
        user.getSubMenu().addItem(getTranslation("shell.my-account"), click -> UI.getCurrent().navigate(MyAccountView.class));
        user.getSubMenu().addItem(getTranslation("tokens.title"), click -> UI.getCurrent().navigate(ApiTokensView.class));
        user.getSubMenu().addItem(getTranslation("shell.logout"), click -> authentication.logout());

        var header = new HorizontalLayout(new DrawerToggle(), title, userMenu);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.addClassNames(LumoUtility.Padding.End.MEDIUM);
        var top = new Div(header, new DatabaseOutageBanner(health));
        top.setWidthFull();
        addToNavbar(top);

        coreNav.addItem(new SideNavItem(getTranslation("nav.dashboard"), DashboardView.class, VaadinIcon.HOME.create()));
        var accountsItem = new SideNavItem(getTranslation("nav.accounts"), AccountsView.class, VaadinIcon.BUILDING.create());
        accountsItem.setMatchNested(true);
        coreNav.addItem(accountsItem);
        coreNav.addItem(new SideNavItem(getTranslation("nav.contacts"), ContactsView.class, VaadinIcon.USERS.create()));
        coreNav.addItem(new SideNavItem(getTranslation("nav.opportunities"), OpportunitiesView.class, VaadinIcon.FUNNEL.create()));
        coreNav.addItem(new SideNavItem(getTranslation("nav.products"), ProductsView.class, VaadinIcon.PACKAGE.create()));
        if (currentUser.user().map(u -> permissions.has(u, Permissions.MANAGE_PLUGINS)).orElse(false)) {
            coreNav.addItem(new SideNavItem(getTranslation("nav.plugins"), PluginAdminView.class, VaadinIcon.PLUG.create()));
        }
        if (currentUser.user().map(u -> u.hasRole(Role.ADMIN)).orElse(false)) {
            coreNav.addItem(new SideNavItem(getTranslation("nav.users"), UsersView.class, VaadinIcon.USER_CARD.create()));
            coreNav.addItem(new SideNavItem(getTranslation("nav.permissions"), PermissionsView.class, VaadinIcon.KEY.create()));
            coreNav.addItem(new SideNavItem(getTranslation("nav.security-log"), SecurityLogView.class, VaadinIcon.SHIELD.create()));
        }
        pluginNav.setLabel(getTranslation("nav.plugin-section"));
        addToDrawer(new Scroller(new Div(coreNav, pluginNav)));
        setPrimarySection(Section.DRAWER);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        pluginNav.removeAll();
        UserRef user = currentUser.user().orElse(null);
        Locale locale = getLocale();
        for (StartedPlugin plugin : host.startedPlugins()) {
            for (PluginView view : plugin.views()) {
                if (view.inMenu() && user != null && permissions.has(user, view.requiredPermission())) {
                    var item = new SideNavItem(plugin.message(locale, view.labelKey()), "/" + plugin.route(view));
                    if (view.icon() != null) {
                        item.setPrefixComponent(icon(view.icon()));
                    }
                    pluginNav.addItem(item);
                }
            }
        }
        pluginNav.setVisible(!pluginNav.getItems().isEmpty());
    }

    private void switchTo(Locale locale, UserAccounts accounts) {
        currentUser.user().ifPresent(user -> accounts.setLocale(user.id(), locale));
        UserLocale.choose(UI.getCurrent(), locale);
        UI.getCurrent().getPage().reload();
    }

    private static Icon icon(String name) {
        try {
            return VaadinIcon.valueOf(name).create();
        } catch (IllegalArgumentException e) {
            return VaadinIcon.PUZZLE_PIECE.create();
        }
    }
}

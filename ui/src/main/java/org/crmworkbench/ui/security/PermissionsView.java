package org.crmworkbench.ui.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.core.security.Permissions.Known;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which role holds which permission (route {@code /admin/permissions}): every permission of the core and
 * of the started plugins, with a checkbox per role that saves at once and a way back to the plugin's
 * defaults. ADMIN holds everything and cannot lose it; the core's own permissions are fixed. ADMIN only.
 */
@Route("admin/permissions")
@RolesAllowed("ADMIN")
public class PermissionsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(PermissionsView.class);

    final Grid<Known> grid = new Grid<>();
    private final Permissions permissions;
    private final PluginHost host;
    private final CurrentUser currentUser;

    public PermissionsView(Permissions permissions, PluginHost host, CurrentUser currentUser) {
        this.permissions = permissions;
        this.host = host;
        this.currentUser = currentUser;
        grid.addColumn(this::owner).setHeader(getTranslation("permissions.owner")).setAutoWidth(true);
        grid.addComponentColumn(this::description).setHeader(getTranslation("permissions.permission")).setFlexGrow(1);
        for (Role role : Role.values()) {
            grid.addComponentColumn(known -> checkbox(known, role)).setHeader(getTranslation("permissions.role." + role.name()))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.addComponentColumn(this::resetButton).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(permissions.known());
        setSizeFull();
        add(new H2(getTranslation("permissions.title")), new Paragraph(getTranslation("permissions.intro")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("permissions.title") + " | " + getTranslation("app.name");
    }

    /** Grants or revokes a permission for a role, as a click on its checkbox does. */
    void change(Known known, Role role, boolean granted) {
        String key = known.definition().key();
        try {
            permissions.change(key, role, granted, actor());
            success(getTranslation(granted ? "permissions.granted" : "permissions.revoked", label(known),
                    getTranslation("permissions.role." + role.name())));
        } catch (RuntimeException e) {
            log.warn("Permission {} not changed", key, e);
            error(getTranslation("permissions.failed", label(known)));
        }
        grid.getDataProvider().refreshItem(known);
    }

    /** Back to the roles the owner gave the permission. */
    void reset(Known known) {
        try {
            permissions.reset(known.definition().key(), actor());
            success(getTranslation("permissions.reset-done", label(known)));
        } catch (RuntimeException e) {
            log.warn("Permission {} not reset", known.definition().key(), e);
            error(getTranslation("permissions.failed", label(known)));
        }
        grid.getDataProvider().refreshItem(known);
    }

    private Checkbox checkbox(Known known, Role role) {
        var box = new Checkbox(permissions.holds(known.definition(), role));
        box.setAriaLabel(getTranslation("permissions.role." + role.name()) + ": " + label(known));
        if (role == Role.ADMIN) {
            box.setEnabled(false);
            box.setTooltipText(getTranslation("permissions.admin-always"));
        } else if (!permissions.changeable(known.definition().key())) {
            box.setEnabled(false);
            box.setTooltipText(getTranslation("permissions.core-fixed"));
        } else {
            box.addValueChangeListener(change -> change(known, role, change.getValue()));
        }
        return box;
    }

    private Component resetButton(Known known) {
        var button = new Button(getTranslation("permissions.reset"), click -> reset(known));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setEnabled(permissions.changeable(known.definition().key()) && permissions.overridden(known.definition().key(), Role.MANAGER).isPresent()
                || permissions.overridden(known.definition().key(), Role.SALES).isPresent());
        return button;
    }

    private Component description(Known known) {
        var key = new Span(known.definition().key());
        key.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        return new Div(new Div(label(known)), key);
    }

    private String owner(Known known) {
        return Permissions.CORE.equals(known.owner()) ? getTranslation("permissions.owner.core") : known.owner();
    }

    String label(Known known) {
        return PermissionLabel.of(known, host, UI.getCurrent());
    }

    private String actor() {
        return currentUser.user().map(UserRef::username).orElse(null);
    }

    private static void success(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 10000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

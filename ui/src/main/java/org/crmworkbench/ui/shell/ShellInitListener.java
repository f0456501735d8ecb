package org.crmworkbench.ui.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.ui.security.PermissionLabel;
import org.springframework.stereotype.Component;

/**
 * Applies the user's language to every new UI, and gives every session the error handler that tells
 * users plainly when an action needs a permission they lack and turns a database outage into the
 * shell's banner.
 */
@Component
class ShellInitListener implements VaadinServiceInitListener {

    private final DatabaseHealth health;
    private final Permissions permissions;
    private final PluginHost host;

    ShellInitListener(DatabaseHealth health, Permissions permissions, PluginHost host) {
        this.health = health;
        this.permissions = permissions;
        this.host = host;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> UserLocale.apply(init.getUI()));
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(
                new PermissionDeniedErrors(new OutageAwareErrorHandler(health),
                        (permission, ui) -> PermissionLabel.of(permission, permissions, host, ui))));
    }
}

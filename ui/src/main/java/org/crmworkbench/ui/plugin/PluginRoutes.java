package org.crmworkbench.ui.plugin;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.PublicRouteContribution.PublicRoute;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginLifecycleListener;
import org.crmworkbench.core.plugin.StartedPlugin;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.ui.shell.MainLayout;
import org.springframework.stereotype.Component;

/**
 * Registers the routes of started plugins at run time and removes them when a plugin stops, without
 * a restart: views at {@code /<plugin-id>/<path>} inside the shell layout, public views at
 * {@code /public/<plugin-id>/<path>} on their own. Before each navigation to a plugin view it checks
 * the view's required permission (the access annotation on the class is checked by Vaadin).
 */
@Component
class PluginRoutes implements VaadinServiceInitListener, PluginLifecycleListener {

    private final PluginHost host;
    private final Permissions permissions;
    private final CurrentUser currentUser;
    private volatile RouteConfiguration routes;

    PluginRoutes(PluginHost host, Permissions permissions, CurrentUser currentUser) {
        this.host = host;
        this.permissions = permissions;
        this.currentUser = currentUser;
        host.addListener(this);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        routes = RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        host.startedPlugins().forEach(this::started);
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::checkPermission));
    }

    @Override
    public void started(StartedPlugin plugin) {
        RouteConfiguration registry = routes;
        if (registry == null) {
            return; // registered when the Vaadin service starts
        }
        registry.update(() -> {
            for (PluginView view : plugin.views()) {
                registry.removeRoute(plugin.route(view));
                registry.setRoute(plugin.route(view), view.viewClass(), MainLayout.class);
            }
            for (PublicRoute route : plugin.publicRoutes()) {
                registry.removeRoute(plugin.route(route));
                registry.setRoute(plugin.route(route), route.viewClass());
            }
        });
    }

    @Override
    public void stopping(StartedPlugin plugin) {
        RouteConfiguration registry = routes;
        if (registry == null) {
            return;
        }
        registry.update(() -> {
            plugin.views().forEach(view -> registry.removeRoute(plugin.route(view)));
            plugin.publicRoutes().forEach(route -> registry.removeRoute(plugin.route(route)));
        });
    }

    private void checkPermission(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        for (StartedPlugin plugin : host.startedPlugins()) {
            for (PluginView view : plugin.views()) {
                if (plugin.route(view).equals(path) && view.requiredPermission() != null) {
                    boolean allowed = currentUser.user().map(u -> permissions.has(u, view.requiredPermission())).orElse(false);
                    if (!allowed) {
                        event.rerouteToError(AccessDeniedException.class);
                    }
                }
            }
        }
    }
}

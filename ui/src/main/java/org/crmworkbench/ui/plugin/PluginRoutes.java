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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Registers the routes of started plugins at run time and removes them when a plugin stops, without
 * a restart: views at {@code /<plugin-id>/<path>} inside the shell layout, public views at
 * {@code /public/<plugin-id>/<path>} on their own. Before each navigation to a plugin view it checks
 * the view's required permission (the access annotation on the class is checked by Vaadin).
 * The host calls it also from its poll thread, when a plugin changes on another node; the three entry
 * points are serialised, so that a service starting meanwhile never registers a plugin just stopped.
 */
@Component
class PluginRoutes implements VaadinServiceInitListener, PluginLifecycleListener {

    private final PluginHost host;
    private final Permissions permissions;
    private final CurrentUser currentUser;
    private volatile RouteConfiguration routes;
    /** Which plugin registered which route path, so that no plugin replaces another's or the shell's. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    PluginRoutes(PluginHost host, Permissions permissions, CurrentUser currentUser) {
        this.host = host;
        this.permissions = permissions;
        this.currentUser = currentUser;
        host.addListener(this);
    }

    @Override
    public synchronized void serviceInit(ServiceInitEvent event) {
        routes = RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        owners.clear();
        for (StartedPlugin plugin : host.startedPlugins()) {
            // a registry that outlived an earlier service (tests, redeploy) may still hold these routes
            paths(plugin).forEach(routes::removeRoute);
            started(plugin);
        }
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::checkPermission));
    }

    @Override
    public synchronized void started(StartedPlugin plugin) {
        RouteConfiguration registry = routes;
        if (registry == null) {
            return; // registered when the Vaadin service starts
        }
        var paths = paths(plugin);
        for (String path : paths) {
            String owner = owners.get(path);
            if (owner != null ? !owner.equals(plugin.id()) : registry.isPathAvailable(path)) { // "available" = registered
                throw new IllegalStateException("route /" + path + " is taken" + (owner == null ? "" : " by plugin " + owner));
            }
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
        paths.forEach(path -> owners.put(path, plugin.id()));
    }

    @Override
    public synchronized void stopping(StartedPlugin plugin) {
        RouteConfiguration registry = routes;
        if (registry == null) {
            return;
        }
        registry.update(() -> owners.entrySet().removeIf(entry -> {
            boolean own = entry.getValue().equals(plugin.id());
            if (own) {
                registry.removeRoute(entry.getKey());
            }
            return own;
        }));
    }

    private static List<String> paths(StartedPlugin plugin) {
        return Stream.concat(plugin.views().stream().map(plugin::route), plugin.publicRoutes().stream().map(plugin::route))
                .toList();
    }

    private void checkPermission(BeforeEnterEvent event) {
        // Vaadin resolves "/a/b/" like "/a/b": compare without surrounding slashes
        String path = event.getLocation().getPath().replaceAll("^/+|/+$", "");
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

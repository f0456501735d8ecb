package org.crmworkbench.core.plugin;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountEventListener;
import org.crmworkbench.api.account.AccountTabContribution;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.crmworkbench.api.metric.AccountMetricContribution;
import org.crmworkbench.api.schedule.ScheduledTaskContribution;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;
import org.crmworkbench.api.text.ReusableTextContribution;
import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.PublicRouteContribution;
import org.crmworkbench.api.view.PublicRouteContribution.PublicRoute;
import org.crmworkbench.api.view.ViewContribution;
import org.pf4j.PluginManager;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A started plugin and everything it contributes, checked against the host's rules: views inside the
 * plugin's namespace and carrying an access annotation, permission keys prefixed by the plugin id.
 */
public record StartedPlugin(String id, String version, ClassLoader classLoader, PluginContext context,
                            List<PluginView> views, List<PublicRoute> publicRoutes,
                            List<DashboardWidgetContribution> widgets, List<AccountTabContribution> accountTabs,
                            List<PermissionDefinition> permissions, List<AccountEventListener> eventListeners,
                            List<DemoDataContribution> demoData, List<AccountMetricContribution> metrics,
                            List<ScheduledTaskContribution> tasks, List<ReusableTextContribution> texts) {

    private static final Set<String> SIGNED_IN_ACCESS = Set.of(
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.RolesAllowed");
    private static final String ANONYMOUS_ACCESS = "com.vaadin.flow.server.auth.AnonymousAllowed";

    static StartedPlugin collect(PluginManager manager, String id, String version, HostPluginContext context) {
        var views = manager.getExtensions(ViewContribution.class, id).stream()
                .flatMap(contribution -> contribution.views().stream())
                .sorted(Comparator.comparingInt(PluginView::order)).toList();
        var publicRoutes = manager.getExtensions(PublicRouteContribution.class, id).stream()
                .flatMap(contribution -> contribution.publicRoutes().stream()).toList();
        var permissions = manager.getExtensions(PermissionContribution.class, id).stream()
                .flatMap(contribution -> contribution.permissions().stream()).toList();
        var plugin = new StartedPlugin(id, version, manager.getPluginClassLoader(id), context, views, publicRoutes,
                sorted(manager.getExtensions(DashboardWidgetContribution.class, id), DashboardWidgetContribution::order),
                sorted(manager.getExtensions(AccountTabContribution.class, id), AccountTabContribution::order),
                permissions,
                manager.getExtensions(AccountEventListener.class, id),
                manager.getExtensions(DemoDataContribution.class, id),
                manager.getExtensions(AccountMetricContribution.class, id),
                manager.getExtensions(ScheduledTaskContribution.class, id),
                manager.getExtensions(ReusableTextContribution.class, id));
        plugin.check();
        return plugin;
    }

    /** The route of one of this plugin's views, {@code <plugin-id>/<path>}. */
    public String route(PluginView view) {
        return id + "/" + view.path();
    }

    /** The route of one of this plugin's public views, {@code public/<plugin-id>/<path>}. */
    public String route(PublicRoute route) {
        return "public/" + id + "/" + route.path();
    }

    /** A message from this plugin's bundle. */
    public String message(Locale locale, String key, Object... arguments) {
        return ((HostPluginContext) context).messages().get(locale, key, arguments);
    }

    private void check() {
        for (PluginView view : views) {
            requireAnnotation(view.viewClass(), SIGNED_IN_ACCESS, "@PermitAll or @RolesAllowed");
        }
        for (PublicRoute route : publicRoutes) {
            requireAnnotation(route.viewClass(), Set.of(ANONYMOUS_ACCESS), "@AnonymousAllowed");
        }
        long distinctPaths = views.stream().map(PluginView::path).distinct().count();
        if (distinctPaths != views.size()) {
            throw new PluginFailure("two views of plugin " + id + " use the same path");
        }
        for (ScheduledTaskContribution task : tasks) {
            var interval = task.interval();
            if (interval == null || interval.toMillis() < 1) {
                throw new PluginFailure("scheduled task " + task.getClass().getName() + " needs an interval of at least 1 ms");
            }
        }
        for (PermissionDefinition permission : permissions) {
            if (!permission.key().startsWith(id + ".")) {
                throw new PluginFailure("permission " + permission.key() + " must start with '" + id + ".'");
            }
        }
    }

    private static void requireAnnotation(Class<? extends Component> viewClass, Set<String> accepted, String what) {
        boolean annotated = Arrays.stream(viewClass.getAnnotations())
                .anyMatch(annotation -> accepted.contains(annotation.annotationType().getName()));
        if (!annotated) {
            throw new PluginFailure("view " + viewClass.getName() + " needs an access annotation: " + what);
        }
    }

    private static <T> List<T> sorted(List<T> extensions, java.util.function.ToIntFunction<T> order) {
        return extensions.stream().sorted(Comparator.comparingInt(order)).toList();
    }
}

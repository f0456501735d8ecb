package org.crmworkbench.api.view;

import com.vaadin.flow.component.Component;
import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Contributes views reachable without login, e.g. an NPS answer page opened from an e-mail link.
 *
 * <p>The host calls {@link #publicRoutes()} once after the plugin has started and registers each
 * entry at {@code /public/<plugin-id>/<path>}, outside the shell layout. The view class must carry
 * {@code @AnonymousAllowed}; it must check its own tokens and show nothing of other customers. The
 * routes disappear when the plugin is disabled. Register the implementation with {@code @Extension}.
 *
 * @since 1.0
 */
public interface PublicRouteContribution extends ExtensionPoint {

    /** The public views: path below {@code /public/<plugin-id>/} and view class; never null. */
    List<PublicRoute> publicRoutes();

    /**
     * One public view.
     *
     * @param path      path below {@code /public/<plugin-id>/}, same rules as {@link PluginView#path()}
     * @param viewClass the view; may implement {@code HasUrlParameter<String>} to receive a token
     */
    record PublicRoute(String path, Class<? extends Component> viewClass) {
        public PublicRoute {
            java.util.Objects.requireNonNull(viewClass, "viewClass");
            PluginView.checkPath(path);
        }
    }
}

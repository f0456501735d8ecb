package org.crmworkbench.api.view;

import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Contributes routed views, and their side-menu entries, to the workbench shell.
 *
 * <p>The host calls {@link #views()} once after the plugin has started and registers each view at
 * {@code /<plugin-id>/<path>} inside the shell's layout; it removes them again when the plugin is
 * disabled or uninstalled, without a restart. The view class must carry an access annotation
 * ({@code @PermitAll} or {@code @RolesAllowed}) and may declare a {@code PluginContext} constructor
 * parameter. A view whose path leaves the plugin's namespace, or that has no access annotation, makes
 * the plugin FAILED. Register the implementation with {@code @Extension}.
 *
 * @since 1.0
 */
public interface ViewContribution extends ExtensionPoint {

    /** The views of this plugin; never null, may be empty. */
    List<PluginView> views();
}

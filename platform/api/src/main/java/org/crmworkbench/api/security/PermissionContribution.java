package org.crmworkbench.api.security;

import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Declares the permissions a plugin defines, so that the host can grant them to roles and check them
 * for the plugin's views, tabs and widgets.
 *
 * <p>The host reads {@link #permissions()} when the plugin starts. Keys must start with the plugin id
 * and a dot, e.g. {@code customer-rating.edit-models}; other keys make the plugin FAILED. ADMIN always
 * holds every permission. Register the implementation with {@code @Extension}.
 *
 * @since 1.0
 */
public interface PermissionContribution extends ExtensionPoint {

    /** The plugin's permissions; never null. */
    List<PermissionDefinition> permissions();
}

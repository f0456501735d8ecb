package org.crmworkbench.core.security;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.security.PermissionDefinition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The permissions known to the workbench: the core's own and those declared by started plugins, each
 * held by its default roles. ADMIN holds every permission.
 */
public final class Permissions {

    /** Manage plugins: install, enable, disable, uninstall. */
    public static final String MANAGE_PLUGINS = "core.manage-plugins";
    private static final String CORE = "core";

    private final Map<String, List<PermissionDefinition>> byOwner = new ConcurrentHashMap<>();

    public Permissions() {
        byOwner.put(CORE, List.of(
                new PermissionDefinition(MANAGE_PLUGINS, "permission.manage-plugins", Set.of(Role.ADMIN))));
    }

    public void register(String pluginId, Collection<PermissionDefinition> definitions) {
        byOwner.put(pluginId, List.copyOf(definitions));
    }

    public void unregister(String pluginId) {
        byOwner.remove(pluginId);
    }

    /** Whether the user holds the permission; null means "no permission needed". */
    public boolean has(UserRef user, String permission) {
        if (permission == null || user.hasRole(Role.ADMIN)) {
            return true;
        }
        return byOwner.values().stream().flatMap(List::stream)
                .filter(definition -> definition.key().equals(permission))
                .anyMatch(definition -> definition.defaultRoles().stream().anyMatch(user::hasRole));
    }
}

package org.crmworkbench.api.security;

import org.crmworkbench.api.Role;

import java.util.Objects;
import java.util.Set;

/**
 * A permission and the roles that hold it by default.
 *
 * @param key          unique key, {@code <plugin-id>.<name>}
 * @param labelKey     message key of its description, in the plugin's bundle
 * @param defaultRoles roles that hold it until an admin changes that (ADMIN always holds it)
 * @since 1.0
 */
public record PermissionDefinition(String key, String labelKey, Set<Role> defaultRoles) {

    public PermissionDefinition {
        Objects.requireNonNull(key, "key");
        defaultRoles = Set.copyOf(defaultRoles);
    }
}

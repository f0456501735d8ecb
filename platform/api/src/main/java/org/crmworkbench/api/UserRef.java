package org.crmworkbench.api;

import java.util.Set;

/**
 * A workbench user as plugins see it.
 *
 * @param id          primary key in {@code crm_core.v_users}
 * @param username    login name
 * @param displayName name shown in the UI
 * @param roles       the user's roles, never null
 * @since 1.0
 */
public record UserRef(long id, String username, String displayName, Set<Role> roles) {

    public UserRef {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}

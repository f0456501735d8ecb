package org.crmworkbench.core.security;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.security.PermissionDefinition;
import org.crmworkbench.core.audit.SecurityLog;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The permissions known to the workbench: the core's own and those declared by started plugins, each
 * held by its default roles unless an administrator granted or revoked it for a role (kept in
 * {@code crm_core.role_permission}, each change written to the security log). ADMIN holds every
 * permission, and that cannot be changed; nor can the core's own permissions, which stay with ADMIN: a plugin
 * runs in-process with the application's full rights, so installing one is an administrator's act.
 */
public final class Permissions {

    /** Manage plugins: install, enable, disable, uninstall. */
    public static final String MANAGE_PLUGINS = "core.manage-plugins";
    /** The owner of the core's own permissions in {@link #known()}. */
    public static final String CORE = "core";
    /** How long another node's change may take to be seen here. */
    public static final Duration REFRESH = Duration.ofSeconds(5);

    /** A permission and who declared it: {@link #CORE} or a plugin id. */
    public record Known(String owner, PermissionDefinition definition) {
    }

    private final Map<String, List<PermissionDefinition>> byOwner = new ConcurrentHashMap<>();
    private final RoleGrants grants;
    private final SecurityLog log;

    /** Only the default roles, nothing stored: for tests and tools without a database. */
    public Permissions() {
        this(null, null);
    }

    /** With the administrators' changes in {@code crm_core.role_permission}, read again every {@code refresh}. */
    public Permissions(DSLContext dsl, Clock clock, Duration refresh) {
        this(new RoleGrants(dsl, clock, refresh), new SecurityLog(dsl, clock));
    }

    private Permissions(RoleGrants grants, SecurityLog log) {
        this.grants = grants;
        this.log = log;
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
        return definition(permission).map(d -> user.roles().stream().anyMatch(role -> holds(d, role))).orElse(false);
    }

    /** Whether a role holds a permission: the administrators' choice, or else the default. */
    public boolean holds(PermissionDefinition definition, Role role) {
        if (role == Role.ADMIN) {
            return true;
        }
        return overridden(definition.key(), role).orElseGet(() -> definition.defaultRoles().contains(role));
    }

    /** The administrators' choice for a role, empty when the default applies. */
    public Optional<Boolean> overridden(String permission, Role role) {
        return grants == null || role == Role.ADMIN ? Optional.empty() : grants.granted(permission, role);
    }

    /** Every known permission, the core's first, then by owner and key. */
    public List<Known> known() {
        return byOwner.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(d -> new Known(e.getKey(), d)))
                .sorted(Comparator.comparing((Known k) -> !k.owner().equals(CORE)).thenComparing(Known::owner)
                        .thenComparing(k -> k.definition().key()))
                .toList();
    }

    /** The permission with its owner, if the core or a started plugin declares it. */
    public Optional<Known> find(String permission) {
        return known().stream().filter(k -> k.definition().key().equals(permission)).findFirst();
    }

    /** Whether administrators may grant or revoke a permission: a plugin's yes, the core's own no. */
    public boolean changeable(String permission) {
        return find(permission).map(k -> !CORE.equals(k.owner())).orElse(false);
    }

    /**
     * Grants or revokes a plugin's permission for MANAGER or SALES, and logs who did it. The caller
     * checks that {@code by} is an administrator (the permissions page is for ADMIN only).
     *
     * @throws IllegalArgumentException for ADMIN, who always holds everything, for the core's own
     *                                  permissions, which are fixed, or for an unknown permission
     * @throws IllegalStateException    without a database
     */
    public void change(String permission, Role role, boolean granted, String by) {
        if (role == Role.ADMIN) {
            throw new IllegalArgumentException("ADMIN always holds every permission");
        }
        requireChangeable(permission);
        stored().set(permission, role, granted, by);
        log.record(SecurityLog.Kind.PERMISSION_CHANGED, by, null, permission + " " + role + (granted ? " granted" : " revoked"));
    }

    /** Back to the default roles for a known permission, logged when there was a change to undo. */
    public void reset(String permission, String by) {
        var definition = requireChangeable(permission);
        if (stored().clear(permission)) {
            log.record(SecurityLog.Kind.PERMISSION_CHANGED, by, null, permission + " reset to default "
                    + definition.defaultRoles().stream().map(Role::name).sorted().toList());
        }
    }

    private RoleGrants stored() {
        if (grants == null) {
            throw new IllegalStateException("permission changes need the database");
        }
        return grants;
    }

    private PermissionDefinition requireChangeable(String permission) {
        var definition = definition(permission).orElseThrow(() -> new IllegalArgumentException("unknown permission: " + permission));
        if (!changeable(permission)) {
            throw new IllegalArgumentException("the core's own permissions are fixed: " + permission);
        }
        return definition;
    }

    private Optional<PermissionDefinition> definition(String permission) {
        return byOwner.values().stream().flatMap(List::stream).filter(d -> d.key().equals(permission)).findFirst();
    }
}

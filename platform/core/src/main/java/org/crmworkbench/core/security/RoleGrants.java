package org.crmworkbench.core.security;

import org.crmworkbench.api.Role;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import static org.crmworkbench.db.jooq.Tables.ROLE_PERMISSION;

/**
 * The administrators' overrides of the default roles ({@code crm_core.role_permission}), read into
 * memory and read again after {@code refresh} so that another node sees a change within that time;
 * this node's own changes are seen at once.
 */
final class RoleGrants {

    /** One override. */
    record Grant(String permission, Role role) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration refresh;
    private volatile Map<Grant, Boolean> grants;
    private volatile Instant readAt = Instant.MIN;

    RoleGrants(DSLContext dsl, Clock clock, Duration refresh) {
        this.dsl = dsl;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The override for a permission and role; empty: the definition's default applies. */
    Optional<Boolean> granted(String permission, Role role) {
        return Optional.ofNullable(current().get(new Grant(permission, role)));
    }

    void set(String permission, Role role, boolean granted, String by) {
        dsl.insertInto(ROLE_PERMISSION, ROLE_PERMISSION.PERMISSION_KEY, ROLE_PERMISSION.ROLE, ROLE_PERMISSION.GRANTED,
                        ROLE_PERMISSION.CHANGED_AT, ROLE_PERMISSION.CHANGED_BY)
                .values(permission, role.name(), granted, LocalDateTime.now(clock), by)
                .onDuplicateKeyUpdate()
                .set(ROLE_PERMISSION.GRANTED, granted)
                .set(ROLE_PERMISSION.CHANGED_AT, LocalDateTime.now(clock))
                .set(ROLE_PERMISSION.CHANGED_BY, by)
                .execute();
        synchronized (this) {
            readAt = Instant.MIN;
        }
    }

    /** Removes the overrides of a permission; whether there were any. */
    boolean clear(String permission) {
        int removed = dsl.deleteFrom(ROLE_PERMISSION).where(ROLE_PERMISSION.PERMISSION_KEY.eq(permission)).execute();
        synchronized (this) {
            readAt = Instant.MIN;
        }
        return removed > 0;
    }

    /**
     * The overrides, re-read when older than the refresh interval. A change of this node (which resets
     * {@code readAt}) during a read makes that read stale: it is not kept as fresh. While the database
     * cannot be reached the last overrides read stay in force.
     */
    private Map<Grant, Boolean> current() {
        Instant now = clock.instant();
        Instant asked = readAt;
        if (grants == null || !now.isBefore(asked.plus(refresh))) {
            try {
                var read = dsl.selectFrom(ROLE_PERMISSION)
                        .fetchMap(r -> new Grant(r.getPermissionKey(), Role.valueOf(r.getRole())), r -> r.getGranted());
                synchronized (this) {
                    grants = read;
                    if (readAt == asked) {
                        readAt = now;
                    }
                }
            } catch (DataAccessException e) {
                if (grants == null) {
                    throw e;
                }
            }
        }
        return grants;
    }
}

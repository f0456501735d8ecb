package org.crmworkbench.core.security;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.security.PermissionDefinition;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginContexts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.db.jooq.Tables.ROLE_PERMISSION;

class PermissionsTest {

    private static final String EDIT = "test-notes.edit";
    private static final String PUBLISH = "test-notes.publish";
    private static final UserRef SALES = new UserRef(1, "sam", "Sam", Set.of(Role.SALES));
    private static final UserRef MANAGER = new UserRef(2, "mia", "Mia", Set.of(Role.MANAGER));
    private static final UserRef ADMIN = new UserRef(3, "ada", "Ada", Set.of(Role.ADMIN));

    private final DSLContext dsl = TestDatabase.get().dsl();
    // before the other tests' log entries: they read the security log newest first
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
    private final SecurityLog log = new SecurityLog(dsl, clock);
    private final Permissions permissions = new Permissions(dsl, clock, Duration.ofMinutes(10));

    @BeforeEach
    void registerWithoutOverrides() {
        dsl.deleteFrom(ROLE_PERMISSION).execute();
        permissions.register("test-notes", List.of(
                new PermissionDefinition(EDIT, "permission.edit", Set.of(Role.MANAGER, Role.SALES)),
                new PermissionDefinition(PUBLISH, "permission.publish", Set.of(Role.MANAGER))));
    }

    @Test
    void without_overrides_the_default_roles_hold_a_permission_and_admin_holds_all() {
        assertThat(permissions.has(SALES, EDIT)).isTrue();
        assertThat(permissions.has(SALES, PUBLISH)).isFalse();
        assertThat(permissions.has(MANAGER, PUBLISH)).isTrue();
        assertThat(permissions.has(ADMIN, PUBLISH)).isTrue();
        assertThat(permissions.has(ADMIN, Permissions.MANAGE_PLUGINS)).isTrue();
        assertThat(permissions.has(MANAGER, Permissions.MANAGE_PLUGINS)).isFalse();
        assertThat(permissions.has(MANAGER, "test-notes.unknown")).isFalse();
    }

    @Test
    void an_override_grants_or_revokes_for_one_role_and_is_logged_with_who_did_it() {
        int logged = log.count(SecurityLog.Kind.PERMISSION_CHANGED);
        permissions.change(PUBLISH, Role.SALES, true, "ada");
        permissions.change(EDIT, Role.SALES, false, "ada");

        assertThat(permissions.has(SALES, PUBLISH)).isTrue();
        assertThat(permissions.has(SALES, EDIT)).isFalse();
        assertThat(permissions.has(MANAGER, EDIT)).as("other roles keep their default").isTrue();
        assertThat(permissions.overridden(EDIT, Role.SALES)).contains(false);
        assertThat(permissions.overridden(EDIT, Role.MANAGER)).isEmpty();
        assertThat(dsl.fetchCount(ROLE_PERMISSION)).isEqualTo(2);
        assertThat(log.count(SecurityLog.Kind.PERMISSION_CHANGED)).isEqualTo(logged + 2);
        assertThat(log.page(SecurityLog.Kind.PERMISSION_CHANGED, 0, 2)).extracting(SecurityLog.Event::username, SecurityLog.Event::detail)
                .containsExactly(tuple("ada", "test-notes.edit SALES revoked"), tuple("ada", "test-notes.publish SALES granted"));
    }

    @Test
    void reset_goes_back_to_the_default_roles() {
        permissions.change(EDIT, Role.SALES, false, "ada");
        permissions.change(EDIT, Role.MANAGER, false, "ada");
        permissions.reset(EDIT, "ada");

        assertThat(permissions.has(SALES, EDIT)).isTrue();
        assertThat(permissions.has(MANAGER, EDIT)).isTrue();
        assertThat(dsl.fetchCount(ROLE_PERMISSION)).isZero();
        assertThat(log.page(SecurityLog.Kind.PERMISSION_CHANGED, 0, 1)).extracting(SecurityLog.Event::detail)
                .containsExactly("test-notes.edit reset to default [MANAGER, SALES]");
    }

    @Test
    void admin_cannot_lose_a_permission_and_unknown_permissions_cannot_be_changed() {
        assertThatThrownBy(() -> permissions.change(EDIT, Role.ADMIN, false, "ada")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> permissions.change("other.thing", Role.SALES, true, "ada"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dsl.insertInto(ROLE_PERMISSION, ROLE_PERMISSION.PERMISSION_KEY, ROLE_PERMISSION.ROLE,
                ROLE_PERMISSION.GRANTED).values(EDIT, Role.ADMIN.name(), false).execute()).as("no row for ADMIN")
                .hasMessageContaining("ck_role_permission_role");
        assertThat(permissions.holds(permissions.known().getFirst().definition(), Role.ADMIN)).isTrue();
    }

    @Test
    void another_node_sees_a_change_after_its_refresh_interval_and_its_own_at_once() {
        var otherNode = new Permissions(dsl, clock, Duration.ZERO);
        otherNode.register("test-notes", permissions.known().stream().filter(k -> k.owner().equals("test-notes"))
                .map(Permissions.Known::definition).toList());
        assertThat(permissions.has(SALES, EDIT)).as("read and cached here").isTrue();

        otherNode.change(EDIT, Role.SALES, false, "ada");
        assertThat(otherNode.has(SALES, EDIT)).isFalse();
        assertThat(permissions.has(SALES, EDIT)).as("still cached for ten minutes").isTrue();

        permissions.change(PUBLISH, Role.SALES, true, "ada");
        assertThat(permissions.has(SALES, EDIT)).as("an own change reads everything again").isFalse();
    }

    @Test
    void known_lists_the_core_permission_first_then_the_plugins_with_their_owner() {
        assertThat(permissions.known()).extracting(Permissions.Known::owner, k -> k.definition().key())
                .containsExactly(tuple("core", Permissions.MANAGE_PLUGINS), tuple("test-notes", EDIT), tuple("test-notes", PUBLISH));
        assertThat(new Permissions().overridden(EDIT, Role.SALES)).isEqualTo(Optional.empty());
        assertThat(permissions.find(PUBLISH)).hasValueSatisfying(k -> assertThat(k.owner()).isEqualTo("test-notes"));
        assertThat(permissions.find("other.thing")).isEmpty();
    }

    @Test
    void the_cores_own_permissions_stay_with_admin_and_changes_need_the_database() {
        assertThat(permissions.changeable(Permissions.MANAGE_PLUGINS)).isFalse();
        assertThat(permissions.changeable(EDIT)).isTrue();
        assertThatThrownBy(() -> permissions.change(Permissions.MANAGE_PLUGINS, Role.MANAGER, true, "ada"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed");
        assertThatThrownBy(() -> permissions.reset(Permissions.MANAGE_PLUGINS, "ada")).isInstanceOf(IllegalArgumentException.class);
        assertThat(permissions.has(MANAGER, Permissions.MANAGE_PLUGINS)).isFalse();

        var withoutDatabase = new Permissions();
        withoutDatabase.register("test-notes", List.of(new PermissionDefinition(EDIT, "edit", Set.of(Role.SALES))));
        assertThatThrownBy(() -> withoutDatabase.change(EDIT, Role.MANAGER, true, "ada")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_plugin_context_refuses_an_action_to_a_user_without_the_permission_and_without_a_user() {
        var user = new AtomicReference<UserRef>();
        CurrentUser current = new CurrentUser() {
            @Override
            public Optional<UserRef> user() {
                return Optional.ofNullable(user.get());
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }
        };
        PluginContext context = PluginContexts.onClassPath("test-notes", TestDatabase.get().dataSource(),
                new HostServices(current, permissions, clock, false), getClass().getClassLoader());

        assertThatThrownBy(() -> context.requirePermission(PUBLISH)).isInstanceOf(PermissionDeniedException.class)
                .extracting(e -> ((PermissionDeniedException) e).permission()).isEqualTo(PUBLISH);
        user.set(SALES);
        assertThatThrownBy(() -> context.requirePermission(PUBLISH)).isInstanceOf(PermissionDeniedException.class);
        context.requirePermission(EDIT);
        permissions.change(PUBLISH, Role.SALES, true, "ada");
        context.requirePermission(PUBLISH);
        user.set(MANAGER);
        permissions.change(PUBLISH, Role.MANAGER, false, "ada");
        assertThatThrownBy(() -> context.requirePermission(PUBLISH)).isInstanceOf(PermissionDeniedException.class);
    }
}

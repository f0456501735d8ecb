package org.crmworkbench.test;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.account.AccountEventListener;
import org.crmworkbench.api.account.AccountRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginTestHarnessTest {

    private static final PluginTestHarness harness = PluginTestHarness.start("harness-check");

    @BeforeEach
    void fresh() {
        harness.reset();
    }

    @Test
    void the_context_works_in_the_plugins_own_migrated_schema() {
        assertThat(harness.context().schema()).isEqualTo("crm_harness_check");
        harness.dsl().execute("INSERT INTO note (account_id, text) VALUES (1, 'x')");
        assertThat(harness.dsl().fetchCount(harness.dsl().selectFrom("crm_harness_check.note"))).isEqualTo(1);

        harness.reset();

        assertThat(harness.dsl().fetchCount(harness.dsl().selectFrom("note"))).isZero();
    }

    @Test
    void messages_come_from_the_plugin_bundle_in_the_users_language() {
        assertThat(harness.context().message("check.hello", "Sam")).isEqualTo("Hello Sam");
        harness.setLocale(Locale.of("nl"));
        assertThat(harness.context().message("check.hello", "Sam")).isEqualTo("Hallo Sam");
    }

    @Test
    void the_signed_in_user_holds_the_plugins_permissions_by_role() {
        assertThat(harness.context().hasPermission("harness-check.edit")).isFalse();
        harness.signIn("sam", Role.SALES);
        assertThat(harness.context().currentUser()).hasValueSatisfying(user -> assertThat(user.username()).isEqualTo("sam"));
        assertThat(harness.context().hasPermission("harness-check.edit")).isFalse();
        harness.signIn("maria", Role.MANAGER);
        assertThat(harness.context().hasPermission("harness-check.edit")).isTrue();
        harness.signOut();
        assertThat(harness.context().currentUser()).isEmpty();
    }

    @Test
    void core_services_act_for_the_signed_in_user_and_their_events_reach_the_plugins_listeners() {
        assertThatThrownBy(() -> harness.context().accounts().create("Bakker BV", null)).isInstanceOf(IllegalStateException.class);
        harness.signIn("maria", Role.MANAGER);

        long id = harness.context().accounts().create("Bakker BV", "Fair");

        assertThat(harness.dsl().fetchValue("SELECT name FROM crm_core.v_accounts WHERE id = ?", id)).isEqualTo("Bakker BV");
        assertThat(harness.dsl().fetchValue("SELECT text FROM note WHERE account_id = ?", id)).isEqualTo("created");
    }

    @Test
    void accounts_contacts_the_clock_and_the_extensions_are_at_hand() {
        AccountRef account = harness.createAccount("Jansen Installatie");
        long contact = harness.createContact(account, "Eva", "Jansen", "eva@jansen.example");
        harness.setClock(Instant.parse("2026-03-01T09:00:00Z"));

        assertThat(harness.dsl().fetchValue("SELECT account_id FROM crm_core.v_contacts WHERE id = ?", contact)).isEqualTo(account.id());
        assertThat(harness.context().clock().instant()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(harness.extensions(AccountEventListener.class)).singleElement().isInstanceOf(HarnessCheckExtensions.Listener.class);
    }

    @Test
    void permission_checks_want_a_refusal_that_changes_nothing_and_an_allowed_action_that_changes_something() throws Exception {
        harness.signIn("sam", Role.SALES);
        Runnable write = () -> harness.dsl().execute("INSERT INTO note (account_id, text) VALUES (1, 'x')");
        Runnable guardedWrite = () -> {
            harness.context().requirePermission("harness-check.edit");
            write.run();
        };

        PermissionChecks.expect(harness.dsl(), "crm_harness_check", "harness-check.edit", false, guardedWrite::run);
        assertThatThrownBy(() -> PermissionChecks.expect(harness.dsl(), "crm_harness_check", "harness-check.edit", false, write::run))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but it was done");
        assertThatThrownBy(() -> PermissionChecks.expect(harness.dsl(), "crm_harness_check", "harness-check.edit", false, () -> {
            write.run();
            harness.context().requirePermission("harness-check.edit");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("changed");

        harness.signIn("maria", Role.MANAGER);
        PermissionChecks.expect(harness.dsl(), "crm_harness_check", "harness-check.edit", true, guardedWrite::run);
        assertThatThrownBy(() -> PermissionChecks.expect(harness.dsl(), "crm_harness_check", "harness-check.edit", true, () -> { }))
                .isInstanceOf(AssertionError.class).hasMessageContaining("nothing changed");
    }
}

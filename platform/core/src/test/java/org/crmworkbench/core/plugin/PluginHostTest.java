package org.crmworkbench.core.plugin;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.testplugins.base.BaseGreeting;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.core.plugin.TestPlugins.ADDON;
import static org.crmworkbench.core.plugin.TestPlugins.BAD_MIGRATION;
import static org.crmworkbench.core.plugin.TestPlugins.BASE;
import static org.crmworkbench.core.plugin.TestPlugins.FAILING_START;
import static org.crmworkbench.core.plugin.TestPlugins.GOOD;
import static org.crmworkbench.core.plugin.TestPlugins.INCOMPATIBLE;
import static org.crmworkbench.core.plugin.TestPlugins.NO_ACCESS;
import static org.crmworkbench.db.jooq.Tables.PLUGIN_STATE;

class PluginHostTest {

    private static final String EXTRA = "test-extra";
    private static final String CYCLE_A = "test-cycle-a";
    private static final String CYCLE_B = "test-cycle-b";
    /** Loaded before test-base, which its unparsable range must not keep from loading. */
    private static final String BAD_RANGE = "test-a-bad-range";

    @TempDir
    Path pluginsDir;

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final Permissions permissions = new Permissions();
    private final RouteRecorder routes = new RouteRecorder();
    private PluginHost host;

    @BeforeEach
    void cleanDatabase() {
        for (String id : List.of(GOOD, BAD_MIGRATION, FAILING_START, NO_ACCESS, INCOMPATIBLE, BASE, ADDON, EXTRA,
                CYCLE_A, CYCLE_B, BAD_RANGE)) {
            dsl.execute("DROP SCHEMA IF EXISTS " + new PluginSchema(id).name());
        }
        dsl.deleteFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.like("test-%")).execute();
    }

    @AfterEach
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void a_good_plugin_is_migrated_seeded_started_and_its_views_published() {
        TestPlugins.writeGood(pluginsDir);
        host = newHost(true);
        host.startAll();

        var info = host.find(GOOD).orElseThrow();
        assertThat(info.status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(info.schema()).isEqualTo("crm_test_good");
        assertThat(info.schemaVersion()).isEqualTo("2");
        assertThat(routes.live).containsExactlyInAnyOrder("test-good/notes", "test-good/secret");
        var context = host.startedPlugin(GOOD).orElseThrow().context();
        assertThat(context.dsl().fetchCount(DSL.table("note"))).as("demo data, unqualified table name").isEqualTo(1);
        assertThat(stateOf(GOOD)).isEqualTo("ENABLED");
    }

    @Test
    void a_plugin_connects_as_its_own_database_user_that_sees_only_its_schema_and_the_public_core_views() {
        dsl.execute("CREATE SCHEMA IF NOT EXISTS crm_test1good"); // would match an unescaped crm_test_good grant
        dsl.execute("CREATE TABLE IF NOT EXISTS crm_test1good.secret (id INT)");
        dsl.execute("CREATE SCHEMA IF NOT EXISTS crm_test_other");
        dsl.execute("CREATE TABLE IF NOT EXISTS crm_test_other.data (id INT)");
        TestPlugins.writeGood(pluginsDir);
        host = newHost(true);
        host.startAll();
        DSLContext plugin = host.startedPlugin(GOOD).orElseThrow().context().dsl();
        try {
            assertThat(plugin.fetchValue(DSL.field("CURRENT_USER()", String.class))).startsWith("crmplugin_test_good@");
            assertThat(plugin.fetchCount(DSL.table("note"))).as("its own schema").isEqualTo(1);
            plugin.execute("CREATE TABLE extra (id INT)");
            assertThat(plugin.fetchCount(DSL.table(DSL.name("crm_core", "v_accounts")))).as("a public core view").isNotNegative();

            for (String forbidden : List.of("SELECT COUNT(*) FROM crm_core.app_user", "SELECT COUNT(*) FROM crm_core.account",
                    "UPDATE crm_core.account SET name = name", "INSERT INTO crm_core.plugin_state (plugin_id, enabled, state) VALUES ('x', 1, 'ENABLED')",
                    "SELECT COUNT(*) FROM crm_test_other.data", "SELECT COUNT(*) FROM crm_test1good.secret",
                    "DROP TABLE crm_test_other.data", "CREATE USER 'intruder'@'%'")) {
                assertThatThrownBy(() -> plugin.execute(forbidden)).as(forbidden)
                        .isInstanceOf(org.jooq.exception.DataAccessException.class)
                        .hasMessageContaining("denied");
            }
        } finally {
            dsl.execute("DROP SCHEMA crm_test1good");
            dsl.execute("DROP SCHEMA crm_test_other");
        }

        host.uninstall(GOOD, true); // the account goes with the plugin
        dsl.execute("CREATE USER 'crmplugin_test_good'@'127.0.0.1'"); // fails while the account exists
        dsl.execute("DROP USER 'crmplugin_test_good'@'127.0.0.1'");
    }

    @Test
    void demo_data_is_not_seeded_when_switched_off() {
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();
        assertThat(dsl.fetchCount(DSL.table(DSL.name("crm_test_good", "note")))).isZero();
    }

    @Test
    void broken_plugins_end_failed_with_their_reason_and_the_good_one_still_runs() {
        TestPlugins.writeGood(pluginsDir);
        TestPlugins.writeBroken(pluginsDir);
        host = newHost(false);
        host.startAll();

        assertThat(host.find(GOOD).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
        assertFailed(BAD_MIGRATION, "migration of schema crm_test_bad_migration failed", "flyway_schema_history");
        assertFailed(FAILING_START, "boom on start");
        assertFailed(NO_ACCESS, "needs an access annotation");
        assertFailed(INCOMPATIBLE, "requires platform API >=2.0.0 & <3.0.0",
                "provides " + org.crmworkbench.api.ApiVersion.current());
        assertThat(routes.live).containsExactlyInAnyOrder("test-good/notes", "test-good/secret");
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(GOOD);
    }

    @Test
    void disable_withdraws_the_routes_survives_a_restart_and_enable_restores_them() {
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();

        host.disable(GOOD);
        assertThat(routes.live).isEmpty();
        assertThat(host.find(GOOD).orElseThrow().status()).isEqualTo(PluginStatus.DISABLED);

        host.close();
        host = newHost(false);
        host.startAll();
        assertThat(host.find(GOOD).orElseThrow().status()).as("after restart").isEqualTo(PluginStatus.DISABLED);
        assertThat(routes.live).isEmpty();

        host.enable(GOOD);
        assertThat(host.find(GOOD).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(routes.live).containsExactlyInAnyOrder("test-good/notes", "test-good/secret");
    }

    @Test
    void a_failed_plugin_can_be_retried_after_its_jar_is_replaced() throws IOException {
        TestPluginJar.plugin(GOOD).requires(">=9.0.0").writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();
        assertFailed(GOOD, "requires platform API >=9.0.0");

        TestPlugins.writeGood(pluginsDir); // same file name: replaces the jar
        host.enable(GOOD);
        assertThat(host.find(GOOD).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(Files.list(pluginsDir).count()).isEqualTo(1);
    }

    @Test
    void a_second_jar_with_the_same_id_is_failed_and_the_first_keeps_running() {
        TestPlugins.writeGood(pluginsDir);
        TestPlugins.good().version("2.0.0").writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();

        assertThat(host.find(GOOD).orElseThrow().version()).isEqualTo("1.0.0");
        assertThat(host.find(GOOD).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
        var second = host.plugins().stream().filter(p -> p.id().equals("test-good-2.0.0.jar")).findFirst().orElseThrow();
        assertThat(second.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(second.lastError()).contains("cannot load test-good-2.0.0.jar");
    }

    @Test
    void plugin_ids_that_are_shell_route_names_are_refused() {
        TestPluginJar.plugin("admin").writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();
        assertThat(host.find("admin")).isEmpty();
        assertThat(host.plugins()).extracting(PluginInfo::status).containsExactly(PluginStatus.FAILED);
        assertThat(routes.live).isEmpty();
    }

    @Test
    void bundled_plugins_are_installed_once_so_an_uninstalled_one_stays_gone() throws IOException {
        Path bundled = Files.createDirectories(pluginsDir.resolveSibling(pluginsDir.getFileName() + "-bundled"));
        TestPlugins.writeGood(bundled);
        assertThat(BundledPlugins.installIfEmpty(bundled, pluginsDir)).hasSize(1);
        host = newHost(false);
        host.startAll();
        host.uninstall(GOOD, true);

        assertThat(BundledPlugins.installIfEmpty(bundled, pluginsDir)).isEmpty();
        try (var files = Files.list(pluginsDir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".jar")).toList()).isEmpty();
        }
    }

    @Test
    void uninstall_deletes_the_jar_and_keeps_or_drops_the_schema() throws IOException {
        Path jar = TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();

        host.uninstall(GOOD, false);
        assertThat(jar).doesNotExist();
        assertThat(host.find(GOOD)).isEmpty();
        assertThat(routes.live).isEmpty();
        assertThat(schemaExists("crm_test_good")).isTrue();
        assertThat(dsl.fetchCount(PLUGIN_STATE, PLUGIN_STATE.PLUGIN_ID.eq(GOOD))).isZero();

        host.install(TestPlugins.writeGood(Files.createTempDirectory(pluginsDir.getParent(), "upload")));
        assertThat(host.find(GOOD).orElseThrow().schemaVersion()).as("data found again").isEqualTo("2");
        host.uninstall(GOOD, true);
        assertThat(schemaExists("crm_test_good")).isFalse();
    }

    @Test
    void an_upload_is_checked_before_anything_is_installed() throws IOException {
        host = newHost(false);
        host.startAll();
        Path uploads = Files.createTempDirectory(pluginsDir.getParent(), "uploads");

        Path text = Files.writeString(uploads.resolve("notes.jar"), "not a jar");
        assertRejected(text, "plugin.upload.not-a-jar");
        assertRejected(new TestPluginJar.NoManifest().writeTo(uploads), "plugin.upload.no-manifest");
        assertRejected(TestPluginJar.plugin("Bad_Id").writeTo(uploads), "plugin.upload.bad-id");
        assertRejected(TestPluginJar.plugin("test-incompatible").requires(">=2.0.0").writeTo(uploads),
                "plugin.upload.incompatible");
        assertThat(host.plugins()).isEmpty();
        try (var files = Files.list(pluginsDir)) {
            assertThat(files.toList()).isEmpty();
        }

        var installed = host.install(TestPlugins.writeGood(uploads));
        assertThat(installed.status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(routes.live).contains("test-good/notes");
        assertRejected(TestPlugins.writeGood(uploads), "plugin.upload.already-installed");
    }

    @Test
    void scheduled_tasks_run_while_the_plugin_is_enabled_even_next_to_a_failing_one() throws InterruptedException {
        dsl.execute("DROP SCHEMA IF EXISTS crm_test_ticking");
        TestPlugins.writeTicking(pluginsDir);
        host = newHost(false);
        host.startAll();
        assertThat(host.startedPlugin(TestPlugins.TICKING).orElseThrow().tasks()).hasSize(2);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ticks() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ticks()).as("runs again and again despite the throwing task").isGreaterThanOrEqualTo(3);

        host.disable(TestPlugins.TICKING);
        long afterDisable = ticks();
        Thread.sleep(200);
        assertThat(ticks()).as("no runs once disabled (at most one that was under way)").isLessThanOrEqualTo(afterDisable + 1);
        dsl.execute("DROP SCHEMA IF EXISTS crm_test_ticking");
    }

    @Test
    void a_node_that_runs_no_scheduled_tasks_starts_the_plugin_without_running_its_tasks() throws InterruptedException {
        dsl.execute("DROP SCHEMA IF EXISTS crm_test_ticking");
        TestPlugins.writeTicking(pluginsDir);
        host = new PluginHost(pluginsDir, TestDatabase.get().dataSource(),
                new HostServices(CurrentUser.NONE, permissions, Clock.systemUTC(), false), false);
        host.startAll();
        assertThat(host.find(TestPlugins.TICKING).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
        Thread.sleep(300);
        assertThat(ticks()).as("the other node runs them").isZero();
        dsl.execute("DROP SCHEMA IF EXISTS crm_test_ticking");
    }

    private long ticks() {
        return dsl.fetchSingle("SELECT COUNT(*) FROM crm_test_ticking.tick").get(0, Long.class);
    }

    @Test
    void an_event_reaches_the_listeners_even_when_one_of_them_throws() {
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();

        host.publish(new AccountEvent.OrderAdded(42, Instant.parse("2026-01-01T00:00:00Z"), 7));

        assertThat(dsl.fetchValue("SELECT kind FROM crm_test_good.event_log WHERE account_id = 42"))
                .isEqualTo("OrderAdded");
    }

    @Test
    void a_plugin_reads_the_account_metrics_of_the_started_plugins_and_a_broken_or_foreign_one_is_left_out() {
        TestPlugins.writeGood(pluginsDir);
        TestPlugins.base().writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();
        host.publish(new AccountEvent.OrderAdded(42, Instant.parse("2026-01-01T00:00:00Z"), 7));
        host.publish(new AccountEvent.OrderAdded(42, Instant.parse("2026-01-02T00:00:00Z"), 8));

        var context = host.startedPlugin(TestPlugins.GOOD).orElseThrow().context();
        var metrics = context.accountMetrics();
        assertThat(metrics).extracting(m -> m.key()).as("a key outside its plugin's namespace is left out")
                .containsExactly("test-good.events");
        assertThat(metrics.getFirst().label(java.util.Locale.ENGLISH)).isEqualTo("Events logged");
        assertThat(dsl.fetch(metrics.getFirst().values())).extracting(r -> r.value1(), r -> r.value2().intValue())
                .contains(org.assertj.core.groups.Tuple.tuple(42L, 2));
        DSLContext consumer = host.startedPlugin(BASE).orElseThrow().context().dsl();
        assertThat(consumer.fetch(host.accountMetrics().getFirst().values()))
                .as("another plugin's own database account reads the metric, though not the provider's schema")
                .extracting(r -> r.value1(), r -> r.value2().intValue()).contains(org.assertj.core.groups.Tuple.tuple(42L, 2));
        assertThatThrownBy(() -> consumer.execute("SELECT COUNT(*) FROM crm_test_good.note")).hasMessageContaining("denied");

        host.disable(TestPlugins.GOOD);
        assertThat(host.accountMetrics()).as("gone with its plugin").isEmpty();
    }

    @Test
    void a_plugin_searches_the_reusable_texts_of_the_started_plugins_and_a_broken_or_foreign_one_is_left_out() {
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();

        var context = host.startedPlugin(TestPlugins.GOOD).orElseThrow().context();
        assertThat(context.reusableTexts("deliver", 10)).as("a key outside its plugin's namespace is left out")
                .containsExactly(new ReusableText("test-good.delivery", "Delivery", "Delivered within 24 hours", "Test texts"));
        assertThat(context.reusableTexts("", 10)).extracting(ReusableText::key)
                .containsExactly("test-good.delivery", "test-good.service", "test-good.returns");
        assertThat(host.reusableTexts("", 2)).extracting(ReusableText::key)
                .containsExactly("test-good.delivery", "test-good.service");

        host.disable(TestPlugins.GOOD);
        assertThat(host.reusableTexts("", 10)).as("gone with its plugin").isEmpty();
    }

    @Test
    void plugin_permissions_are_held_by_their_default_roles_and_by_admin_while_started() {
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();
        var manager = new UserRef(1, "m", "M", Set.of(Role.MANAGER));
        var sales = new UserRef(2, "s", "S", Set.of(Role.SALES));
        var admin = new UserRef(3, "a", "A", Set.of(Role.ADMIN));

        assertThat(permissions.has(manager, "test-good.see-secret")).isTrue();
        assertThat(permissions.has(sales, "test-good.see-secret")).isFalse();
        assertThat(permissions.has(admin, "test-good.see-secret")).isTrue();
        assertThat(permissions.has(sales, Permissions.MANAGE_PLUGINS)).isFalse();

        host.disable(GOOD);
        assertThat(permissions.has(manager, "test-good.see-secret")).isFalse();
    }

    @Test
    void messages_come_from_the_plugin_bundle_in_the_user_language() {
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();
        var plugin = host.startedPlugin(GOOD).orElseThrow();

        assertThat(plugin.message(Locale.ENGLISH, "notes.count", 3)).isEqualTo("3 notes");
        assertThat(plugin.message(Locale.of("nl"), "notes.count", 3)).isEqualTo("3 notities");
        assertThat(plugin.message(Locale.GERMAN, "menu.notes")).as("falls back to English").isEqualTo("Notes");
        assertThat(plugin.message(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void an_uninstalled_plugin_class_loader_can_be_garbage_collected() throws InterruptedException {
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();
        var loader = new WeakReference<>(host.startedPlugin(GOOD).orElseThrow().classLoader());
        host.startedPlugin(GOOD).orElseThrow().message(Locale.ENGLISH, "menu.notes");

        host.uninstall(GOOD, true);
        routes.forget();
        for (int i = 0; i < 20 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(loader.get()).isNull();
    }

    @Test
    void a_plugin_starts_after_its_dependency_whatever_the_jar_names_and_uses_its_classes() throws Exception {
        TestPlugins.addon().writeTo(pluginsDir);
        TestPlugins.base().writeTo(pluginsDir);
        assertThat(PluginHost.jarsIn(pluginsDir)).extracting(jar -> jar.getFileName().toString())
                .as("the dependent is loaded first").containsExactly("test-addon-1.0.0.jar", "test-base-1.0.0.jar");
        host = newHost(false);
        host.startAll();

        assertThat(routes.plugins).extracting(StartedPlugin::id).containsExactly(BASE, ADDON);
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(BASE, ADDON);
        assertThat(host.find(BASE).orElseThrow().dependents()).containsExactly(ADDON);
        assertTheAddonUsesTheBase();
    }

    @Test
    void jars_dropped_into_the_folder_of_a_running_host_are_loaded_and_started_with_the_plugins_waiting_for_them()
            throws Exception {
        TestPlugins.addon().writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();
        assertFailed(ADDON, "needs plugin test-base, which is not installed");

        TestPlugins.base().writeTo(pluginsDir);
        TestPluginJar.plugin(EXTRA).writeTo(pluginsDir);
        Files.writeString(pluginsDir.resolve("not-a-plugin.jar"), "no zip");

        assertThat(host.loadNew()).containsExactly(BASE, EXTRA);
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(BASE, ADDON, EXTRA);
        assertTheAddonUsesTheBase();
        assertThat(host.plugins()).filteredOn(info -> info.id().equals("not-a-plugin.jar")).singleElement()
                .satisfies(info -> assertThat(info.status()).isEqualTo(PluginStatus.FAILED));
        assertThat(host.loadNew()).as("nothing new the second time").isEmpty();
    }

    @Test
    void an_optional_dependency_starts_first_when_it_is_there_and_is_not_needed_when_it_is_not() {
        TestPluginJar.plugin(EXTRA).dependencies(BASE + "?").writeTo(pluginsDir);
        TestPlugins.base().writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(BASE, EXTRA);

        host.disable(BASE);

        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(EXTRA);
        assertThat(host.find(EXTRA).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
    }

    @Test
    void a_missing_dependency_fails_the_plugin_with_the_reason_and_the_others_run() {
        TestPlugins.addon().writeTo(pluginsDir);
        TestPluginJar.plugin(EXTRA).dependencies("test-base@>=1.0.0 & <2.0.0").writeTo(pluginsDir);
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();

        assertFailed(ADDON, "needs plugin test-base, which is not installed");
        assertFailed(EXTRA, "needs plugin test-base >=1.0.0 & <2.0.0, which is not installed");
        assertThat(schemaExists("crm_test_addon")).as("not migrated").isFalse();
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(GOOD);
    }

    @Test
    void a_dependency_in_a_version_out_of_range_fails_the_plugin_with_the_reason() {
        TestPlugins.base().writeTo(pluginsDir);
        TestPlugins.addon().dependencies("test-base@>=2.0.0").writeTo(pluginsDir);
        TestPluginJar.plugin(BAD_RANGE).dependencies("test-base@>=one").writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();

        assertFailed(ADDON, "needs plugin test-base >=2.0.0, installed is 1.0.0");
        assertFailed(BAD_RANGE, "needs plugin test-base >=one, installed is 1.0.0");
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(BASE);
    }

    @Test
    void a_failed_dependency_fails_its_dependents() {
        TestPlugins.base().requires(">=9.0.0").writeTo(pluginsDir);
        TestPlugins.addon().writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();

        assertFailed(BASE, "requires platform API >=9.0.0");
        assertFailed(ADDON, "needs plugin test-base, which failed");
        assertThat(routes.plugins).isEmpty();
    }

    @Test
    void plugins_that_depend_on_each_other_fail_and_the_others_run() {
        TestPluginJar.plugin(CYCLE_A).dependencies(CYCLE_B).writeTo(pluginsDir);
        TestPluginJar.plugin(CYCLE_B).dependencies(CYCLE_A + "@>=1.0.0").writeTo(pluginsDir);
        TestPlugins.writeGood(pluginsDir);
        host = newHost(false);
        host.startAll();

        assertFailed(CYCLE_A, "dependency cycle: test-cycle-a -> test-cycle-b -> test-cycle-a");
        assertFailed(CYCLE_B, "dependency cycle: test-cycle-b -> test-cycle-a -> test-cycle-b");
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(GOOD);
    }

    @Test
    void disabling_a_dependency_stops_its_dependents_and_enabling_it_starts_them_again() throws Exception {
        TestPlugins.addon().writeTo(pluginsDir);
        TestPlugins.base().writeTo(pluginsDir);
        TestPluginJar.plugin(EXTRA).dependencies(ADDON).writeTo(pluginsDir);
        host = newHost(false);
        host.startAll();
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(BASE, ADDON, EXTRA);

        host.disable(BASE);
        assertThat(host.find(BASE).orElseThrow().status()).isEqualTo(PluginStatus.DISABLED);
        assertFailed(ADDON, "needs plugin test-base, which is disabled");
        assertFailed(EXTRA, "needs plugin test-addon, which failed");
        assertThat(routes.plugins).isEmpty();
        assertThat(host.reusableTexts("", 10)).isEmpty();

        host.close();
        host = newHost(false);
        host.startAll();
        assertFailed(ADDON, "needs plugin test-base, which is disabled");
        host.enable(ADDON);
        assertFailed(ADDON, "needs plugin test-base, which is disabled");

        host.enable(BASE);
        assertThat(routes.plugins).extracting(StartedPlugin::id).containsExactly(BASE, ADDON, EXTRA);
        assertThat(host.plugins()).extracting(PluginInfo::status).containsOnly(PluginStatus.ENABLED);
        assertTheAddonUsesTheBase();

        host.disable(ADDON);
        host.enable(BASE);
        assertThat(host.find(ADDON).orElseThrow().status()).as("stays disabled by the admin").isEqualTo(PluginStatus.DISABLED);
        assertFailed(EXTRA, "needs plugin test-addon, which is disabled");
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).containsExactly(BASE);
    }

    @Test
    void a_plugin_uploaded_before_its_dependency_is_installed_failed_and_starts_once_the_dependency_is_there()
            throws Exception {
        host = newHost(false);
        host.startAll();
        Path uploads = Files.createTempDirectory(pluginsDir.getParent(), "uploads");

        var addon = host.install(TestPlugins.addon().writeTo(uploads));
        assertThat(addon.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(addon.lastError()).isEqualTo("needs plugin test-base, which is not installed");

        host.install(TestPlugins.base().writeTo(uploads));
        assertThat(host.plugins()).extracting(PluginInfo::status).containsOnly(PluginStatus.ENABLED);
        assertTheAddonUsesTheBase();

        host.uninstall(BASE, true);
        assertFailed(ADDON, "needs plugin test-base, which is not installed");
        assertThat(host.plugins()).extracting(PluginInfo::id).containsExactly(ADDON);
        assertThat(routes.plugins).isEmpty();
    }

    private void assertTheAddonUsesTheBase() throws ClassNotFoundException {
        assertThat(host.reusableTexts("", 10)).extracting(ReusableText::text).containsExactly("Hello addon, from test-base");
        ClassLoader addon = host.startedPlugin(ADDON).orElseThrow().classLoader();
        assertThat(addon.loadClass(BaseGreeting.class.getName()).getClassLoader())
                .as("the base plugin's class, not the test class path's")
                .isSameAs(host.startedPlugin(BASE).orElseThrow().classLoader());
    }

    private PluginHost newHost(boolean demoData) {
        var services = new HostServices(CurrentUser.NONE, permissions, Clock.systemUTC(), demoData);
        var newHost = new PluginHost(pluginsDir, TestDatabase.get().dataSource(), services);
        newHost.addListener(routes);
        return newHost;
    }

    private void assertFailed(String id, String... errorParts) {
        var info = host.find(id).orElseThrow();
        assertThat(info.status()).as(id).isEqualTo(PluginStatus.FAILED);
        assertThat(info.lastError()).as(id).contains(errorParts);
        assertThat(stateOf(id)).isEqualTo("FAILED");
    }

    private void assertRejected(Path jar, String messageKey) {
        assertThatThrownBy(() -> host.install(jar)).isInstanceOf(PluginRejectedException.class)
                .extracting(e -> ((PluginRejectedException) e).messageKey()).isEqualTo(messageKey);
    }

    private String stateOf(String id) {
        return dsl.select(PLUGIN_STATE.STATE).from(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq(id)).fetchOne(PLUGIN_STATE.STATE);
    }

    private boolean schemaExists(String schema) {
        return dsl.fetchExists(DSL.table(DSL.name("information_schema", "schemata")),
                DSL.field(DSL.name("schema_name")).eq(schema));
    }

    /** Plays the web layer's route registry. */
    private static final class RouteRecorder implements PluginLifecycleListener {
        private final List<String> live = new ArrayList<>();
        private final List<StartedPlugin> plugins = new ArrayList<>();

        @Override
        public void started(StartedPlugin plugin) {
            plugins.add(plugin);
            plugin.views().forEach(view -> live.add(plugin.route(view)));
        }

        @Override
        public void stopping(StartedPlugin plugin) {
            plugins.remove(plugin);
            plugin.views().forEach(view -> live.remove(plugin.route(view)));
        }

        void forget() {
            plugins.clear();
        }
    }
}

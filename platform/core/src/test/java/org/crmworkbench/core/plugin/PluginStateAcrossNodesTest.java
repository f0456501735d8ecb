package org.crmworkbench.core.plugin;

import com.zaxxer.hikari.HikariDataSource;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.core.plugin.TestPlugins.ADDON;
import static org.crmworkbench.core.plugin.TestPlugins.BASE;
import static org.crmworkbench.core.plugin.TestPlugins.GOOD;
import static org.crmworkbench.db.jooq.Tables.PLUGIN_STATE;

/**
 * Two app nodes in one JVM: two hosts on the same database and the same plugins folder, each following
 * the other's admin actions with a short poll. What an admin does on node A must reach node B within a
 * few polls, including B's routes.
 */
class PluginStateAcrossNodesTest {

    private static final Duration POLL = Duration.ofMillis(100);
    /** Far more than a few polls: only a node that does not follow at all takes this long. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path pluginsDir;

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final List<PluginHost> hosts = new ArrayList<>();
    private final Routes routesOfB = new Routes();
    private PluginHost nodeA;
    private PluginHost nodeB;

    @BeforeEach
    void cleanDatabase() {
        for (String id : List.of(GOOD, BASE, ADDON)) {
            dsl.execute("DROP SCHEMA IF EXISTS " + new PluginSchema(id).name());
        }
        dsl.deleteFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.like("test-%")).execute();
    }

    @AfterEach
    void stopNodes() {
        hosts.forEach(PluginHost::close);
    }

    @Test
    void a_plugin_disabled_on_one_node_stops_on_the_other_and_enabling_it_starts_it_there_again() {
        TestPlugins.writeGood(pluginsDir);
        startBothNodes();
        assertThat(nodeB.find(GOOD).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(routesOfB.live).containsExactlyInAnyOrder("test-good/notes", "test-good/secret");

        nodeA.disable(GOOD);
        await("node B stops the plugin", () -> status(nodeB, GOOD) == PluginStatus.DISABLED);
        assertThat(nodeB.startedPlugin(GOOD)).isEmpty();
        assertThat(routesOfB.live).as("its routes withdrawn on node B").isEmpty();
        assertThat(nodeB.statusCounts()).containsEntry(PluginStatus.DISABLED, 1).containsEntry(PluginStatus.ENABLED, 0);

        nodeA.enable(GOOD);
        await("node B starts the plugin again", () -> status(nodeB, GOOD) == PluginStatus.ENABLED);
        assertThat(routesOfB.live).containsExactlyInAnyOrder("test-good/notes", "test-good/secret");
        assertThat(nodeB.startedPlugin(GOOD).orElseThrow().context().dsl().fetchCount(DSL.table("note")))
                .as("node B's plugin reads its schema").isNotNegative();
        assertThat(nodeB.statusCounts()).containsEntry(PluginStatus.ENABLED, 1).containsEntry(PluginStatus.DISABLED, 0);
        assertThat(nodeA.find(GOOD).orElseThrow().status()).as("node A keeps what its admin did").isEqualTo(PluginStatus.ENABLED);
    }

    @Test
    void disabling_a_dependency_on_one_node_stops_its_dependent_on_the_other_and_enabling_it_brings_both_back()
            throws Exception {
        TestPlugins.addon().writeTo(pluginsDir);
        TestPlugins.base().writeTo(pluginsDir);
        startBothNodes();

        nodeA.disable(BASE);
        await("node B stops the base and the add-on", () -> status(nodeB, BASE) == PluginStatus.DISABLED);
        assertThat(nodeB.find(ADDON).orElseThrow().status()).isEqualTo(PluginStatus.FAILED);
        assertThat(nodeB.find(ADDON).orElseThrow().lastError()).isEqualTo("needs plugin test-base, which is disabled");
        assertThat(nodeB.startedPlugins()).isEmpty();

        nodeA.enable(BASE);
        await("node B starts both again", () -> status(nodeB, ADDON) == PluginStatus.ENABLED);
        assertThat(nodeB.find(BASE).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
        ClassLoader addon = nodeB.startedPlugin(ADDON).orElseThrow().classLoader();
        assertThat(addon.loadClass(BaseGreeting.class.getName()).getClassLoader())
                .as("node B's add-on uses node B's new base")
                .isSameAs(nodeB.startedPlugin(BASE).orElseThrow().classLoader());
    }

    @Test
    void a_plugin_uninstalled_on_one_node_is_unloaded_on_the_other_and_one_installed_there_is_loaded() throws Exception {
        TestPlugins.writeGood(pluginsDir);
        startBothNodes();

        nodeA.uninstall(GOOD, false);
        await("node B unloads the plugin", () -> nodeB.find(GOOD).isEmpty());
        assertThat(routesOfB.live).isEmpty();
        assertThat(nodeB.plugins()).isEmpty();
        assertThat(nodeB.statusCounts()).containsOnly(Map.entry(PluginStatus.ENABLED, 0),
                Map.entry(PluginStatus.DISABLED, 0), Map.entry(PluginStatus.FAILED, 0));

        Path uploads = Files.createTempDirectory(pluginsDir.getParent(), "uploads");
        nodeA.install(TestPlugins.writeGood(uploads));
        await("node B loads and starts the plugin", () -> status(nodeB, GOOD) == PluginStatus.ENABLED);
        assertThat(routesOfB.live).containsExactlyInAnyOrder("test-good/notes", "test-good/secret");
        assertThat(nodeB.startedPlugin(GOOD).orElseThrow().context().dsl().fetchCount(DSL.table("note")))
                .as("the data node A kept").isEqualTo(1);
    }

    @Test
    void both_nodes_give_a_plugin_account_the_same_password_so_neither_locks_out_the_other() throws Exception {
        var hikari = (HikariDataSource) TestDatabase.get().dataSource();
        var schema = new PluginSchema(GOOD);
        var first = new PluginDatabaseUsers(dsl, hikari.getPassword()).ensure(schema);
        var second = new PluginDatabaseUsers(dsl, hikari.getPassword()).ensure(schema);
        try {
            assertThat(second).isEqualTo(first);
            try (var connection = DriverManager.getConnection(hikari.getJdbcUrl(), first.user(), first.password())) {
                assertThat(connection.isValid(2)).as("the first node's password still logs in").isTrue();
            }
            assertThat(new PluginDatabaseUsers(dsl, "another secret").ensure(schema).password())
                    .isNotEqualTo(first.password());
        } finally {
            new PluginDatabaseUsers(dsl, null).drop(schema);
        }
    }

    private void startBothNodes() {
        nodeA = startNode(new Routes());
        nodeB = startNode(routesOfB);
    }

    private PluginHost startNode(Routes routes) {
        var host = new PluginHost(pluginsDir, TestDatabase.get().dataSource(),
                new HostServices(CurrentUser.NONE, new Permissions(), Clock.systemUTC(), true));
        hosts.add(host);
        host.addListener(routes);
        host.startAll();
        host.followOtherNodes(POLL);
        return host;
    }

    /** The plugin's status on a node, read under the node's lock: after a poll has applied it completely. */
    private static PluginStatus status(PluginHost node, String id) {
        return node.find(id).map(PluginInfo::status).orElse(null);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(POLL.toMillis() / 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what, e);
            }
        }
    }

    /** Plays node B's route registry; the host calls it from its poll thread. */
    private static final class Routes implements PluginLifecycleListener {
        private final List<String> live = new CopyOnWriteArrayList<>();

        @Override
        public void started(StartedPlugin plugin) {
            plugin.views().forEach(view -> live.add(plugin.route(view)));
        }

        @Override
        public void stopping(StartedPlugin plugin) {
            plugin.views().forEach(view -> live.remove(plugin.route(view)));
        }
    }
}

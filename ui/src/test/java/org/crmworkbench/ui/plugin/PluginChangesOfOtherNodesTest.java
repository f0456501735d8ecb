package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginInfo;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.core.plugin.TestPlugins;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.PLUGIN_STATE;

/**
 * This node follows what an admin did on another node sharing the database: the other node's changes
 * are played by writing {@code crm_core.plugin_state} as that node would, and this node's routes and
 * menu have to follow within a few polls ({@code crm.plugins.poll-interval}, 500 ms in the UI tests).
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class PluginChangesOfOtherNodesTest extends UiTest {

    private static final String NOTES_VIEW = "org.crmworkbench.testplugins.good.NotesView";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path uploads;
    @Autowired
    PluginHost host;
    @Autowired
    CrmDatabase database;

    @AfterEach
    void removeTestPlugin() {
        if (host.find(TestPlugins.GOOD).isPresent()) {
            host.uninstall(TestPlugins.GOOD, true);
        }
    }

    @Test
    void a_plugin_disabled_on_another_node_leaves_menu_and_routes_here_and_returns_when_enabled_there()
            throws InterruptedException {
        host.install(TestPlugins.writeGood(uploads));
        navigate(DashboardView.class);
        assertThat(menu()).contains("Notes");

        recordAsAnotherNode(false, PluginStatus.DISABLED);
        awaitStatus(PluginStatus.DISABLED);
        navigate(DashboardView.class);
        assertThat(menu()).doesNotContain("Notes");
        UI.getCurrent().navigate("test-good/notes");
        assertThat(getCurrentView().getClass().getName()).as("route withdrawn here").isNotEqualTo(NOTES_VIEW);

        recordAsAnotherNode(true, PluginStatus.ENABLED);
        awaitStatus(PluginStatus.ENABLED);
        UI.getCurrent().navigate("test-good/notes");
        assertThat(getCurrentView().getClass().getName()).as("route back here").isEqualTo(NOTES_VIEW);
        assertThat(menu()).contains("Notes");
    }

    /** What the other node writes when its admin disables the plugin, or enables it and it started there. */
    private void recordAsAnotherNode(boolean enabled, PluginStatus status) {
        database.dsl().update(PLUGIN_STATE).set(PLUGIN_STATE.ENABLED, enabled).set(PLUGIN_STATE.STATE, status.name())
                .where(PLUGIN_STATE.PLUGIN_ID.eq(TestPlugins.GOOD)).execute();
    }

    /** Waits, with the session lock released, until this node's poll has applied the change. */
    private void awaitStatus(PluginStatus expected) throws InterruptedException {
        var session = VaadinSession.getCurrent();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (host.find(TestPlugins.GOOD).map(PluginInfo::status).orElse(null) != expected
                && System.nanoTime() < deadline) {
            session.unlock();
            Thread.sleep(50);
            session.lock();
        }
        assertThat(host.find(TestPlugins.GOOD).orElseThrow().status()).isEqualTo(expected);
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}

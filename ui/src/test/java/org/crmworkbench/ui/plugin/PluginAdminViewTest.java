package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.http.Part;
import org.crmworkbench.api.ApiVersion;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.ui.audit.SecurityLogView;
import org.crmworkbench.core.plugin.PluginInfo;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.core.plugin.TestPluginJar;
import org.crmworkbench.core.plugin.TestPlugins;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithMockUser(username = "admin", roles = "ADMIN")
class PluginAdminViewTest extends UiTest {

    @TempDir
    Path uploads;
    @Autowired
    PluginHost host;
    @Autowired
    SecurityLog securityLog;

    @AfterEach
    void removeTestPlugins() {
        for (String id : List.of(TestPlugins.GOOD, TestPlugins.BAD_MIGRATION, TestPlugins.FAILING_START)) {
            if (host.find(id).isPresent()) {
                host.uninstall(id, true);
            }
        }
    }

    @Test
    void an_upload_over_the_limit_is_refused_on_the_server_even_when_it_declares_a_small_size() throws Exception {
        var view = navigate(PluginAdminView.class);
        int plugins = host.plugins().size();

        upload(view, 1000, new InputStream() { // a forged request: declares 1,000 bytes, sends more than 50 MB
            @Override
            public int read() {
                return 'a';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) 'a');
                return length;
            }
        });
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Not installed: a plugin jar may be at most 50 MB.");
        assertThat(host.plugins()).hasSize(plugins);

        upload(view, Files.size(TestPlugins.writeGood(uploads)), Files.newInputStream(TestPlugins.writeGood(uploads)));
        assertThat(test($(Notification.class).last()).getText()).as("a real jar still goes through")
                .isEqualTo("Plugin test-good 1.0.0 installed and started");
    }

    private void upload(PluginAdminView view, long declaredSize, InputStream content) throws Exception {
        Part part = (Part) Proxy.newProxyInstance(Part.class.getClassLoader(), new Class<?>[]{Part.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> content;
                    case "getSize" -> declaredSize;
                    default -> null;
                });
        view.uploadHandler.handleUploadRequest(new UploadEvent(null, null, VaadinSession.getCurrent(), "plugin.jar",
                declaredSize, "application/java-archive", view.upload.getElement(), part));
        var session = VaadinSession.getCurrent();
        session.unlock(); // runs the UI.access tasks the handler queued
        session.lock();
    }

    @Test
    void the_bundled_plugin_is_listed_enabled_with_its_schema_version() {
        var view = navigate(PluginAdminView.class);

        PluginInfo rating = rows(view).stream().filter(p -> p.id().equals("customer-rating")).findFirst().orElseThrow();
        assertThat(rating.status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(rating.schema()).isEqualTo("crm_customer_rating");
        assertThat(rating.schemaVersion()).isEqualTo("005");
        assertThat(rating.version()).isEqualTo("1.0.0-SNAPSHOT");
    }

    @Test
    void an_uploaded_plugin_goes_live_can_be_disabled_enabled_and_uninstalled_without_restart() {
        var view = navigate(PluginAdminView.class);
        view.installUpload(TestPlugins.writeGood(uploads));

        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Plugin test-good 1.0.0 installed and started");
        assertThat(statusOf(view, TestPlugins.GOOD)).isEqualTo(PluginStatus.ENABLED);
        UI.getCurrent().navigate("test-good/notes");
        assertThat(test($(Span.class).withId("notes-count").single()).getText()).isEqualTo("one note");

        view = navigate(PluginAdminView.class);
        view.disable(host.find(TestPlugins.GOOD).orElseThrow());
        assertThat(statusOf(navigate(PluginAdminView.class), TestPlugins.GOOD)).isEqualTo(PluginStatus.DISABLED);
        UI.getCurrent().navigate("test-good/notes");
        assertThat(currentViewName()).as("route withdrawn").isNotEqualTo(NOTES_VIEW);

        view = navigate(PluginAdminView.class);
        view.enable(host.find(TestPlugins.GOOD).orElseThrow());
        UI.getCurrent().navigate("test-good/notes");
        assertThat(currentViewName()).as("route back").isEqualTo(NOTES_VIEW);

        view = navigate(PluginAdminView.class);
        view.uninstall(host.find(TestPlugins.GOOD).orElseThrow(), false);
        assertThat(rows(navigate(PluginAdminView.class))).extracting(PluginInfo::id).doesNotContain(TestPlugins.GOOD);
    }

    @Test
    void admin_holds_every_plugin_permission() {
        host.install(TestPlugins.writeGood(uploads));
        UI.getCurrent().navigate("test-good/secret");
        assertThat(currentViewName()).isEqualTo(NOTES_VIEW);
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void a_plugin_permission_guards_its_view_also_with_a_trailing_slash() {
        host.install(TestPlugins.writeGood(uploads));
        for (String location : List.of("test-good/secret", "test-good/secret/")) {
            // browserless rethrows the access-denied error that a browser would show as a page
            assertThatThrownBy(() -> UI.getCurrent().navigate(location)).as(location).isNotNull();
            assertThat(currentViewName()).as(location).isNotEqualTo(NOTES_VIEW);
        }
        UI.getCurrent().navigate("test-good/notes");
        assertThat(currentViewName()).as("the view without permission").isEqualTo(NOTES_VIEW);
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void the_default_role_of_a_plugin_permission_opens_its_view() {
        host.install(TestPlugins.writeGood(uploads));
        UI.getCurrent().navigate("test-good/secret/");
        assertThat(currentViewName()).isEqualTo(NOTES_VIEW);
    }

    @Test
    void a_jar_copied_into_the_plugins_folder_goes_live_with_look_for_new_jars() {
        var view = navigate(PluginAdminView.class);
        test(view.scan).click();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("No new plugin jars in " + host.pluginsDir());

        TestPlugins.writeGood(host.pluginsDir());
        test(view.scan).click();

        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Loaded from new jars: test-good (see their state below)");
        assertThat(rows(view)).filteredOn(info -> info.id().equals(TestPlugins.GOOD)).singleElement()
                .satisfies(info -> assertThat(info.status()).isEqualTo(PluginStatus.ENABLED));
    }

    @Test
    void plugin_changes_go_into_the_security_log_which_admin_reads_newest_first() {
        var view = navigate(PluginAdminView.class);
        view.installUpload(TestPlugins.writeGood(uploads));
        view.disable(host.find(TestPlugins.GOOD).orElseThrow());

        navigate(SecurityLogView.class);
        @SuppressWarnings("unchecked")
        Grid<SecurityLog.Event> grid = $(Grid.class).single();
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Plugin disabled");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("admin");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo(TestPlugins.GOOD);
        assertThat(test(grid).getCellText(1, 1)).isEqualTo("Plugin installed");
        @SuppressWarnings("unchecked")
        Select<SecurityLog.Kind> kind = $(Select.class).single();
        kind.setValue(SecurityLog.Kind.PLUGIN_INSTALLED);
        assertThat(test(grid).size()).isEqualTo(securityLog.count(SecurityLog.Kind.PLUGIN_INSTALLED));
    }

    @Test
    void a_plugin_view_that_throws_shows_an_error_panel_inside_the_shell() {
        host.install(TestPlugins.writeBrokenView(uploads));
        try {
            UI.getCurrent().navigate("test-broken-view/boom");
            assertThat($(Paragraph.class).id("view-failed").getText()).startsWith("A view of plugin test-broken-view failed");
            assertThat($(SideNav.class).exists()).as("the shell's menu is still there").isTrue();
            navigate(PluginAdminView.class);
            assertThat(rows(navigate(PluginAdminView.class))).isNotEmpty();
        } finally {
            host.uninstall(TestPlugins.BROKEN_VIEW, true);
        }
    }

    @Test
    void a_reserved_plugin_id_is_refused_on_upload() {
        var view = navigate(PluginAdminView.class);
        view.installUpload(TestPluginJar.plugin("admin").writeTo(uploads));
        assertThat(test($(Notification.class).last()).getText()).startsWith("Plugin id \"admin\" is a name of the workbench itself");
    }

    @Test
    void a_bad_upload_is_explained_and_changes_nothing() throws IOException {
        var view = navigate(PluginAdminView.class);
        int before = rows(view).size();

        view.installUpload(Files.writeString(uploads.resolve("notes.jar"), "not a jar"));
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("This file is not a jar (zip) file.");

        view.installUpload(TestPluginJar.plugin("test-good").requires(">=2.0.0").writeTo(uploads));
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("Plugin test-good requires platform API >=2.0.0, but this workbench provides " + ApiVersion.current() + ".");
        assertThat(rows(view)).hasSize(before);
    }

    @Test
    void broken_plugins_end_failed_with_their_error_and_the_shell_keeps_working() {
        var view = navigate(PluginAdminView.class);
        TestPlugins.writeBroken(uploads);
        view.installUpload(uploads.resolve(TestPlugins.BAD_MIGRATION + "-1.0.0.jar"));
        view.installUpload(uploads.resolve(TestPlugins.FAILING_START + "-1.0.0.jar"));

        view = navigate(PluginAdminView.class);
        assertThat(statusOf(view, TestPlugins.BAD_MIGRATION)).isEqualTo(PluginStatus.FAILED);
        assertThat(statusOf(view, TestPlugins.FAILING_START)).isEqualTo(PluginStatus.FAILED);
        assertThat(rowOf(view, TestPlugins.BAD_MIGRATION).lastError()).contains("migration of schema crm_test_bad_migration failed");
        assertThat(rowOf(view, TestPlugins.FAILING_START).lastError()).contains("boom on start");
        assertThat(navigate(DashboardView.class)).isNotNull();
    }

    @Test
    void dropping_a_schema_on_uninstall_asks_again_naming_the_schema() {
        host.install(TestPlugins.writeGood(uploads));
        var dialog = new UninstallDialog(host.find(TestPlugins.GOOD).orElseThrow(), (plugin, drop) -> { });
        dialog.open();
        roundTrip();
        dialog.data.setValue(true);
        test(dialog.confirm).click();

        var confirm = $(ConfirmDialog.class).last();
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Drop schema crm_test_good?");
    }

    private static final String NOTES_VIEW = "org.crmworkbench.testplugins.good.NotesView";

    private String currentViewName() {
        return getCurrentView().getClass().getName();
    }

    @SuppressWarnings("unchecked")
    private List<PluginInfo> rows(PluginAdminView view) {
        return view.grid.getGenericDataView().getItems().toList();
    }

    private PluginStatus statusOf(PluginAdminView view, String id) {
        return rowOf(view, id).status();
    }

    private PluginInfo rowOf(PluginAdminView view, String id) {
        return rows(view).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}

package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.ApiVersion;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountEditorView;
import org.crmworkbench.ui.account.AccountPluginTabs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's plugin template, built as a third party builds it: copied out of the source tree and
 * built with its own Maven wrapper against the SDK in the local repository (offline: nothing but what
 * {@code ./mvnw install} put there). Its jar is uploaded in plugin admin and its view and account tab
 * go live, so the template cannot rot.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class PluginTemplateTest extends UiTest {

    private static final String ID = "account-notes";
    private static final Path SMOKE_TEST_COPY = Path.of("target", "sdk-template", "account-notes-plugin-1.0.0.jar");

    @TempDir
    Path work;
    @Autowired
    PluginHost host;
    @Autowired
    CrmDatabase database;

    @AfterEach
    void uninstall() {
        if (host.find(ID).isPresent()) {
            host.uninstall(ID, true);
        }
    }

    @Test
    void the_template_builds_outside_the_reactor_and_its_view_and_account_tab_go_live_when_uploaded() throws Exception {
        Path jar = buildTemplate();
        assertTemplateJar(jar);
        Files.createDirectories(SMOKE_TEST_COPY.getParent());
        Files.copy(jar, SMOKE_TEST_COPY, StandardCopyOption.REPLACE_EXISTING); // BrowserSmokeIT installs it too

        navigate(PluginAdminView.class).installUpload(jar);
        assertThat(host.find(ID)).hasValueSatisfying(info -> {
            assertThat(info.status()).as(info.lastError()).isEqualTo(PluginStatus.ENABLED);
            assertThat(info.version()).isEqualTo("1.0.0");
            assertThat(info.provider()).isEqualTo("Example Ltd");
            assertThat(info.schema()).isEqualTo("crm_account_notes");
            assertThat(info.schemaVersion()).isEqualTo("1");
        });

        var account = database.dsl().fetchSingle("SELECT id, name FROM crm_core.account ORDER BY id LIMIT 1");
        long accountId = account.get(0, Long.class);
        navigate(AccountEditorView.class, String.valueOf(accountId));
        var tabs = $(AccountPluginTabs.class).single();
        tabs.setSelectedIndex($(Tab.class).from(tabs).all().stream().map(Tab::getLabel).toList().indexOf("Notes"));
        roundTrip();
        $(TextArea.class).withCaption("New note").single().setValue("Met them at the fair");
        test($(Button.class).withText("Add note").single()).click();
        assertThat(database.dsl().fetch("SELECT text, author FROM crm_account_notes.note WHERE account_id = ?", accountId)
                .map(r -> r.intoList())).containsExactly(List.of("Met them at the fair", "admin"));

        UI.getCurrent().navigate(ID + "/notes");
        assertThat($(H2.class).single().getText()).isEqualTo("Account notes");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Met them at the fair");
    }

    /** Copies the template into a temporary folder and runs {@code ./mvnw -o package} there, tests included. */
    private Path buildTemplate() throws IOException, InterruptedException {
        Path template = Path.of(System.getProperty("crm.sdk.template"));
        String version = System.getProperty("crm.workbench.version");
        Path repository = Path.of(System.getProperty("crm.local-repository"));
        assertThat(Files.readString(template.resolve("pom.xml")))
                .as("the template's parent is this build's SDK")
                .contains("<artifactId>crm-plugin-parent</artifactId>\n        <version>" + version + "</version>");
        assertThat(repository.resolve("org/crmworkbench/crm-plugin-parent/" + version))
                .as("the SDK is in the local repository: build with ./mvnw install (./crm test does)").isDirectory();

        Path copy = work.resolve("account-notes");
        copyTree(template, copy);
        Path log = work.resolve("build.log");
        var build = new ProcessBuilder("sh", "mvnw", "-B", "-ntp", "-o", "-Dmaven.repo.local=" + repository, "package")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        build.environment().put("MAVEN_OPTS", "-Xmx512m -XX:+UseSerialGC");
        Process process = build.start();
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // surefire's JVM and its mariadbd
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done && process.exitValue() == 0).as("the template builds:\n" + tail(output)).isTrue();
        assertThat(output).as("the template's own tests ran on the embedded MariaDB")
                .containsPattern("Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0\\R").contains("BUILD SUCCESS");
        return copy.resolve("target/account-notes-plugin-1.0.0.jar");
    }

    private static void assertTemplateJar(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile())) {
            var attributes = file.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Plugin-Id")).isEqualTo(ID);
            int major = Integer.parseInt(ApiVersion.current().split("\\.")[0]);
            assertThat(attributes.getValue("Plugin-Requires")).isEqualTo(">=" + ApiVersion.current() + " & <" + (major + 1) + ".0.0");
            List<String> entries = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(entries).contains("META-INF/extensions.idx", "db/crm_account_notes/V1__create_note.sql",
                    "com/example/crm/notes/jooq/tables/Note.class", "com/example/crm/notes/NotesView.class",
                    "com/example/crm/notes/NotesTab.class", "i18n/account-notes_en.properties", "i18n/account-notes_nl.properties");
            assertThat(entries).as("the platform is provided, never bundled")
                    .noneMatch(name -> name.startsWith("org/crmworkbench/") || name.startsWith("com/vaadin/") || name.startsWith("org/jooq/"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
}

package org.crmworkbench.plugin.nps;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.core.account.DemoAccounts;
import org.crmworkbench.core.contact.DemoContacts;
import org.crmworkbench.core.interaction.CoreFollowUps;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;

/** Loads the plugin from the jar this build produced, as the workbench does, with demo data. */
class NpsSurveysPluginIT {

    private static final Path JAR = Path.of(System.getProperty("plugin.jar"));

    @TempDir
    Path pluginsDir;
    private PluginHost host;

    @BeforeEach
    void installBuiltJar() throws IOException {
        var dsl = TestDatabase.get().dsl();
        dsl.execute("DROP SCHEMA IF EXISTS crm_nps_surveys");
        dsl.execute("DELETE FROM crm_core.plugin_state WHERE plugin_id = 'nps-surveys'");
        dsl.deleteFrom(ACCOUNT).execute();
        long manager = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("nps-demo-manager")).fetchOptional(APP_USER.ID)
                .orElseGet(() -> {
                    long id = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH)
                            .values("nps-demo-manager", "Demo Manager", "x").returningResult(APP_USER.ID).fetchSingle().value1();
                    dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE).values(id, Role.MANAGER.name()).execute();
                    return id;
                });
        DemoAccounts.create(dsl, 300, List.of(manager), 7);
        DemoContacts.create(dsl, 7);
        Files.copy(JAR, pluginsDir.resolve(JAR.getFileName()));
        var clock = Clock.systemUTC();
        var followUps = new CoreFollowUps(dsl, new InteractionService(dsl, clock, event -> { }), CurrentUser.NONE, clock);
        host = new PluginHost(pluginsDir, TestDatabase.get().dataSource(), new HostServices(CurrentUser.NONE, new Permissions(),
                clock, true, followUps, null, Mailer.NONE, URI.create("https://crm.example.com")));
        host.startAll();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void the_jar_has_manifest_extensions_migrations_and_messages_but_no_host_classes() throws IOException {
        try (var jar = new JarFile(JAR.toFile())) {
            var attributes = jar.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Plugin-Id")).isEqualTo("nps-surveys");
            assertThat(attributes.getValue("Plugin-Requires")).isEqualTo(">=1.6.0 & <2.0.0");
            String index = new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes());
            assertThat(index).contains(NpsViews.class.getName(), NpsPublicRoutes.class.getName(), NpsPermissions.class.getName(),
                    NpsDemoData.class.getName(), NpsMetrics.class.getName());
            assertThat(jar.getEntry("db/crm_nps_surveys/V001__nps_surveys.sql")).isNotNull();
            assertThat(jar.getEntry("i18n/nps-surveys_nl.properties")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()).filter(name -> name.startsWith("org/crmworkbench/api/")
                    || name.startsWith("com/vaadin/") || name.startsWith("org/jooq/") || name.startsWith("org/pf4j/"))).isEmpty();
        }
    }

    @Test
    void the_built_plugin_starts_with_its_routes_widgets_tab_metric_and_demo_data() {
        var info = host.find("nps-surveys").orElseThrow();
        assertThat(info.status()).as(info.toString()).isEqualTo(PluginStatus.ENABLED);
        assertThat(info.schemaVersion()).isEqualTo("001");
        var plugin = host.startedPlugin("nps-surveys").orElseThrow();
        assertThat(plugin.views()).extracting(plugin::route)
                .containsExactly("nps-surveys/campaigns", "nps-surveys/results", "nps-surveys/follow-ups");
        assertThat(plugin.publicRoutes()).extracting(plugin::route)
                .containsExactly("public/nps-surveys/answer", "public/nps-surveys/open");
        assertThat(plugin.widgets()).hasSize(2);
        assertThat(plugin.accountTabs()).hasSize(1);
        assertThat(plugin.tasks()).extracting(t -> t.getClass().getSimpleName()).containsExactly("ReminderTask");
        assertThat(plugin.permissions()).extracting(p -> p.key()).containsExactly(NpsPermissions.MANAGE, NpsPermissions.RESULTS);
        assertThat(host.accountMetrics()).extracting(m -> m.key()).contains(NpsMetrics.LATEST_ANSWER);
        assertThat(plugin.context().publicUrl("answer/x").toString()).isEqualTo("https://crm.example.com/public/nps-surveys/answer/x");

        var dsl = TestDatabase.get().dsl();
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_nps_surveys.campaign")).isEqualTo(3L);
        assertThat((Long) dsl.fetchValue("SELECT COUNT(*) FROM crm_nps_surveys.answer WHERE source = 'LINK'")).isPositive();
        assertThat((Long) dsl.fetchValue("SELECT COUNT(*) FROM crm_nps_surveys.answer_tag")).isPositive();
        // the closed loop: every detractor on an account has its follow-up; those of closed campaigns are closed
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_nps_surveys.answer a WHERE a.score <= 6 AND a.account_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM crm_nps_surveys.follow_up f WHERE f.answer_id = a.id)")).isEqualTo(0L);
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_nps_surveys.follow_up f JOIN crm_nps_surveys.answer a ON a.id = f.answer_id"
                + " JOIN crm_nps_surveys.campaign c ON c.id = a.campaign_id JOIN crm_core.interaction i ON i.id = f.interaction_id"
                + " WHERE c.status = 'CLOSED' AND (i.follow_up <> 'CLOSED' OR f.outcome IS NULL)")).isEqualTo(0L);

        Component widget = plugin.widgets().stream().filter(w -> w.titleKey().equals("widget.title")).findFirst().orElseThrow()
                .createWidget(plugin.context());
        assertThat(widget.getElement().getTextRecursively()).matches("(?s)-?\\d+(\\.\\d)?.*answers in the last 12 months.*");
    }
}

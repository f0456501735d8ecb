package org.crmworkbench.plugin.value;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.core.account.DemoAccounts;
import org.crmworkbench.core.contact.DemoContacts;
import org.crmworkbench.core.order.DemoOrders;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.plugin.value.sellogram.BenefitTexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;

/** Loads the plugin from the jar this build produced, as the workbench does, with demo data. */
class ValuePropositionPluginIT {

    private static final Path JAR = Path.of(System.getProperty("plugin.jar"));

    @TempDir
    Path pluginsDir;
    private PluginHost host;

    @BeforeEach
    void installBuiltJar() throws IOException {
        var dsl = TestDatabase.get().dsl();
        dsl.execute("DROP SCHEMA IF EXISTS crm_value_proposition");
        dsl.execute("DELETE FROM crm_core.plugin_state WHERE plugin_id = 'value-proposition'");
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(PRODUCT).execute();
        long manager = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("vp-demo-manager")).fetchOptional(APP_USER.ID)
                .orElseGet(() -> {
                    long id = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH)
                            .values("vp-demo-manager", "Demo Manager", "x").returningResult(APP_USER.ID).fetchSingle().value1();
                    dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE).values(id, Role.MANAGER.name()).execute();
                    return id;
                });
        DemoAccounts.create(dsl, 200, List.of(manager), 7);
        DemoContacts.create(dsl, 7);
        DemoOrders.create(dsl, LocalDate.of(2026, 11, 1), 7);
        Files.copy(JAR, pluginsDir.resolve(JAR.getFileName()));
        host = new PluginHost(pluginsDir, TestDatabase.get().dataSource(), new HostServices(CurrentUser.NONE, new Permissions(),
                Clock.systemUTC(), true, null, null, Mailer.NONE, URI.create("https://crm.example.com")));
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
            assertThat(attributes.getValue("Plugin-Id")).isEqualTo("value-proposition");
            assertThat(attributes.getValue("Plugin-Requires")).isEqualTo(">=1.6.0 & <2.0.0");
            String index = new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes());
            assertThat(index).contains(ValueViews.class.getName(), ValuePermissions.class.getName(), ValueDemoData.class.getName(),
                    AccountCleanup.class.getName(), "ArgumentationTabContribution", "CoverageWidget",
                    BenefitTexts.class.getName());
            assertThat(jar.getEntry("db/crm_value_proposition/V001__value_proposition.sql")).isNotNull();
            assertThat(jar.getEntry("i18n/value-proposition_nl.properties")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()).filter(name -> name.startsWith("org/crmworkbench/api/")
                    || name.startsWith("com/vaadin/") || name.startsWith("org/jooq/") || name.startsWith("org/pf4j/"))).isEmpty();
        }
    }

    @Test
    void the_built_plugin_starts_with_its_views_tab_widget_demo_data_and_goes_away_when_disabled() {
        var info = host.find("value-proposition").orElseThrow();
        assertThat(info.status()).as(info.toString()).isEqualTo(PluginStatus.ENABLED);
        assertThat(info.schemaVersion()).isEqualTo("001");
        var plugin = host.startedPlugin("value-proposition").orElseThrow();
        assertThat(plugin.views()).extracting(plugin::route).containsExactly("value-proposition/sellograms",
                "value-proposition/sellogram", "value-proposition/canvases", "value-proposition/canvas", "value-proposition/motives");
        assertThat(plugin.views()).filteredOn(v -> v.inMenu()).extracting(v -> v.labelKey())
                .containsExactly("menu.sellograms", "menu.canvases", "menu.motives");
        assertThat(plugin.accountTabs()).extracting(t -> t.labelKey()).containsExactly("tab.label");
        assertThat(plugin.widgets()).extracting(w -> w.titleKey()).containsExactly("widget.title");
        assertThat(plugin.permissions()).extracting(p -> p.key()).containsExactly(ValuePermissions.EDIT, ValuePermissions.PUBLISH);

        var dsl = TestDatabase.get().dsl();
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_value_proposition.sellogram WHERE status = 'PUBLISHED'")).isEqualTo(4L);
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_value_proposition.sellogram WHERE status = 'DRAFT'")).isEqualTo(1L);
        assertThat((Long) dsl.fetchValue("SELECT COUNT(*) FROM crm_value_proposition.contact_motive")).isPositive();
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_value_proposition.canvas")).isEqualTo(1L);
        Component widget = plugin.widgets().getFirst().createWidget(plugin.context());
        assertThat(widget.getElement().getTextRecursively()).contains("3 of 19 active products have a published sellogram");

        assertThat(plugin.context().reusableTexts("downtime", 5)).as("published benefits, through the host")
                .singleElement().satisfies(text -> {
                    assertThat(text.key()).startsWith("value-proposition.row-");
                    assertThat(text.title()).endsWith(" — Yearly inspection on site");
                    assertThat(text.text()).isEqualTo("no unplanned downtime");
                    assertThat(text.source()).startsWith("Sellogram ").endsWith(", revision 1");
                });

        // deleting an account takes its canvas along
        long account = dsl.select(ACCOUNT.ID).from(ACCOUNT).limit(1).fetchSingle().value1();
        dsl.execute("INSERT INTO crm_value_proposition.canvas (name, account_id, updated_at, updated_by) VALUES ('x', ?, NOW(), 't')", account);
        dsl.deleteFrom(ACCOUNT).where(ACCOUNT.ID.eq(account)).execute();
        host.publish(new AccountEvent.AccountDeleted(account, Instant.now()));
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_value_proposition.canvas WHERE account_id = ?", account)).isEqualTo(0L);

        host.disable("value-proposition");
        assertThat(host.startedPlugin("value-proposition")).isEmpty();
        assertThat(host.startedPlugins()).allSatisfy(p -> assertThat(p.accountTabs()).noneMatch(t -> t.labelKey().equals("tab.label")
                && p.context().pluginId().equals("value-proposition")));
    }
}

package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.core.account.DemoAccounts;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.core.plugin.StartedPlugin;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.plugin.tender.work.DeadlinesWidget;
import org.crmworkbench.plugin.tender.work.TendersTabContribution;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;
import static org.crmworkbench.plugin.tender.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.tender.jooq.Tables.AWARD_BIDDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_LOT;

/**
 * Loads the plugin from the jar this build produced, as the workbench does: a fresh schema with demo
 * data on the core demo accounts, on a host clock fixed at 2 March 2026.
 */
class TenderTrackingPluginIT {

    private static final Path JAR = Path.of(System.getProperty("plugin.jar"));
    private static final String ID = "tender-tracking";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private final DSLContext dsl = TestDatabase.get().dsl();
    @TempDir
    Path pluginsDir;
    private PluginHost host;

    @BeforeEach
    void installBuiltJar() throws IOException {
        dsl.execute("DROP SCHEMA IF EXISTS crm_tender_tracking");
        dsl.execute("DELETE FROM crm_core.plugin_state WHERE plugin_id = 'tender-tracking'");
        dsl.deleteFrom(ACCOUNT).execute();
        long manager = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("tt-demo-manager")).fetchOptional(APP_USER.ID)
                .orElseGet(() -> {
                    long id = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH)
                            .values("tt-demo-manager", "Demo Manager", "x").returningResult(APP_USER.ID).fetchSingle().value1();
                    dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE).values(id, Role.MANAGER.name()).execute();
                    return id;
                });
        DemoAccounts.create(dsl, 20, List.of(manager), 7);
        Files.copy(JAR, pluginsDir.resolve(JAR.getFileName()));
        host = new PluginHost(pluginsDir, TestDatabase.get().dataSource(), new HostServices(CurrentUser.NONE, new Permissions(),
                CLOCK, true, null, null, Mailer.NONE, URI.create("https://crm.example.com")));
        host.startAll();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void the_jar_has_manifest_extensions_migration_and_both_message_bundles_but_no_host_classes() throws IOException {
        try (var jar = new JarFile(JAR.toFile())) {
            var attributes = jar.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Plugin-Id")).isEqualTo(ID);
            assertThat(attributes.getValue("Plugin-Requires")).isEqualTo(">=1.6.0 & <2.0.0");
            List<String> index = new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes()).lines()
                    .map(String::strip).toList();
            assertThat(index).contains(TenderViews.class.getName(), TenderPermissions.class.getName(), TenderDemoData.class.getName(),
                    AccountCleanup.class.getName(), TendersTabContribution.class.getName(), DeadlinesWidget.class.getName());
            assertThat(jar.getEntry("db/crm_tender_tracking/V001__tender_tracking.sql")).isNotNull();
            assertThat(jar.getEntry("i18n/tender-tracking_en.properties")).isNotNull();
            assertThat(jar.getEntry("i18n/tender-tracking_nl.properties")).isNotNull();
            assertThat(jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("org/crmworkbench/api/")
                    || name.startsWith("com/vaadin/") || name.startsWith("org/jooq/") || name.startsWith("org/pf4j/"))).isEmpty();
        }
    }

    @Test
    void the_built_plugin_starts_enabled_on_schema_001_with_its_views_in_order_and_menu_labels() {
        var info = host.find(ID).orElseThrow();
        assertThat(info.status()).as(info.toString()).isEqualTo(PluginStatus.ENABLED);
        assertThat(info.schemaVersion()).isEqualTo("001");
        var plugin = started();
        assertThat(plugin.views()).extracting(plugin::route).containsExactly("tender-tracking/tenders", "tender-tracking/tender",
                "tender-tracking/board", "tender-tracking/calendar", "tender-tracking/answers", "tender-tracking/analysis",
                "tender-tracking/settings");
        assertThat(plugin.views()).filteredOn(PluginView::inMenu).extracting(PluginView::labelKey)
                .containsExactly("menu.register", "menu.board", "menu.calendar", "menu.answers", "menu.analysis", "menu.settings");
        assertThat(plugin.views()).filteredOn(v -> v.path().equals("settings")).extracting(PluginView::requiredPermission)
                .containsExactly(TenderPermissions.DECIDE);
    }

    @Test
    void the_built_plugin_contributes_the_account_tab_the_widget_and_the_edit_and_decide_permissions() {
        var plugin = started();
        assertThat(plugin.accountTabs()).extracting(t -> t.labelKey()).containsExactly("tab.label");
        assertThat(plugin.widgets()).extracting(w -> w.titleKey()).containsExactly("widget.title");
        assertThat(plugin.permissions()).extracting(p -> p.key()).containsExactly(TenderPermissions.EDIT, TenderPermissions.DECIDE);
        assertThat(plugin.message(Locale.ENGLISH, "tab.label")).isEqualTo("Tenders");
    }

    @Test
    void the_demo_data_spreads_eleven_tenders_over_the_pipeline_with_answers_bidders_and_lots() {
        Map<String, Integer> byStatus = dsl.select(TENDER.STATUS, DSL.count()).from(TENDER).groupBy(TENDER.STATUS)
                .fetchMap(r -> r.value1(), r -> r.value2());
        assertThat(dsl.fetchCount(TENDER)).isEqualTo(11);
        assertThat(byStatus).containsOnly(entry("IDENTIFIED", 1), entry("QUALIFYING", 1), entry("BID_NO_BID", 1), entry("PREPARING", 1),
                entry("SUBMITTED", 1), entry("WITHDRAWN", 1), entry("WON", 2), entry("LOST", 3));
        assertThat(dsl.fetchCount(ANSWER)).isEqualTo(4);
        assertThat(dsl.select(AWARD_BIDDER.NAME).from(AWARD_BIDDER).join(TENDER).on(TENDER.ID.eq(AWARD_BIDDER.TENDER_ID))
                .where(TENDER.TITLE.eq("Facility services")).and(TENDER.STATUS.eq("LOST")).orderBy(AWARD_BIDDER.ID).fetch(AWARD_BIDDER.NAME))
                .containsExactly("CleanCo B.V.", "Our company", "Facilitair Plus");
        assertThat(dsl.select(TENDER_LOT.TITLE).from(TENDER_LOT).join(TENDER).on(TENDER.ID.eq(TENDER_LOT.TENDER_ID))
                .where(TENDER.TITLE.eq("Office cleaning 2027-2030")).orderBy(TENDER_LOT.ID).fetch(TENDER_LOT.TITLE))
                .containsExactly("Lot 1: town hall", "Lot 2: sports halls");
        assertThat(dsl.fetchCount(TENDER_LOT)).isEqualTo(2);
    }

    @Test
    void the_widget_lists_the_deadlines_within_fourteen_days_and_the_overdue_task() {
        var plugin = started();
        String authority = dsl.select(ACCOUNT.NAME).from(ACCOUNT).orderBy(ACCOUNT.ID).limit(1).fetchSingle(ACCOUNT.NAME);

        String text = plugin.widgets().getFirst().createWidget(plugin.context()).getElement().getTextRecursively();

        assertThat(text).startsWith("6 deadlines within 14 days")
                .contains("Mar 1, 2026 · 1 day overdue · Task \"Collect ISO 9001 certificate\": Office cleaning 2027-2030 (" + authority + ")")
                .contains("Mar 6, 2026 · in 4 days · Questions deadline: Office cleaning 2027-2030 (" + authority + ")")
                .contains("Mar 7, 2026 · in 5 days · Task \"Price calculation per lot\": Office cleaning 2027-2030")
                .contains("Mar 8, 2026 · in 6 days · Questions deadline: Framework agreement power tools")
                .contains("Mar 14, 2026 · in 12 days · End of standstill period: Facility services (" + authority + ")")
                .contains("Mar 14, 2026 · in 12 days · Submission deadline: Office cleaning 2027-2030 (" + authority + ")")
                .endsWith("Open the deadline calendar")
                .doesNotContain("Personal protective equipment", "Fleet tyres", "Warehouse racking");
        assertThat(text.indexOf("Questions deadline: Office cleaning")).as("ordered by date")
                .isLessThan(text.indexOf("Submission deadline: Office cleaning"));
    }

    @Test
    void deleting_an_account_removes_its_tenders_and_leaves_the_others() {
        long authority = dsl.select(ACCOUNT.ID).from(ACCOUNT).orderBy(ACCOUNT.ID).limit(1).fetchSingle(ACCOUNT.ID);
        assertThat(dsl.select(TENDER.TITLE).from(TENDER).where(TENDER.AUTHORITY_ID.eq(authority)).orderBy(TENDER.ID).fetch(TENDER.TITLE))
                .containsExactly("Office cleaning 2027-2030", "Warehouse racking", "Facility services");

        dsl.deleteFrom(ACCOUNT).where(ACCOUNT.ID.eq(authority)).execute();
        host.publish(new AccountEvent.AccountDeleted(authority, Instant.now()));

        assertThat(dsl.fetchCount(TENDER, TENDER.AUTHORITY_ID.eq(authority))).isZero();
        assertThat(dsl.fetchCount(TENDER)).isEqualTo(8);
        assertThat(dsl.fetchCount(TENDER_LOT)).as("the lots went with their tender").isZero();
        assertThat(dsl.fetchCount(AWARD_BIDDER)).as("the bidders went with their tender").isZero();
    }

    @Test
    void disabling_the_plugin_takes_it_out_of_the_started_plugins_and_keeps_its_data() {
        host.disable(ID);

        assertThat(host.startedPlugin(ID)).isEmpty();
        assertThat(host.startedPlugins()).extracting(StartedPlugin::id).doesNotContain(ID);
        assertThat(host.find(ID).orElseThrow().status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(dsl.fetchCount(TENDER)).isEqualTo(11);
    }

    private StartedPlugin started() {
        return host.startedPlugin(ID).orElseThrow(() -> new AssertionError(host.find(ID)));
    }
}

package org.crmworkbench.plugin.chain;

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
import org.crmworkbench.plugin.chain.map.ChainTabContribution;
import org.crmworkbench.plugin.chain.risk.RisksWidget;
import org.jooq.DSLContext;
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
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_TREND;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE;
import static org.crmworkbench.plugin.chain.jooq.Tables.ROLE_CHANGE;
import static org.crmworkbench.plugin.chain.jooq.Tables.SUPPLIER;

/** Loads the plugin from the jar this build produced, as the workbench does: a fresh schema with demo data. */
class WholesaleChainPluginIT {

    private static final Path JAR = Path.of(System.getProperty("plugin.jar"));
    private static final String ID = "wholesale-chain";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private final DSLContext dsl = TestDatabase.get().dsl();
    @TempDir
    Path pluginsDir;
    private PluginHost host;

    @BeforeEach
    void installBuiltJar() throws IOException {
        dsl.execute("DROP SCHEMA IF EXISTS crm_wholesale_chain");
        dsl.execute("DELETE FROM crm_core.plugin_state WHERE plugin_id = 'wholesale-chain'");
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(PRODUCT).execute();
        long manager = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("wc-demo-manager")).fetchOptional(APP_USER.ID)
                .orElseGet(() -> {
                    long id = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH)
                            .values("wc-demo-manager", "Demo Manager", "x").returningResult(APP_USER.ID).fetchSingle().value1();
                    dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE).values(id, Role.MANAGER.name()).execute();
                    return id;
                });
        DemoAccounts.create(dsl, 20, List.of(manager), 7);
        dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP)
                .values("BO-1", "Boormachine", "Gereedschap").values("VE-1", "Veiligheidsbril", "Veiligheid").execute();
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
            assertThat(index).contains(ChainViews.class.getName(), ChainPermissions.class.getName(), ChainDemoData.class.getName(),
                    AccountCleanup.class.getName(), ChainTabContribution.class.getName(), RisksWidget.class.getName());
            assertThat(jar.getEntry("db/crm_wholesale_chain/V001__wholesale_chain.sql")).isNotNull();
            assertThat(jar.getEntry("i18n/wholesale-chain_en.properties")).isNotNull();
            assertThat(jar.getEntry("i18n/wholesale-chain_nl.properties")).isNotNull();
            assertThat(jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("org/crmworkbench/api/")
                    || name.startsWith("com/vaadin/") || name.startsWith("org/jooq/") || name.startsWith("org/pf4j/"))).isEmpty();
        }
    }

    @Test
    void the_built_plugin_starts_with_its_views_tab_widget_and_permissions() {
        var info = host.find(ID).orElseThrow();
        assertThat(info.status()).as(info.toString()).isEqualTo(PluginStatus.ENABLED);
        assertThat(info.schemaVersion()).isEqualTo("001");
        var plugin = started();
        assertThat(plugin.views()).extracting(plugin::route).containsExactly("wholesale-chain/map", "wholesale-chain/risks",
                "wholesale-chain/scorecard", "wholesale-chain/services");
        assertThat(plugin.views()).filteredOn(PluginView::inMenu).extracting(PluginView::labelKey)
                .containsExactly("menu.map", "menu.risks", "menu.scorecard", "menu.services");
        assertThat(plugin.views()).filteredOn(v -> v.path().equals("services")).extracting(PluginView::requiredPermission)
                .containsExactly(ChainPermissions.MANAGE);
        assertThat(plugin.accountTabs()).extracting(t -> t.labelKey()).containsExactly("tab.label");
        assertThat(plugin.widgets()).extracting(w -> w.titleKey()).containsExactly("widget.title");
        assertThat(plugin.permissions()).extracting(p -> p.key()).containsExactly(ChainPermissions.EDIT, ChainPermissions.MANAGE);
        assertThat(plugin.message(Locale.of("nl"), "tab.label")).isEqualTo("Keten");
    }

    @Test
    void the_demo_data_maps_two_chains_with_roles_their_history_trends_and_one_risk_of_each_kind() {
        assertThat(dsl.fetchCount(SUPPLIER)).isEqualTo(3);
        assertThat(dsl.selectDistinct(CHAIN_LINK.PRODUCT_GROUP).from(CHAIN_LINK).orderBy(CHAIN_LINK.PRODUCT_GROUP).fetch(CHAIN_LINK.PRODUCT_GROUP))
                .containsExactly("Gereedschap", "Veiligheid");
        assertThat(dsl.fetchCount(CHAIN_LINK)).isEqualTo(12);
        assertThat(dsl.fetchCount(LINK_ROLE)).isEqualTo(8 * 3);
        assertThat(dsl.fetchCount(ROLE_CHANGE)).as("each recorded role now and half a year ago").isEqualTo(2 * 8 * 3);
        assertThat(dsl.fetchCount(CHAIN_TREND)).isEqualTo(3);

        var plugin = started();
        String card = plugin.widgets().getFirst().createWidget(plugin.context()).getElement().getTextRecursively();
        // buy and sell only: the customer and the distributor link without roles, and the customer with no role above 2;
        // the lost customer's link has ended and is not counted
        assertThat(card).contains("Buys directly as well: 1", "Distribution taken back: 1").contains("Buy and sell only: 3")
                .endsWith("Open the chain risks");
    }

    @Test
    void deleting_an_account_removes_its_links_and_its_supplier_mark() {
        long producer = dsl.select(SUPPLIER.ACCOUNT_ID).from(SUPPLIER).orderBy(SUPPLIER.ACCOUNT_ID).limit(1).fetchSingle(SUPPLIER.ACCOUNT_ID);
        int links = dsl.fetchCount(CHAIN_LINK);
        int ofProducer = dsl.fetchCount(CHAIN_LINK, CHAIN_LINK.FROM_ACCOUNT_ID.eq(producer).or(CHAIN_LINK.TO_ACCOUNT_ID.eq(producer)));
        assertThat(ofProducer).isPositive();

        dsl.deleteFrom(ACCOUNT).where(ACCOUNT.ID.eq(producer)).execute();
        host.publish(new AccountEvent.AccountDeleted(producer, Instant.now()));

        assertThat(dsl.fetchCount(CHAIN_LINK)).isEqualTo(links - ofProducer);
        assertThat(dsl.fetchCount(SUPPLIER, SUPPLIER.ACCOUNT_ID.eq(producer))).isZero();
    }

    @Test
    void disabling_the_plugin_takes_it_out_of_the_started_plugins_and_keeps_its_data() {
        host.disable(ID);

        assertThat(host.startedPlugin(ID)).isEmpty();
        assertThat(host.find(ID).orElseThrow().status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(dsl.fetchCount(CHAIN_LINK)).isEqualTo(12);
    }

    private StartedPlugin started() {
        return host.startedPlugin(ID).orElseThrow();
    }
}

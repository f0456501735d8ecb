package org.crmworkbench.plugin.rating;

import com.vaadin.flow.component.Component;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the plugin from the jar this build produced, as the workbench does. */
class CustomerRatingPluginIT {

    private static final Path JAR = Path.of(System.getProperty("plugin.jar"));

    @TempDir
    Path pluginsDir;
    private PluginHost host;

    @BeforeEach
    void installBuiltJar() throws IOException {
        TestDatabase.get().dsl().execute("DROP SCHEMA IF EXISTS crm_customer_rating");
        TestDatabase.get().dsl().execute("DELETE FROM crm_core.plugin_state WHERE plugin_id = 'customer-rating'");
        Files.copy(JAR, pluginsDir.resolve(JAR.getFileName()));
        host = new PluginHost(pluginsDir, TestDatabase.get().dataSource(),
                new HostServices(CurrentUser.NONE, new Permissions(), Clock.systemUTC(), true));
        host.startAll();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void the_jar_has_manifest_extension_index_migrations_and_messages_but_no_host_classes() throws IOException {
        try (var jar = new JarFile(JAR.toFile())) {
            var attributes = jar.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Plugin-Id")).isEqualTo("customer-rating");
            assertThat(attributes.getValue("Plugin-Requires")).isEqualTo(">=1.6.0 & <2.0.0");
            String index = new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes());
            assertThat(index).contains(RatingViews.class.getName(), RatingWidget.class.getName(),
                    RatingPermissions.class.getName(), RatingDemoData.class.getName());
            assertThat(jar.getEntry("db/crm_customer_rating/V001__create_criterion_table.sql")).isNotNull();
            assertThat(jar.getEntry("i18n/customer-rating_en.properties")).isNotNull();
            assertThat(jar.getEntry("i18n/customer-rating_nl.properties")).isNotNull();
            var foreign = jar.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("org/crmworkbench/api/") || name.startsWith("com/vaadin/")
                            || name.startsWith("org/jooq/") || name.startsWith("org/pf4j/"))
                    .collect(Collectors.toList());
            assertThat(foreign).isEmpty();
        }
    }

    @Test
    void the_built_plugin_starts_with_its_schema_view_and_seeded_criteria() {
        var info = host.find("customer-rating").orElseThrow();
        assertThat(info.status()).isEqualTo(PluginStatus.ENABLED);
        assertThat(info.schema()).isEqualTo("crm_customer_rating");
        assertThat(info.schemaVersion()).isEqualTo("005");

        var plugin = host.startedPlugin("customer-rating").orElseThrow();
        assertThat(plugin.views()).extracting(plugin::route)
                .containsExactly("customer-rating/models", "customer-rating/results", "customer-rating/analysis");
        assertThat(plugin.widgets()).hasSize(3);
        assertThat(plugin.accountTabs()).hasSize(2);
        assertThat(plugin.permissions()).extracting(p -> p.key())
                .containsExactly(RatingPermissions.EDIT_CRITERIA, RatingPermissions.ANALYSE);
        assertThat(TestDatabase.get().dsl().fetchValue("SELECT COUNT(*) FROM crm_customer_rating.criterion"))
                .isEqualTo(5L);
        assertThat(TestDatabase.get().dsl().fetchValue("SELECT COUNT(*) FROM crm_customer_rating.rating_model WHERE is_default"))
                .as("the seeded model is the default").isEqualTo(1L);
    }

    @Test
    void the_widget_sums_criteria_and_weight_per_method_of_the_default_model() {
        var plugin = host.startedPlugin("customer-rating").orElseThrow();
        Component widget = plugin.widgets().stream().filter(w -> w.getClass().getName().equals(RatingWidget.class.getName()))
                .findFirst().orElseThrow().createWidget(plugin.context());
        String text = widget.getElement().getTextRecursively();
        assertThat(text).contains("Default model: Key accounts (version 6)", "Account oriented: 1 criteria, weight 3",
                "Relationship oriented: 2 criteria, weight 3", "Product/service oriented: 2 criteria, weight 3");
    }
}

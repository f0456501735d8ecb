package org.crmworkbench.ui;

import org.crmworkbench.db.DatabaseSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code crm.*} settings; each also works as an environment variable ({@code CRM_DB_URL}) or as
 * an argument ({@code ./crm run --crm.data-dir=/tmp/other}).
 *
 * @param dataDir            holds mariadb/, plugins/, backups/ and the initial admin password
 * @param db                 database connection
 * @param plugins            plugin folders
 * @param demoData           seed demo data on a fresh database; default: on with the embedded database,
 *                           off with an external one
 * @param bundledPluginsDir  the distribution's plugins, copied into an empty plugins folder
 * @param lifecycle          lifecycle rules
 * @param publicUrl          the workbench as customers reach it, for links in e-mails (e.g. NPS survey
 *                           links); default {@code http://localhost:8080/}
 * @param mailFrom           sender address of e-mail the workbench sends through {@code spring.mail.*};
 *                           default {@code crm@localhost}
 * @param scheduledTasks     whether this node runs the scheduled work: the nightly lifecycle rules and the
 *                           plugins' scheduled tasks (e.g. the NPS reminders); default true. With several
 *                           nodes on one database exactly one should (docs/scale-out.md)
 */
@ConfigurationProperties("crm")
public record CrmProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db, @DefaultValue Plugins plugins,
                            Boolean demoData, Path bundledPluginsDir, @DefaultValue Lifecycle lifecycle,
                            @DefaultValue("http://localhost:8080/") URI publicUrl,
                            @DefaultValue("crm@localhost") String mailFrom,
                            @DefaultValue("true") boolean scheduledTasks) {

    /**
     * @param url          JDBC URL of an external MariaDB; empty: start the embedded one
     * @param user         user for the external database
     * @param password     password for the external database
     * @param embeddedPort port of the embedded server on 127.0.0.1; 0 picks a free port; unset: 3307,
     *                     or a free port when 3307 is taken
     */
    public record Db(String url, String user, String password, Integer embeddedPort) {
    }

    /**
     * @param churnMonths no order for this many months makes a customer an ex-customer
     * @param recalculateCron when the lifecycle rules run over all accounts (Spring cron; default 02:30 nightly)
     */
    public record Lifecycle(@DefaultValue("24") int churnMonths, @DefaultValue("0 30 2 * * *") String recalculateCron) {
    }

    /**
     * @param dir          where installed plugin jars live; default {@code <data-dir>/plugins}
     * @param pollInterval how often this node looks in {@code crm_core.plugin_state} and the plugins folder
     *                     for what admins changed on other nodes sharing them (default 3 s; 0 turns it off)
     */
    public record Plugins(Path dir, @DefaultValue("3s") Duration pollInterval) {
    }

    public DatabaseSettings databaseSettings() {
        return new DatabaseSettings(db.url(), db.user(), db.password(), db.embeddedPort(), dataDir);
    }

    public Path pluginsDir() {
        return plugins.dir() != null ? plugins.dir() : dataDir.resolve("plugins");
    }

    public boolean demoDataEnabled() {
        return demoData != null ? demoData : !databaseSettings().external();
    }
}

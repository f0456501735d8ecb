package org.crmworkbench.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The application's database: starts the embedded server when no external one is configured, opens
 * the connection pool and migrates the {@code crm_core} schema. Close it to stop pool and server.
 */
public final class CrmDatabase implements AutoCloseable {

    public static final String CORE_SCHEMA = "crm_core";
    private static final Logger log = LoggerFactory.getLogger(CrmDatabase.class);

    private final Optional<EmbeddedMariaDb> embedded;
    private final HikariDataSource dataSource;

    private CrmDatabase(Optional<EmbeddedMariaDb> embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    /**
     * Opens the database for a command-line tool (e.g. {@code ./crm token}): like {@link #open}, but
     * when a running workbench owns the embedded server of this data folder, connects to that server
     * instead of refusing to start a second one (and leaves its schema as that workbench migrated it).
     */
    /** Whether a running workbench owns the embedded server of these settings' data folder. */
    public static boolean inUseByRunningWorkbench(DatabaseSettings settings) {
        return !settings.external() && EmbeddedMariaDb.ownedByRunningWorkbench(settings.embeddedServerDir()).isPresent();
    }

    public static CrmDatabase openForTool(DatabaseSettings settings) {
        if (!settings.external()) {
            var running = EmbeddedMariaDb.ownedByRunningWorkbench(settings.embeddedServerDir());
            if (running.isPresent()) {
                return open(running.get(), false); // the running workbench migrated it; never under its feet
            }
        }
        return open(settings);
    }

    public static CrmDatabase open(DatabaseSettings settings) {
        return open(settings, true);
    }

    private static CrmDatabase open(DatabaseSettings settings, boolean migrate) {
        Optional<EmbeddedMariaDb> embedded = settings.external() ? Optional.empty()
                : Optional.of(settings.embeddedPort() == null
                        ? EmbeddedMariaDb.startPreferring(settings.embeddedServerDir(), DatabaseSettings.DEFAULT_EMBEDDED_PORT)
                        : EmbeddedMariaDb.start(settings.embeddedServerDir(), settings.embeddedPort()));
        HikariDataSource dataSource = null;
        try {
            var config = new HikariConfig();
            config.setPoolName("crm");
            config.setJdbcUrl(embedded.map(EmbeddedMariaDb::jdbcUrl).orElse(settings.url()));
            config.setUsername(embedded.map(EmbeddedMariaDb::user).orElse(settings.user()));
            config.setPassword(embedded.map(EmbeddedMariaDb::password).orElse(settings.password()));
            // Vaadin holds the session lock while a view queries: fail fast instead of Hikari's 30 s
            config.setConnectionTimeout(3_000);
            // while the server is away a borrowed connection is checked within this time, not Hikari's 5 s
            config.setValidationTimeout(2_000);
            config.setMaximumPoolSize(10);
            config.setInitializationFailTimeout(10_000);
            dataSource = new HikariDataSource(config);
            var database = new CrmDatabase(embedded, dataSource);
            if (migrate) {
                database.migrateCore();
            }
            return database;
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            embedded.ifPresent(EmbeddedMariaDb::close);
            throw e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return DSL.using(dataSource, SQLDialect.MARIADB);
    }

    /**
     * Backups of this database with the tools of the embedded server in {@code serverDir}
     * ({@code data/mariadb}).
     */
    public Backups backups(Path serverDir) {
        return new Backups(serverDir, dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }

    /** The workbench's schemas: {@code crm_core} and one per plugin. */
    public List<String> schemas() {
        var name = DSL.field(DSL.name("schema_name"), String.class);
        return dsl().select(name).from(DSL.table(DSL.name("information_schema", "schemata")))
                .where(name.like("crm\\_%")).orderBy(name).fetch(name);
    }

    /** The port of the embedded server, when one runs. */
    public Optional<Integer> embeddedPort() {
        return embedded.map(EmbeddedMariaDb::port);
    }

    /** The embedded server, when one runs (tests stop and start it to see how the workbench copes). */
    public Optional<EmbeddedMariaDb> embeddedServer() {
        return embedded;
    }

    private void migrateCore() {
        var result = Flyway.configure(CrmDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(CORE_SCHEMA)
                .defaultSchema(CORE_SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/" + CORE_SCHEMA)
                .load()
                .migrate();
        log.info("Schema {} at version {} ({} migrations applied now)", CORE_SCHEMA,
                result.targetSchemaVersion, result.migrationsExecuted);
    }

    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedMariaDb::close);
    }
}

package org.crmworkbench.core.plugin;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Creates, migrates and drops plugin schemas. Each plugin has its own Flyway history table inside its
 * own schema, and its scripts are found through its own class loader.
 */
final class PluginSchemas {

    private final DataSource dataSource;
    private final DSLContext dsl;

    PluginSchemas(DataSource dataSource, DSLContext dsl) {
        this.dataSource = dataSource;
        this.dsl = dsl;
    }

    /**
     * Applies the plugin's pending migrations, {@code db/crm_<id>/V*.sql} in its jar, with the Flyway
     * history table inside the plugin's schema.
     */
    void migrate(PluginSchema schema, Path pluginJar) {
        try {
            Flyway.configure(PluginSchemas.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(schema.name())
                    .defaultSchema(schema.name())
                    .createSchemas(true)
                    .resourceProvider(PluginMigrations.read(pluginJar, schema))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new PluginFailure("migration of schema " + schema.name() + " failed: " + rootMessage(e)
                    + ". MariaDB has no transactional DDL: remove what the failed script created, then"
                    + " delete its failed row from " + schema.name() + ".flyway_schema_history"
                    + " (Flyway repair) before enabling the plugin again.", e);
        }
    }

    boolean exists(PluginSchema schema) {
        return dsl.fetchExists(table(name("information_schema", "schemata")),
                field(name("schema_name")).eq(schema.name()));
    }

    /** The latest successfully applied migration version, or null without schema or history. */
    String currentVersion(PluginSchema schema) {
        if (!exists(schema)) {
            return null;
        }
        var history = table(name(schema.name(), "flyway_schema_history"));
        if (!dsl.fetchExists(table(name("information_schema", "tables")),
                field(name("table_schema")).eq(schema.name()).and(field(name("table_name")).eq("flyway_schema_history")))) {
            return null;
        }
        return dsl.select(field(name("version"), String.class))
                .from(history)
                .where(field(name("success")).isTrue().and(field(name("version")).isNotNull()))
                .orderBy(field(name("installed_rank")).desc())
                .limit(1)
                .fetchOne(0, String.class);
    }

    void drop(PluginSchema schema) {
        dsl.dropSchemaIfExists(DSL.schema(name(schema.name()))).execute();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

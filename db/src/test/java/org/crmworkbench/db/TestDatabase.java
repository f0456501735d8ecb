package org.crmworkbench.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One embedded MariaDB per test JVM (started on first use, on a free port, files under
 * {@code target/test-mariadb}), shared by every test of the module and stopped when the JVM exits.
 * Published in this module's test-jar for the other modules' tests.
 */
public final class TestDatabase {

    private static CrmDatabase database;

    private TestDatabase() {
    }

    public static synchronized CrmDatabase get() {
        if (database == null) {
            database = CrmDatabase.open(new DatabaseSettings(null, null, null, 0, dataDir()));
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-mariadb-stop"));
        }
        return database;
    }

    /**
     * The live checksum of every table of a schema, by table name: equal before and after an action
     * when the action changed nothing there.
     */
    public static Map<String, Long> checksums(String schema) {
        var dsl = get().dsl();
        var sums = new TreeMap<String, Long>();
        for (String table : dsl.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'"
                + " AND table_name <> 'flyway_schema_history'", schema).getValues(0, String.class)) {
            sums.put(table, dsl.fetch("CHECKSUM TABLE " + schema + "." + table).get(0).get(1, Long.class));
        }
        return sums;
    }

    public static Path dataDir() {
        return Path.of("target", "test-data").toAbsolutePath();
    }
}

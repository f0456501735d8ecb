package org.crmworkbench.db;

import java.nio.file.Path;

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

    public static Path dataDir() {
        return Path.of("target", "test-data").toAbsolutePath();
    }
}

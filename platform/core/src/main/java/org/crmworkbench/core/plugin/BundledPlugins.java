package org.crmworkbench.core.plugin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The plugins shipped with the distribution, copied into an empty plugins folder on first start. */
public final class BundledPlugins {

    private static final Logger log = LoggerFactory.getLogger(BundledPlugins.class);

    private BundledPlugins() {
    }

    /** Written once the bundled plugins were installed, so that plugins an admin uninstalls stay gone. */
    static final String MARKER = ".bundled-plugins-installed";

    /**
     * Copies the bundled jars on the first start: when {@code pluginsDir} holds no jar and never got
     * the bundled ones before.
     *
     * @return the jars copied (empty when the folder already had plugins or nothing is bundled)
     */
    public static List<Path> installIfEmpty(Path bundledDir, Path pluginsDir) {
        try {
            Files.createDirectories(pluginsDir);
            if (bundledDir == null || !Files.isDirectory(bundledDir) || Files.exists(pluginsDir.resolve(MARKER))
                    || !PluginHost.jarsIn(pluginsDir).isEmpty()) {
                return List.of();
            }
            List<Path> copied = PluginHost.jarsIn(bundledDir).stream().map(jar -> copy(jar, pluginsDir)).toList();
            Files.writeString(pluginsDir.resolve(MARKER), "bundled plugins installed; delete to install them again\n");
            log.info("Installed {} bundled plugin(s) into {}", copied.size(), pluginsDir);
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install bundled plugins into " + pluginsDir, e);
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

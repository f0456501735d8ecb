package org.crmworkbench.core.plugin;

import org.crmworkbench.api.ApiVersion;
import org.pf4j.DefaultVersionManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a plugin jar says about itself, read before it is installed.
 *
 * @param id       Plugin-Id
 * @param version  Plugin-Version
 * @param requires Plugin-Requires, {@code *} when absent
 */
record PluginJar(String id, String version, String requires) {

    static final String EXTENSIONS_INDEX = "META-INF/extensions.idx";
    /** Semantic-version-like; it becomes part of the installed jar's file name. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,40}");

    /**
     * Reads and checks a jar: a PF4J plugin manifest with a kebab-case id and a version, an extensions
     * index, and a {@code Plugin-Requires} range that contains this host's API version.
     *
     * @throws PluginRejectedException with a message key saying what is wrong
     */
    static PluginJar inspect(Path jar) {
        Manifest manifest;
        boolean hasIndex;
        try (var file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
            hasIndex = file.getEntry(EXTENSIONS_INDEX) != null;
        } catch (IOException | SecurityException e) {
            throw new PluginRejectedException("plugin.upload.not-a-jar");
        }
        if (manifest == null || manifest.getMainAttributes().getValue("Plugin-Id") == null) {
            throw new PluginRejectedException("plugin.upload.no-manifest");
        }
        var attributes = manifest.getMainAttributes();
        String id = attributes.getValue("Plugin-Id").trim();
        String version = attributes.getValue("Plugin-Version");
        String requires = attributes.getValue("Plugin-Requires");
        requires = requires == null || requires.isBlank() ? "*" : requires.trim();
        if (PluginSchema.RESERVED_IDS.contains(id)) {
            throw new PluginRejectedException("plugin.upload.reserved-id", id);
        }
        if (!PluginSchema.isValidId(id)) {
            throw new PluginRejectedException("plugin.upload.bad-id", id);
        }
        if (version == null || !VERSION.matcher(version.trim()).matches()) {
            throw new PluginRejectedException("plugin.upload.no-version", id);
        }
        if (!hasIndex) {
            throw new PluginRejectedException("plugin.upload.no-extensions", id);
        }
        var plugin = new PluginJar(id, version.trim(), requires);
        if (!plugin.compatible()) {
            throw new PluginRejectedException("plugin.upload.incompatible", id, requires, ApiVersion.current());
        }
        return plugin;
    }

    /** The {@code Plugin-Id} a jar declares, without judging the jar; empty when it has none or is no jar. */
    static Optional<String> declaredId(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return Optional.ofNullable(manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id"))
                    .map(String::trim);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether {@link #requires()} contains the host's API version. */
    boolean compatible() {
        return compatible(requires);
    }

    static boolean compatible(String requires) {
        return satisfies(ApiVersion.current(), requires);
    }

    /** Whether a version lies in a range such as {@code >=1.0.0 & <2.0.0}; {@code *} or none takes any. */
    static boolean satisfies(String version, String range) {
        try {
            return new DefaultVersionManager().checkVersionConstraint(version, range);
        } catch (RuntimeException e) {
            return false; // an unparsable range or version never matches
        }
    }
}

package org.crmworkbench.core.plugin;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Collections;
import java.util.jar.JarFile;

/**
 * A plugin's Flyway scripts ({@code db/crm_<id>/*.sql} in its jar), read into memory. Flyway is not
 * handed the plugin's class loader because it keeps a reference to it, so an uninstalled plugin could
 * never be garbage collected (measured in PluginHostTest).
 */
final class PluginMigrations implements ResourceProvider {

    private final List<Script> scripts;

    private PluginMigrations(List<Script> scripts) {
        this.scripts = scripts;
    }

    static PluginMigrations read(Path jar, PluginSchema schema) {
        String folder = "db/" + schema.name() + "/";
        var scripts = new ArrayList<Script>();
        try (var file = new JarFile(jar.toFile())) {
            for (var entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(folder) && name.indexOf('/', folder.length()) < 0) {
                    try (var in = file.getInputStream(entry)) {
                        scripts.add(new Script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migrations in " + jar, e);
        }
        return new PluginMigrations(List.copyOf(scripts));
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream().filter(script -> script.getRelativePath().equals(name) || script.getFilename().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scripts.stream()
                .filter(script -> script.getFilename().startsWith(prefix))
                .filter(script -> Arrays.stream(suffixes).anyMatch(script.getFilename()::endsWith))
                .map(LoadableResource.class::cast)
                .toList();
    }

    private static final class Script extends LoadableResource {
        private final String path;
        private final String sql;

        Script(String path, String sql) {
            this.path = path;
            this.sql = sql;
        }

        @Override
        public Reader read() {
            return new StringReader(sql);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return path;
        }
    }
}

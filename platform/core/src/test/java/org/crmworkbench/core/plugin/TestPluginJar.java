package org.crmworkbench.core.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a real PF4J plugin jar from compiled test classes: manifest, every class of one package,
 * an extensions index and resources such as migrations and messages. Published in the test-jar so
 * the web module's tests can use the same plugins.
 */
public final class TestPluginJar {

    private final String id;
    private String version = "1.0.0";
    private String requires = ">=1.0.0 & <2.0.0";
    private String dependencies;
    private String pluginClass;
    private Class<?> packageOf;
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, String> resources = new LinkedHashMap<>();

    private TestPluginJar(String id) {
        this.id = id;
    }

    public static TestPluginJar plugin(String id) {
        return new TestPluginJar(id);
    }

    public TestPluginJar version(String version) {
        this.version = version;
        return this;
    }

    public TestPluginJar requires(String requires) {
        this.requires = requires;
        return this;
    }

    /** The {@code Plugin-Dependencies} attribute, e.g. {@code test-base} or {@code test-base@>=1.0.0, test-good}. */
    public TestPluginJar dependencies(String dependencies) {
        this.dependencies = dependencies;
        return this;
    }

    /** Puts every compiled class of this class's package into the jar. */
    public TestPluginJar classesOf(Class<?> anyClassOfThePackage) {
        this.packageOf = anyClassOfThePackage;
        return this;
    }

    public TestPluginJar pluginClass(Class<?> pluginClass) {
        this.pluginClass = pluginClass.getName();
        return this;
    }

    public TestPluginJar extension(Class<?> extension) {
        extensions.add(extension.getName());
        return this;
    }

    public TestPluginJar resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    /** A Flyway migration in the plugin's schema folder, e.g. {@code migration("V1__notes.sql", "...")}. */
    public TestPluginJar migration(String fileName, String sql) {
        return resource("db/crm_" + id.replace('-', '_') + "/" + fileName, sql);
    }

    public Path writeTo(Path dir) {
        Path jar = dir.resolve(id + "-" + version + ".jar");
        var manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", id);
        attributes.putValue("Plugin-Version", version);
        attributes.putValue("Plugin-Provider", "CRM Workbench tests");
        attributes.putValue("Plugin-Description", "test plugin " + id);
        attributes.putValue("Plugin-Requires", requires);
        if (pluginClass != null) {
            attributes.putValue("Plugin-Class", pluginClass);
        }
        if (dependencies != null) {
            attributes.putValue("Plugin-Dependencies", dependencies);
        }
        try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file, manifest)) {
            if (packageOf != null) {
                addClasses(out);
            }
            put(out, PluginJar.EXTENSIONS_INDEX, String.join("\n", extensions) + "\n");
            for (var resource : resources.entrySet()) {
                put(out, resource.getKey(), resource.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private void addClasses(JarOutputStream out) throws IOException {
        String packagePath = packageOf.getPackageName().replace('.', '/') + "/";
        Path source;
        try {
            source = Path.of(packageOf.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(packagePath))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    putBytes(out, packagePath + file.getFileName(), Files.readAllBytes(file));
                }
            }
        } else {
            try (var jar = new JarFile(source.toFile())) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(packagePath) && name.endsWith(".class") && name.indexOf('/', packagePath.length()) < 0) {
                        try (var in = jar.getInputStream(entry)) {
                            putBytes(out, name, in.readAllBytes());
                        }
                    }
                }
            }
        }
    }

    private static void putBytes(JarOutputStream out, String path, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(path));
        out.write(bytes);
        out.closeEntry();
    }

    private static void put(JarOutputStream out, String path, String content) throws IOException {
        out.putNextEntry(new JarEntry(path));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** A jar without a plugin manifest. */
    public static final class NoManifest {
        public Path writeTo(Path dir) {
            Path jar = dir.resolve("no-manifest.jar");
            try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file)) {
                put(out, "readme.txt", "hello");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return jar;
        }
    }
}

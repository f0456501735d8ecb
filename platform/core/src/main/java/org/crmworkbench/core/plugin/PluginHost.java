package org.crmworkbench.core.plugin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.crmworkbench.api.ApiVersion;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.api.metric.AccountMetricContribution;
import org.crmworkbench.api.schedule.ScheduledTaskContribution;
import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.api.text.ReusableTextContribution;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Runs the plugins: load -> migrate schema -> start -> publish contributions; disable, enable,
 * install and uninstall without a restart. A plugin that throws at any step is FAILED with its error
 * recorded in {@code crm_core.plugin_state}; the other plugins and the shell keep running. A plugin
 * starts after the plugins it depends on ({@code Plugin-Dependencies}) and only once they are started;
 * otherwise it is FAILED with the dependency that stops it.
 * State-changing methods are serialised; reads may come from any thread.
 *
 * <p>Several nodes may share one database and one plugins folder: an admin's action runs on the node
 * where it was made and is recorded in {@code crm_core.plugin_state}; the other nodes apply it when
 * they next poll ({@link #followOtherNodes}).
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginsDir;
    private final DataSource dataSource;
    private final HostServices services;
    private final HostPluginManager manager;
    private final PluginStateStore states;
    private final PluginSchemas schemas;
    private final PluginDatabaseUsers databaseUsers;
    private final MetricViews metricViews;
    private final Map<String, StartedPlugin> started = new ConcurrentHashMap<>();
    /** Runs the plugins' scheduled tasks, one at a time. */
    private final ScheduledThreadPoolExecutor scheduler = newScheduler();
    private final Map<String, List<ScheduledFuture<?>>> schedules = new ConcurrentHashMap<>();
    private final boolean runsScheduledTasks;
    /** The connection pools of the started plugins, by id. */
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    static final int PLUGIN_POOL_SIZE = 5;
    /** Started plugins in start order, replaced under the lock; read lock-free on every navigation. */
    private volatile List<StartedPlugin> startedSnapshot = List.of();
    /** Ids of the loaded plugins, replaced under the lock; read lock-free for the status counts. */
    private volatile Set<String> loadedSnapshot = Set.of();
    private final Map<String, String> unreadableJars = new ConcurrentHashMap<>();
    private final List<PluginLifecycleListener> listeners = new CopyOnWriteArrayList<>();
    /** {@code plugin_state} as the last poll (or the start) found it, to tell what other nodes changed since. */
    private Map<String, PluginStateStore.Row> seen = Map.of();
    private volatile PluginStatePoller poller;

    public PluginHost(Path pluginsDir, DataSource dataSource, HostServices services) {
        this(pluginsDir, dataSource, services, true);
    }

    /**
     * @param runsScheduledTasks whether this node runs the plugins' {@link ScheduledTaskContribution}s; in a
     *                           cluster one node does, so that no two nodes run the same task at once
     */
    public PluginHost(Path pluginsDir, DataSource dataSource, HostServices services, boolean runsScheduledTasks) {
        this.runsScheduledTasks = runsScheduledTasks;
        this.pluginsDir = pluginsDir.toAbsolutePath().normalize();
        this.dataSource = dataSource;
        this.services = services;
        DSLContext coreDsl = DSL.using(dataSource, SQLDialect.MARIADB);
        this.states = new PluginStateStore(coreDsl);
        this.schemas = new PluginSchemas(dataSource, coreDsl);
        this.databaseUsers = new PluginDatabaseUsers(coreDsl,
                dataSource instanceof HikariDataSource hikari ? hikari.getPassword() : null);
        this.metricViews = new MetricViews(coreDsl);
        try {
            Files.createDirectories(this.pluginsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugins folder " + this.pluginsDir, e);
        }
        this.manager = new HostPluginManager(this.pluginsDir);
    }

    public void addListener(PluginLifecycleListener listener) {
        listeners.add(listener);
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    /**
     * Loads every jar in the plugins folder and starts those not disabled by an admin, each after the
     * plugins it depends on.
     */
    public synchronized void startAll() {
        List<String> loaded = new ArrayList<>();
        for (Path jar : jarsInPluginsDir()) {
            load(jar).ifPresent(loaded::add);
        }
        startInOrder(loaded);
        seen = states.all();
        log.info("Plugins: {} started, {} loaded from {}", started.size(), loaded.size(), pluginsDir);
    }

    /**
     * Follows what admins do on other nodes that share the database and the plugins folder: every
     * {@code interval} this node reads {@code crm_core.plugin_state} (one small query) and lists the
     * folder, then stops a plugin disabled elsewhere, starts one enabled (or retried with success)
     * elsewhere, unloads one whose jar an uninstall elsewhere removed and loads a jar installed elsewhere,
     * each with the plugins that depend on it, as the admin's own node did; listeners hear of it as of a
     * change made here. A plugin that fails to start here is FAILED as always. A poll that fails (e.g. the
     * database away) is logged and tried again at the next interval. Call once, after {@link #startAll};
     * {@link #close} stops it.
     */
    public void followOtherNodes(Duration interval) {
        if (poller != null) {
            throw new IllegalStateException("already following the other nodes");
        }
        poller = new PluginStatePoller(this::follow, interval);
    }

    /**
     * Starts a disabled or FAILED plugin again (from a fresh class loader, so a replaced jar counts). The
     * plugins that depend on it, directly or not, use its classes: they are reloaded with it and started
     * again unless an admin disabled them, so those that FAILED for want of it get another chance. A
     * plugin whose dependencies are not all started is FAILED with the reason.
     */
    public synchronized void enable(String id) {
        requirePlugin(id);
        states.intendEnabled(id);
        restart(id);
    }

    /** Loads a plugin from a fresh class loader with the plugins that depend on it, and starts them. */
    private void restart(String id) {
        PluginWrapper wrapper = manager.getPlugin(id);
        List<Path> dependents = unloadAll(graph().dependentsOf(id));
        Path jar = wrapper.getPluginPath();
        unloadAll(List.of(id));
        if (load(jar).isPresent()) {
            activate(id);
        }
        loadAndStart(dependents);
    }

    /**
     * Stops a plugin and withdraws its views; schema and data stay. The started plugins that depend on
     * it, directly or not, stop too and are FAILED with the reason; enabling it starts them again.
     */
    public synchronized void disable(String id) {
        requirePlugin(id);
        states.save(id, version(id), false, PluginStatus.DISABLED, null);
        stop(id);
    }

    /**
     * Stops a plugin after the started plugins that depend on it; those that need it are FAILED with the
     * reason, those that needed it only optionally start again.
     */
    private void stop(String id) {
        List<String> dependents = graph().dependentsOf(id).stream().filter(started::containsKey).toList();
        dependents.reversed().forEach(this::deactivate);
        deactivate(id);
        for (String dependent : dependents) {
            Optional<String> unmet = unmetDependency(manager.getPlugin(dependent));
            if (unmet.isPresent()) {
                states.report(dependent, version(dependent), PluginStatus.FAILED, unmet.get());
            } else {
                activate(dependent); // it needed the plugin only optionally
            }
        }
    }

    /**
     * Removes a plugin: stops it, unloads it and deletes its jar. Its schema is dropped only when asked;
     * otherwise a later install of the same plugin finds its data again. The plugins that depend on it
     * stay installed, FAILED as it is missing.
     */
    public synchronized void uninstall(String id, boolean dropSchema) {
        PluginWrapper wrapper = requirePlugin(id);
        disable(id);
        List<Path> dependents = unloadAll(graph().dependentsOf(id));
        Path jar = wrapper.getPluginPath();
        unload(id);
        try {
            Files.deleteIfExists(jar);
            if (dropSchema) {
                schemas.drop(new PluginSchema(id));
            }
            try {
                databaseUsers.drop(new PluginSchema(id));
            } catch (DataAccessException e) {
                log.warn("Cannot drop the database account of plugin {}: {}", id, e.getMessage());
            }
            states.delete(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + jar, e);
        } finally {
            loadAndStart(dependents); // whatever happened, the dependents are back (FAILED while it is missing)
        }
        log.info("Plugin {} uninstalled ({})", id, dropSchema ? "schema dropped" : "schema kept");
    }

    /**
     * Installs an uploaded jar: checks it, copies it into the plugins folder and starts it. A plugin whose
     * dependencies are not all started is installed all the same, FAILED with the reason, to be enabled
     * once they are. The installed plugins that depend on this one are reloaded and started again unless
     * an admin disabled them.
     *
     * @throws PluginRejectedException when the jar is not an acceptable plugin; nothing changes then
     */
    public synchronized PluginInfo install(Path uploadedJar) {
        PluginJar jar = PluginJar.inspect(uploadedJar);
        if (manager.getPlugin(jar.id()) != null) {
            throw new PluginRejectedException("plugin.upload.already-installed", jar.id());
        }
        Path target = pluginsDir.resolve(jar.id() + "-" + jar.version() + ".jar");
        try {
            Path partial = pluginsDir.resolve(target.getFileName() + ".part");
            Files.copy(uploadedJar, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the plugin into " + pluginsDir, e);
        }
        states.delete(jar.id());
        Optional<String> loaded = load(target);
        if (loaded.isEmpty()) {
            String error = unreadableJars.remove(target.getFileName().toString());
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                log.warn("Cannot remove the refused jar {}: {}", target, e.getMessage());
            }
            states.delete(jar.id());
            throw new PluginRejectedException("plugin.upload.not-loadable", jar.id(), error);
        }
        activate(loaded.get());
        loadAndStart(unloadAll(graph().dependentsOf(jar.id())));
        return find(jar.id()).orElseThrow();
    }

    /**
     * Loads the jars that were put into the plugins folder while the workbench runs (e.g. copied there
     * instead of uploaded) and starts them, each after the plugins it depends on, together with the
     * installed plugins that wait for them. A jar that cannot be loaded is listed FAILED with its error;
     * one that failed before is tried again.
     *
     * @return the ids of the plugins loaded from new jars, in start order
     */
    public synchronized List<String> loadNew() {
        unreadableJars.keySet().removeIf(file -> !Files.exists(pluginsDir.resolve(file)));
        List<String> inOrder = loadAndStartNew(unloadedJars(jarsInPluginsDir()));
        if (!inOrder.isEmpty()) {
            log.info("Plugins loaded from new jars in {}: {}", pluginsDir, inOrder);
        }
        return inOrder;
    }

    /**
     * One poll of {@link #followOtherNodes}. Reads the shared state under the lock, so that it never
     * judges by a state an admin's action on this node changed meanwhile.
     */
    synchronized void follow() {
        Map<String, PluginStateStore.Row> rows = states.all();
        List<Path> jars = jarsInPluginsDir();
        unreadableJars.keySet().removeIf(file -> !Files.exists(pluginsDir.resolve(file)));
        unloadUninstalled(jars);
        stopDisabled(rows);
        loadInstalled(rows, jars);
        startEnabled(rows, seen);
        seen = rows;
    }

    /**
     * Unloads the plugins whose jars are gone from the shared folder (an uninstall on another node deleted
     * them), after the plugins that depend on them; those come back, FAILED while what they need is missing.
     */
    private void unloadUninstalled(List<Path> jars) {
        Set<Path> present = jars.stream().map(jar -> jar.toAbsolutePath().normalize()).collect(Collectors.toSet());
        List<String> gone = manager.getPlugins().stream()
                .filter(plugin -> !present.contains(plugin.getPluginPath().toAbsolutePath().normalize()))
                .map(PluginWrapper::getPluginId).sorted().toList();
        if (gone.isEmpty()) {
            return;
        }
        PluginDependencies graph = graph();
        Set<String> affected = new HashSet<>(gone);
        gone.forEach(id -> affected.addAll(graph.dependentsOf(id)));
        List<Path> unloaded = unloadAll(graph.startOrder().stream().filter(affected::contains).toList());
        loadAndStart(unloaded.stream().filter(Files::exists).toList());
        log.info("Plugins uninstalled on another node, unloaded here: {}", gone);
    }

    /** Stops the plugins an admin disabled on another node, each after the plugins that depend on it. */
    private void stopDisabled(Map<String, PluginStateStore.Row> rows) {
        for (StartedPlugin plugin : startedSnapshot.reversed()) {
            var row = rows.get(plugin.id());
            if (row != null && !row.enabled() && started.containsKey(plugin.id())) {
                stop(plugin.id());
                log.info("Plugin {} disabled on another node, stopped here", plugin.id());
            }
        }
    }

    /**
     * Loads the jars another node installed into the shared folder, once that node recorded the plugin
     * (after it migrated the schema, so two nodes never seed the same demo data); a jar that failed to
     * load here waits for an admin's "load new jars".
     */
    private void loadInstalled(Map<String, PluginStateStore.Row> rows, List<Path> jars) {
        List<Path> installed = unloadedJars(jars).stream()
                .filter(jar -> !unreadableJars.containsKey(jar.getFileName().toString()))
                .filter(jar -> PluginJar.declaredId(jar).filter(rows::containsKey).isPresent())
                .toList();
        if (!installed.isEmpty()) {
            log.info("Plugins installed on another node, loaded here: {}", loadAndStartNew(installed));
        }
    }

    /**
     * Starts again the plugins not running here whose row another node changed to ENABLED since the last
     * poll: an admin enabled or retried them there, and they started there.
     */
    private void startEnabled(Map<String, PluginStateStore.Row> rows, Map<String, PluginStateStore.Row> before) {
        for (String id : graph().startOrder()) {
            var row = rows.get(id);
            if (row != null && row.enabled() && PluginStatus.ENABLED.name().equals(row.state())
                    && !row.equals(before.get(id)) && !started.containsKey(id) && manager.getPlugin(id) != null) {
                restart(id);
                log.info("Plugin {} enabled on another node, {} here", id, started.containsKey(id) ? "started" : "failed");
            }
        }
    }

    /** The jars of a listing that no loaded plugin comes from. */
    private List<Path> unloadedJars(List<Path> jars) {
        Set<Path> known = new HashSet<>();
        manager.getPlugins().forEach(plugin -> known.add(plugin.getPluginPath().toAbsolutePath().normalize()));
        return jars.stream().filter(jar -> !known.contains(jar.toAbsolutePath().normalize())).toList();
    }

    /**
     * Loads new jars and starts their plugins, each after the plugins it depends on, together with the
     * installed plugins that wait for them; returns the ids loaded, in start order.
     */
    private List<String> loadAndStartNew(List<Path> jars) {
        var loaded = new ArrayList<String>();
        for (Path jar : jars) {
            load(jar).ifPresent(loaded::add);
        }
        List<String> inOrder = startInOrder(loaded);
        for (String id : inOrder) {
            List<String> waiting = graph().dependentsOf(id).stream()
                    .filter(dependent -> !loaded.contains(dependent) && !started.containsKey(dependent)).toList();
            loadAndStart(unloadAll(waiting));
        }
        return inOrder;
    }

    /** Every plugin in the plugins folder, ordered by id. */
    public synchronized List<PluginInfo> plugins() {
        var infos = new ArrayList<PluginInfo>();
        for (PluginWrapper wrapper : List.copyOf(manager.getPlugins())) {
            infos.add(info(wrapper));
        }
        unreadableJars.forEach((file, error) -> infos.add(new PluginInfo(file, null, null, null, null,
                PluginStatus.FAILED, null, null, error, List.of())));
        infos.sort(Comparator.comparing(PluginInfo::id));
        return infos;
    }

    public synchronized Optional<PluginInfo> find(String id) {
        return Optional.ofNullable(manager.getPlugin(id)).map(this::info);
    }

    /** The started plugins in start order: each after the plugins it depends on, otherwise by id. */
    public List<StartedPlugin> startedPlugins() {
        return startedSnapshot;
    }

    /**
     * How many of the plugins installed here are in each state on this node, for metrics: ENABLED are
     * started here, DISABLED switched off by an admin, FAILED the others (unloadable jars included).
     * Answers at once, also while a plugin operation holds the host.
     */
    public Map<PluginStatus, Integer> statusCounts() {
        var counts = new EnumMap<PluginStatus, Integer>(PluginStatus.class);
        for (PluginStatus status : PluginStatus.values()) {
            counts.put(status, 0);
        }
        Set<String> running = startedSnapshot.stream().map(StartedPlugin::id).collect(Collectors.toSet());
        for (String id : loadedSnapshot) {
            PluginStatus status = running.contains(id) ? PluginStatus.ENABLED
                    : states.lastKnownDisabled(id) ? PluginStatus.DISABLED : PluginStatus.FAILED;
            counts.merge(status, 1, Integer::sum);
        }
        counts.merge(PluginStatus.FAILED, unreadableJars.size(), Integer::sum);
        return counts;
    }

    public Optional<StartedPlugin> startedPlugin(String id) {
        return Optional.ofNullable(started.get(id));
    }

    /** The context of the started plugin that owns a class loader (e.g. a view's). */
    public Optional<PluginContext> contextFor(ClassLoader classLoader) {
        return started.values().stream().filter(plugin -> plugin.classLoader() == classLoader)
                .findFirst().map(StartedPlugin::context);
    }

    /**
     * The account metrics of every started plugin, in start order. A contribution that throws is logged
     * and left out, the others still count; a metric whose key does not start with its plugin's id and a
     * dot, or repeats a key, is left out too, so no plugin can stand in for another's metric. Each metric
     * reads its values from its view in {@code crm_metrics} ({@link MetricViews}), which every plugin's
     * database account may read.
     */
    public List<AccountMetric> accountMetrics() {
        var metrics = new ArrayList<AccountMetric>();
        var keys = new java.util.HashSet<String>();
        for (StartedPlugin plugin : startedPlugins()) {
            for (AccountMetricContribution contribution : plugin.metrics()) {
                try {
                    for (AccountMetric metric : contribution.metrics(plugin.context())) {
                        String key = metric.key();
                        if (key == null || !key.startsWith(plugin.id() + ".") || !keys.add(key)) {
                            log.warn("Plugin {} offers account metric {}: not <plugin-id>.<name> or not unique, left out",
                                    plugin.id(), key);
                            continue;
                        }
                        metrics.add(metricViews.publish(metric));
                    }
                } catch (RuntimeException | LinkageError e) {
                    log.warn("Plugin {} failed listing its account metrics: {}", plugin.id(), e.toString());
                }
            }
        }
        return List.copyOf(metrics);
    }

    /**
     * The reusable texts of the started plugins that contain {@code search}, in start order, at most
     * {@code limit} in all; each plugin's contributions are asked with its own context for what is still
     * missing. A contribution that throws is logged and left out, the others still count; a text whose key
     * does not start with its plugin's id and a dot is left out too, so no plugin can offer texts as another.
     */
    public List<ReusableText> reusableTexts(String search, int limit) {
        var texts = new ArrayList<ReusableText>();
        String query = search == null ? "" : search.strip();
        for (StartedPlugin plugin : startedPlugins()) {
            for (ReusableTextContribution contribution : plugin.texts()) {
                if (texts.size() >= limit) {
                    return List.copyOf(texts);
                }
                try {
                    var offered = new ArrayList<ReusableText>();
                    for (ReusableText text : contribution.texts(query, limit - texts.size(), plugin.context())) {
                        if (!text.key().startsWith(plugin.id() + ".")) {
                            log.warn("Plugin {} offers reusable text {}: not <plugin-id>.<name>, left out", plugin.id(), text.key());
                            continue;
                        }
                        offered.add(text);
                    }
                    texts.addAll(offered.subList(0, Math.min(offered.size(), limit - texts.size())));
                } catch (RuntimeException | LinkageError e) {
                    log.warn("Plugin {} failed listing its reusable texts: {}", plugin.id(), e.toString());
                }
            }
        }
        return List.copyOf(texts);
    }

    /** Hands an account event to every started plugin's listeners; a listener that throws is logged only. */
    public void publish(AccountEvent event) {
        for (StartedPlugin plugin : startedPlugins()) {
            for (AccountEventListener listener : plugin.eventListeners()) {
                try {
                    listener.onEvent(event, plugin.context());
                } catch (RuntimeException | LinkageError e) {
                    log.warn("Plugin {} failed handling {}: {}", plugin.id(), event, e.toString());
                }
            }
        }
    }

    /**
     * Stops following the other nodes and every plugin (on shutdown), each before the plugins it depends
     * on. The metric views stay: other nodes may still be running the plugins.
     */
    @Override
    public void close() {
        Optional.ofNullable(poller).ifPresent(PluginStatePoller::close);
        synchronized (this) {
            for (StartedPlugin plugin : startedSnapshot.reversed()) {
                stopHere(plugin.id());
            }
            scheduler.shutdownNow();
            manager.unloadPlugins();
        }
    }

    private List<Path> jarsInPluginsDir() {
        try {
            return jarsIn(pluginsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugins folder " + pluginsDir, e);
        }
    }

    /**
     * Starts just-loaded plugins, each after the plugins it depends on; those an admin disabled stay
     * DISABLED. Returns them in that order.
     */
    private List<String> startInOrder(List<String> loaded) {
        List<String> inOrder = graph().startOrder().stream().filter(loaded::contains).toList();
        for (String id : inOrder) {
            if (states.isDisabledByAdmin(id)) {
                states.report(id, version(id), PluginStatus.DISABLED, null);
            } else {
                activate(id);
            }
        }
        return inOrder;
    }

    /** The jar files directly in a folder, by name. */
    static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private Optional<String> load(Path jar) {
        String file = jar.getFileName().toString();
        try {
            String id = manager.loadPlugin(jar);
            new PluginSchema(id); // refuses ids that would give a bad schema name
            unreadableJars.remove(file);
            refreshLoaded();
            return Optional.of(id);
        } catch (RuntimeException | LinkageError e) {
            log.error("Cannot load plugin jar {}: {}", jar, e.toString());
            String idFromManifest = readId(jar);
            boolean knownId = idFromManifest != null && PluginSchema.isValidId(idFromManifest);
            if (knownId && manager.getPlugin(idFromManifest) == null) {
                states.report(idFromManifest, null, PluginStatus.FAILED, "cannot load " + file + ": " + e);
            }
            unreadableJars.put(file, "cannot load " + file + ": " + e.getMessage());
            manager.getPlugins().stream().filter(loaded -> loaded.getPluginPath().equals(jar)).findFirst()
                    .ifPresent(loaded -> unload(loaded.getPluginId())); // e.g. a bad id: do not keep it half loaded
            return Optional.empty();
        }
    }

    private static String readId(Path jar) {
        try {
            return PluginJar.inspect(jar).id();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void activate(String id) {
        PluginWrapper wrapper = manager.getPlugin(id);
        String version = version(id);
        var schema = new PluginSchema(id);
        try {
            String requires = wrapper.getDescriptor().getRequires();
            if (!PluginJar.compatible(requires)) {
                throw new PluginFailure("requires platform API " + requires + ", this workbench provides "
                        + ApiVersion.current());
            }
            Optional<String> unmet = unmetDependency(wrapper);
            if (unmet.isPresent()) {
                throw new PluginFailure(unmet.get());
            }
            boolean fresh = schemas.currentVersion(schema) == null;
            schemas.migrate(schema, wrapper.getPluginPath());
            var messages = new PluginMessages(id, wrapper.getPluginClassLoader());
            var dsl = DSL.using(connections(schema), SQLDialect.MARIADB);
            var context = new HostPluginContext(schema, dsl, messages, services, this::accountMetrics,
                    this::reusableTexts);
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                Throwable cause = wrapper.getFailedException();
                throw new PluginFailure("start failed: " + (cause == null ? state : cause.toString()), cause);
            }
            var plugin = StartedPlugin.collect(manager, id, version, context);
            if (fresh && services.demoData()) {
                for (DemoDataContribution demo : plugin.demoData()) {
                    demo.seed(context);
                }
            }
            services.permissions().register(id, plugin.permissions());
            started.put(id, plugin);
            refreshSnapshot();
            for (PluginLifecycleListener listener : listeners) {
                listener.started(plugin);
            }
            schedule(plugin);
            states.report(id, version, PluginStatus.ENABLED, null);
            log.info("Plugin {} {} started (schema {})", id, version, schema.name());
        } catch (RuntimeException | LinkageError e) {
            log.error("Plugin {} failed: {}", id, e.toString(), e);
            deactivate(id);
            states.report(id, version, PluginStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Why the plugin cannot start for its dependencies: a cycle, or the first one that is not started. */
    private Optional<String> unmetDependency(PluginWrapper wrapper) {
        List<String> cycle = graph().cycleThrough(wrapper.getPluginId());
        if (!cycle.isEmpty()) {
            return Optional.of("dependency cycle: " + String.join(" -> ", cycle));
        }
        return wrapper.getDescriptor().getDependencies().stream().map(this::unmet).flatMap(Optional::stream)
                .findFirst();
    }

    /** Why a dependency is not met, e.g. {@code needs plugin a >=2.0.0, installed is 1.0.0}. */
    private Optional<String> unmet(PluginDependency dependency) {
        String id = dependency.getPluginId();
        String range = dependency.getPluginVersionSupport().strip();
        String needs = "needs plugin " + id + (range.equals("*") ? "" : " " + range);
        PluginWrapper installed = manager.getPlugin(id);
        if (installed == null) {
            if (dependency.isOptional()) {
                return Optional.empty();
            }
            boolean unloadable = states.find(id).filter(state -> PluginStatus.FAILED.name().equals(state.getState()))
                    .isPresent();
            return Optional.of(needs + (unloadable ? ", which failed" : ", which is not installed"));
        }
        String version = installed.getDescriptor().getVersion();
        if (!PluginJar.satisfies(version, range)) {
            return Optional.of(needs + ", installed is " + version);
        }
        if (started.containsKey(id) || dependency.isOptional()) {
            return Optional.empty(); // an optional dependency that is not running counts as absent
        }
        return Optional.of(needs + (states.isDisabledByAdmin(id) ? ", which is disabled" : ", which failed"));
    }

    /**
     * The plugin's connections, whose default schema is its own. With the workbench's Hikari pool the
     * plugin gets a small pool of its own with that catalog, so no query pays for switching schemas,
     * logged in as the plugin's own database account ({@link PluginDatabaseUsers}); with any other data
     * source each borrowed connection of the workbench's is switched ({@link SchemaBoundConnections}).
     */
    private ConnectionProvider connections(PluginSchema schema) {
        if (dataSource instanceof HikariDataSource shared) {
            var config = new HikariConfig();
            shared.copyStateTo(config);
            ownAccount(schema).ifPresent(account -> {
                config.setUsername(account.user());
                config.setPassword(account.password());
            });
            config.setPoolName(shared.getPoolName() + "-" + schema.pluginId());
            config.setCatalog(schema.name());
            config.setMaximumPoolSize(PLUGIN_POOL_SIZE);
            config.setMinimumIdle(1);
            var pool = new HikariDataSource(config);
            Optional.ofNullable(pools.put(schema.pluginId(), pool)).ifPresent(HikariDataSource::close);
            return new DataSourceConnectionProvider(pool);
        }
        return new SchemaBoundConnections(dataSource, schema.name());
    }

    /**
     * The plugin's own database account; empty (the plugin then shares the workbench's account, logged as
     * a warning) when the server refuses to create it, as an external database may.
     */
    private Optional<PluginDatabaseUsers.Credentials> ownAccount(PluginSchema schema) {
        try {
            return Optional.of(databaseUsers.ensure(schema));
        } catch (DataAccessException e) {
            log.warn("Plugin {} uses the workbench's own database account: its own could not be set up ({})",
                    schema.pluginId(), e.getMessage());
            return Optional.empty();
        }
    }

    private static ScheduledThreadPoolExecutor newScheduler() {
        var executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("plugin-tasks").daemon().factory());
        executor.setRemoveOnCancelPolicy(true); // cancelled tasks must not keep a plugin's class loader
        return executor;
    }

    private void schedule(StartedPlugin plugin) {
        if (!runsScheduledTasks) {
            return;
        }
        var futures = new ArrayList<ScheduledFuture<?>>();
        for (ScheduledTaskContribution task : plugin.tasks()) {
            long interval = task.interval().toMillis();
            futures.add(scheduler.scheduleWithFixedDelay(() -> {
                try {
                    task.run(plugin.context());
                } catch (Throwable e) { // any throw would end the schedule for good
                    log.warn("Scheduled task {} of plugin {} failed: {}", task.getClass().getName(), plugin.id(), e.toString());
                }
            }, interval, interval, TimeUnit.MILLISECONDS));
        }
        schedules.put(plugin.id(), futures);
    }

    /** Withdraws contributions and stops the plugin, and drops its metric views; never throws. */
    private void deactivate(String id) {
        stopHere(id);
        try {
            metricViews.dropOf(id);
        } catch (RuntimeException e) {
            log.warn("Cannot drop the metric views of plugin {}: {}", id, e.toString());
        }
    }

    /** Withdraws contributions and stops the plugin on this node, leaving what it shares; never throws. */
    private void stopHere(String id) {
        Optional.ofNullable(schedules.remove(id)).ifPresent(futures -> futures.forEach(future -> future.cancel(false)));
        StartedPlugin plugin = started.remove(id);
        refreshSnapshot();
        if (plugin != null) {
            for (PluginLifecycleListener listener : listeners) {
                try {
                    listener.stopping(plugin);
                } catch (RuntimeException e) {
                    log.warn("Listener failed while plugin {} stopped: {}", id, e.toString());
                }
            }
        }
        services.permissions().unregister(id);
        PluginWrapper wrapper = manager.getPlugin(id);
        if (wrapper != null && wrapper.getPluginState() == PluginState.STARTED) {
            try {
                manager.stopPlugin(id);
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} threw while stopping: {}", id, e.toString());
            }
        }
        Optional.ofNullable(pools.remove(id)).ifPresent(HikariDataSource::close);
    }

    private void refreshSnapshot() {
        var inStartOrder = new ArrayList<StartedPlugin>();
        for (String id : graph().startOrder()) {
            Optional.ofNullable(started.get(id)).ifPresent(inStartOrder::add);
        }
        startedSnapshot = List.copyOf(inStartOrder);
    }

    private PluginDependencies graph() {
        return new PluginDependencies(manager.getPlugins());
    }

    /** Stops and unloads plugins given in start order, the last first; returns their jars in start order. */
    private List<Path> unloadAll(List<String> ids) {
        List<Path> jars = ids.stream().map(id -> manager.getPlugin(id).getPluginPath()).toList();
        for (String id : ids.reversed()) {
            deactivate(id);
            unload(id);
        }
        return jars;
    }

    /** Loads jars given in start order and starts each plugin not disabled by an admin. */
    private void loadAndStart(List<Path> jars) {
        for (Path jar : jars) {
            load(jar).filter(id -> !states.isDisabledByAdmin(id)).ifPresent(this::activate);
        }
    }

    private void unload(String id) {
        PluginWrapper wrapper = manager.getPlugin(id);
        if (wrapper == null) {
            return;
        }
        PluginMessages.release(wrapper.getPluginClassLoader());
        try {
            manager.unloadPlugin(id);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin {} threw while unloading: {}", id, e.toString());
        }
        refreshLoaded();
    }

    private void refreshLoaded() {
        loadedSnapshot = manager.getPlugins().stream().map(PluginWrapper::getPluginId).collect(Collectors.toUnmodifiableSet());
    }

    private PluginInfo info(PluginWrapper wrapper) {
        PluginDescriptor descriptor = wrapper.getDescriptor();
        String id = wrapper.getPluginId();
        var state = states.find(id);
        PluginStatus status = started.containsKey(id) ? PluginStatus.ENABLED
                : state.map(s -> PluginStatus.valueOf(s.getState())).orElse(PluginStatus.FAILED);
        if (status == PluginStatus.ENABLED && !started.containsKey(id)) {
            status = PluginStatus.FAILED; // e.g. enabled on another node but not loadable here
        }
        String schemaVersion;
        try {
            schemaVersion = schemas.currentVersion(new PluginSchema(id));
        } catch (RuntimeException e) {
            schemaVersion = null;
        }
        return new PluginInfo(id, descriptor.getVersion(), descriptor.getProvider(),
                descriptor.getPluginDescription(), descriptor.getRequires(), status, new PluginSchema(id).name(),
                schemaVersion, state.map(s -> s.getLastError()).orElse(null), dependentsOf(id));
    }

    private List<String> dependentsOf(String id) {
        return manager.getPlugins().stream()
                .filter(other -> other.getDescriptor().getDependencies().stream()
                        .anyMatch(dependency -> dependency.getPluginId().equals(id)))
                .map(PluginWrapper::getPluginId).sorted().toList();
    }

    private String version(String id) {
        return manager.getPlugin(id).getDescriptor().getVersion();
    }

    private PluginWrapper requirePlugin(String id) {
        PluginWrapper wrapper = manager.getPlugin(id);
        if (wrapper == null) {
            throw new IllegalArgumentException("no plugin " + id + " is installed");
        }
        return wrapper;
    }
}

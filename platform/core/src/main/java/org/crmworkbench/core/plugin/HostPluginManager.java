package org.crmworkbench.core.plugin;

import org.pf4j.DefaultPluginManager;
import org.pf4j.DependencyResolver;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginState;
import org.pf4j.PluginStateEvent;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

import java.nio.file.Path;
import java.util.List;

/**
 * PF4J configured for the workbench: plugins are jars with a manifest descriptor, whether a plugin is
 * enabled is decided by {@code crm_core.plugin_state}, not by PF4J's enabled.txt/disabled.txt, and a
 * plugin loads whatever its dependencies: {@link PluginHost} checks them before it starts the plugin, so
 * it can say which one is missing. (PF4J itself would refuse every further load while one plugin lacks
 * a dependency.)
 */
final class HostPluginManager extends DefaultPluginManager {

    HostPluginManager(Path pluginsDir) {
        super(pluginsDir);
        dependencyResolver = new DependencyResolver(getVersionManager()) {
            @Override
            protected boolean checkDependencyVersion(String requiredVersion, String existingVersion) {
                try {
                    return super.checkDependencyVersion(requiredVersion, existingVersion);
                } catch (RuntimeException e) {
                    return false; // an unparsable range must not stop its dependency from loading
                }
            }
        };
    }

    /**
     * Stops only this plugin, not its dependents: {@link PluginHost} stops those first itself, and PF4J's
     * walk over the dependents never ends on a dependency cycle.
     */
    @Override
    public PluginState stopPlugin(String pluginId) {
        return stopPlugin(pluginId, false);
    }

    /** Unloads only this plugin, not its dependents; see {@link #stopPlugin(String)}. */
    @Override
    public boolean unloadPlugin(String pluginId) {
        return unloadPlugin(pluginId, false);
    }

    /** Marks every loaded plugin resolved, whether or not its dependencies are there. */
    @Override
    protected void resolvePlugins() {
        resolveDependencies();
        for (PluginWrapper plugin : List.copyOf(unresolvedPlugins)) {
            unresolvedPlugins.remove(plugin);
            PluginState state = plugin.getPluginState();
            if (!state.isDisabled()) {
                plugin.setPluginState(PluginState.RESOLVED);
            }
            resolvedPlugins.add(plugin);
            firePluginStateEvent(new PluginStateEvent(this, plugin, state));
        }
    }

    /** Rebuilds the dependency graph, which stopping and unloading use to find dependents, without judging it. */
    @Override
    protected DependencyResolver.Result resolveDependencies() {
        return dependencyResolver.resolve(plugins.values().stream().map(PluginWrapper::getDescriptor).toList());
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestPluginDescriptorFinder();
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
                // the host records this in plugin_state
            }

            @Override
            public void enablePlugin(String pluginId) {
                // the host records this in plugin_state
            }
        };
    }
}

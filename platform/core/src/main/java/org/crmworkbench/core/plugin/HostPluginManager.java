package org.crmworkbench.core.plugin;

import org.pf4j.DefaultPluginManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginStatusProvider;

import java.nio.file.Path;

/**
 * PF4J configured for the workbench: plugins are jars with a manifest descriptor, and whether a
 * plugin is enabled is decided by {@code crm_core.plugin_state}, not by PF4J's enabled.txt/disabled.txt.
 */
final class HostPluginManager extends DefaultPluginManager {

    HostPluginManager(Path pluginsDir) {
        super(pluginsDir);
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

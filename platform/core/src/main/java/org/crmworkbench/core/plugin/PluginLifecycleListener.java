package org.crmworkbench.core.plugin;

/**
 * Told when a plugin's contributions go live or are withdrawn, e.g. to register its routes. Called on
 * the thread that starts or stops the plugin. An exception from {@link #started} makes the plugin
 * FAILED.
 */
public interface PluginLifecycleListener {

    void started(StartedPlugin plugin);

    void stopping(StartedPlugin plugin);
}

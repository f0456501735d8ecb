package org.crmworkbench.core.plugin;

/** The state of a plugin as kept in {@code crm_core.plugin_state} and shown in plugin admin. */
public enum PluginStatus {
    /** Started, its views and contributions are live. */
    ENABLED,
    /** Switched off by an admin; its schema and data are kept. */
    DISABLED,
    /** Could not be loaded, migrated or started; see the last error. */
    FAILED
}

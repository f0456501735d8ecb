package org.crmworkbench.core.plugin;

import java.util.List;

/**
 * A plugin as shown in plugin admin.
 *
 * @param id            plugin id (or the jar's file name when not even the manifest could be read)
 * @param version       plugin version, or null
 * @param provider      who made it, or null
 * @param description   short description from the manifest, or null
 * @param requires      the platform API range it requires
 * @param status        current state
 * @param schema        its database schema
 * @param schemaVersion latest applied migration, or null when the schema does not exist
 * @param lastError     why it FAILED, or null
 * @param dependents    ids of installed plugins that depend on this one
 */
public record PluginInfo(String id, String version, String provider, String description, String requires,
                         PluginStatus status, String schema, String schemaVersion, String lastError,
                         List<String> dependents) {
}

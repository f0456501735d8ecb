package org.crmworkbench.core.plugin;

import java.util.Set;
import java.util.regex.Pattern;

/** The database schema owned by one plugin: {@code crm_} + plugin id with {@code -} replaced by {@code _}. */
record PluginSchema(String pluginId) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 40;
    /** First path segments of the shell's own routes (and those planned): a plugin id may not take them. */
    static final Set<String> RESERVED_IDS = Set.of("admin", "public", "login", "logout", "api", "api-tokens", "core", "metrics",
            "accounts", "contacts", "interactions", "opportunities", "orders", "products", "users", "settings",
            "dashboard", "error", "vaadin", "frontend", "icons", "images", "connect", "import", "export");

    PluginSchema {
        if (!isValidId(pluginId)) {
            throw new IllegalArgumentException("plugin id must be kebab-case, at most " + MAX_ID_LENGTH
                    + " characters, and not one of the shell's route names " + RESERVED_IDS + ": " + pluginId);
        }
    }

    static boolean isValidId(String pluginId) {
        return pluginId != null && pluginId.length() <= MAX_ID_LENGTH && ID.matcher(pluginId).matches()
                && !RESERVED_IDS.contains(pluginId);
    }

    String name() {
        return "crm_" + pluginId.replace('-', '_');
    }
}

package org.crmworkbench.core.plugin;

import java.util.regex.Pattern;

/** The database schema owned by one plugin: {@code crm_} + plugin id with {@code -} replaced by {@code _}. */
record PluginSchema(String pluginId) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 40;

    PluginSchema {
        if (pluginId == null || pluginId.length() > MAX_ID_LENGTH || !ID.matcher(pluginId).matches()) {
            throw new IllegalArgumentException("plugin id must be kebab-case, at most " + MAX_ID_LENGTH
                    + " characters: " + pluginId);
        }
    }

    static boolean isValidId(String pluginId) {
        return pluginId != null && pluginId.length() <= MAX_ID_LENGTH && ID.matcher(pluginId).matches();
    }

    String name() {
        return "crm_" + pluginId.replace('-', '_');
    }
}

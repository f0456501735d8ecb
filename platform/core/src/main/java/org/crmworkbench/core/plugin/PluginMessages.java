package org.crmworkbench.core.plugin;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A plugin's messages, {@code i18n/<plugin-id>_<lang>.properties} in its jar, read through its own
 * class loader. Falls back to English, then to the key itself.
 */
final class PluginMessages {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ClassLoader classLoader;

    PluginMessages(String pluginId, ClassLoader classLoader) {
        this.baseName = "i18n/" + pluginId;
        this.classLoader = classLoader;
    }

    String get(Locale locale, String key, Object... arguments) {
        String pattern = find(locale, key);
        if (pattern == null && !locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            pattern = find(Locale.ENGLISH, key);
        }
        if (pattern == null) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** Drops a plugin's cached bundles so that its class loader can be collected once unloaded. */
    static void release(ClassLoader pluginClassLoader) {
        ResourceBundle.clearCache(pluginClassLoader);
    }

    private String find(Locale locale, String key) {
        try {
            var bundle = ResourceBundle.getBundle(baseName, locale, classLoader, NO_DEFAULT_LOCALE);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}

package org.crmworkbench.plugin.chain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The plugin's messages in a given locale, for work outside the UI thread such as writing an export
 * file in a download request.
 */
public final class Texts {

    public static final Texts ENGLISH = new Texts(Locale.ENGLISH);
    public static final Texts DUTCH = new Texts(Locale.of("nl"));

    private final Locale locale;
    private final ResourceBundle bundle;

    public Texts(Locale locale) {
        this.locale = "nl".equals(locale.getLanguage()) ? Locale.of("nl") : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle("i18n/wholesale-chain", this.locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... arguments) {
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}

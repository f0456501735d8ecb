package org.crmworkbench.plugin.nps;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The plugin's messages in a language of its choosing, for what is not shown to the signed-in
 * user: e-mails and the public answer page in the language of the invitation.
 */
public final class Texts {

    private Texts() {
    }

    /** Dutch for {@code nl}, English otherwise. */
    public static Locale locale(String language) {
        return "nl".equals(language) ? Locale.of("nl") : Locale.ENGLISH;
    }

    public static String get(String language, String key, Object... arguments) {
        var locale = locale(language);
        try {
            var bundle = ResourceBundle.getBundle("i18n/nps-surveys", locale, Texts.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}

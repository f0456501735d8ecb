package org.crmworkbench.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The shell's own messages, {@code i18n/shell_en.properties} and {@code _nl}. Plugins bring their
 * own bundles, read through their class loaders by the plugin host.
 */
@Component
public class ShellMessages implements I18NProvider {

    public static final Locale DUTCH = Locale.of("nl");
    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, DUTCH);
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = locale != null && locale.getLanguage().equals(DUTCH.getLanguage()) ? DUTCH : Locale.ENGLISH;
        try {
            String pattern = ResourceBundle.getBundle("i18n/shell", supported, getClass().getClassLoader(), NO_DEFAULT_LOCALE)
                    .getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}

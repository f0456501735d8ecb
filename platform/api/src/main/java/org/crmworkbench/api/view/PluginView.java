package org.crmworkbench.api.view;

import com.vaadin.flow.component.Component;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One view of a plugin.
 *
 * @param path               path below the plugin's namespace, e.g. {@code criteria} for
 *                           {@code /customer-rating/criteria}; lower-case words, digits and dashes,
 *                           segments separated by {@code /}
 * @param viewClass          the Vaadin component shown; created anew for every navigation
 * @param labelKey           message key of the menu label (in the plugin's bundle); null: no menu entry
 * @param icon               name of a {@code VaadinIcon} constant (e.g. {@code STAR}), or null
 * @param requiredPermission permission needed to see and open it; null: every signed-in user
 * @param order              position in the menu, lower first; core entries use 0..99
 * @since 1.0
 */
public record PluginView(String path, Class<? extends Component> viewClass, String labelKey, String icon,
                         String requiredPermission, int order) {

    private static final Pattern PATH = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*");

    public PluginView {
        Objects.requireNonNull(viewClass, "viewClass");
        checkPath(path);
    }

    static void checkPath(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("view path must be lower-case words separated by - or /: " + path);
        }
    }

    /** A view with a menu entry, open to every signed-in user. */
    public static PluginView menu(String path, Class<? extends Component> viewClass, String labelKey, String icon) {
        return new PluginView(path, viewClass, labelKey, icon, null, 100);
    }

    public boolean inMenu() {
        return labelKey != null;
    }
}

package org.crmworkbench.ui.security;

import com.vaadin.flow.component.UI;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.core.security.Permissions.Known;

/** A permission's label in the user's language: the shell's own text for the core's, the plugin's for a plugin's. */
public final class PermissionLabel {

    private PermissionLabel() {
    }

    /** The label of a known permission; its key when its plugin has no text for it. */
    public static String of(Known known, PluginHost host, UI ui) {
        String labelKey = known.definition().labelKey();
        if (Permissions.CORE.equals(known.owner())) {
            return ui.getTranslation(labelKey);
        }
        return host.startedPlugin(known.owner()).map(plugin -> plugin.message(ui.getLocale(), labelKey)).orElse(labelKey);
    }

    /** The label of a permission by its key; the key itself when no started plugin declares it. */
    public static String of(String permission, Permissions permissions, PluginHost host, UI ui) {
        return permissions.find(permission).map(known -> of(known, host, ui)).orElse(permission);
    }
}

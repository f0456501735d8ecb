package org.crmworkbench.api.account;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Adds a tab to the account editor (e.g. the account's rating, NPS answers or tenders).
 *
 * <p>Called once per opened account, on the UI thread, after the plugin has started; return a new
 * component each time (no state shared between users). The tab is not shown to users without
 * {@link #requiredPermission()}. An exception here shows an error inside the tab only. Register the
 * implementation with {@code @Extension}.
 *
 * @since 1.0
 */
public interface AccountTabContribution extends ExtensionPoint {

    /** Message key of the tab label, in the plugin's bundle. */
    String labelKey();

    /** The tab's content for one account; never null. */
    Component createTab(AccountRef account, PluginContext context);

    /** Permission needed to see the tab; null (the default) means every user who sees the account. */
    default String requiredPermission() {
        return null;
    }

    /** Position among the tabs, lower first; the core tabs use 0..99. */
    default int order() {
        return 100;
    }
}

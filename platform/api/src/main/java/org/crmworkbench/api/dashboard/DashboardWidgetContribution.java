package org.crmworkbench.api.dashboard;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Adds a card to the home dashboard.
 *
 * <p>Called each time a user opens the dashboard, on the UI thread; return a new component each time
 * and keep it quick (one small query). The host draws the card frame and title; an exception shows an
 * error in that card only. Register the implementation with {@code @Extension}.
 *
 * @since 1.0
 */
public interface DashboardWidgetContribution extends ExtensionPoint {

    /** Message key of the card title, in the plugin's bundle. */
    String titleKey();

    /** The card's content; never null. */
    Component createWidget(PluginContext context);

    /** Permission needed to see the card; null (the default) means every signed-in user. */
    default String requiredPermission() {
        return null;
    }

    /** Position on the dashboard, lower first. */
    default int order() {
        return 100;
    }
}

package org.crmworkbench.api.metric;

import org.crmworkbench.api.PluginContext;
import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Offers account metrics to the other plugins (they read them through
 * {@link PluginContext#accountMetrics()}). Called whenever a consumer asks, so a metric appears and
 * disappears with the plugin that provides it. An exception here hides this plugin's metrics only.
 * Register the implementation with {@code @Extension}.
 *
 * @since 1.2
 */
public interface AccountMetricContribution extends ExtensionPoint {

    /** The metrics, given the providing plugin's own context. */
    List<AccountMetric> metrics(PluginContext context);
}

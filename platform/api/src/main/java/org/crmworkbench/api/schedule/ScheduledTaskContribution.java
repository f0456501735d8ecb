package org.crmworkbench.api.schedule;

import org.crmworkbench.api.PluginContext;
import org.pf4j.ExtensionPoint;

import java.time.Duration;

/**
 * Background work a plugin wants done again and again, e.g. sending the survey reminders that have
 * become due.
 *
 * <p>After the plugin has started the host calls {@link #run} every {@link #interval()} (the first
 * time one interval after the start), on a background thread without a signed-in user, never twice
 * at the same time. A run that throws is logged and the next one happens as planned. Runs stop when
 * the plugin is disabled or uninstalled. Register the implementation with {@code @Extension}.
 *
 * @since 1.3
 */
public interface ScheduledTaskContribution extends ExtensionPoint {

    /** The time between the end of one run and the start of the next; at least one millisecond. */
    Duration interval();

    /** Does one round of the work. */
    void run(PluginContext context);
}

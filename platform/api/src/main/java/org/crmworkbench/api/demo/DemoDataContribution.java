package org.crmworkbench.api.demo;

import org.crmworkbench.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Seeds demo data for the plugin on a fresh install.
 *
 * <p>Called once, right after the plugin has started for the first time on a schema that had no
 * migration before (a fresh install), and only when demo data is switched on ({@code crm.demo-data}).
 * Write only to the plugin's own schema, deterministically (fixed seed), with batched inserts. An
 * exception makes the plugin FAILED; a retry does not seed again, because the schema exists by then.
 * Register the implementation with {@code @Extension}.
 *
 * @since 1.0
 */
public interface DemoDataContribution extends ExtensionPoint {

    void seed(PluginContext context);
}

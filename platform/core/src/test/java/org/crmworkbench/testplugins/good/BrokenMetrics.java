package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.api.metric.AccountMetricContribution;
import org.pf4j.Extension;

import java.util.List;

/** Fails when asked: must hide only itself. */
@Extension
public class BrokenMetrics implements AccountMetricContribution {

    @Override
    public List<AccountMetric> metrics(PluginContext context) {
        throw new IllegalStateException("broken on purpose");
    }
}

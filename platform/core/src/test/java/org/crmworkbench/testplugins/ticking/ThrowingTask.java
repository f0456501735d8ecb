package org.crmworkbench.testplugins.ticking;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.schedule.ScheduledTaskContribution;
import org.pf4j.Extension;

import java.time.Duration;

/** Fails every time: must not stop the other task or later runs of itself. */
@Extension
public class ThrowingTask implements ScheduledTaskContribution {

    @Override
    public Duration interval() {
        return Duration.ofMillis(20);
    }

    @Override
    public void run(PluginContext context) {
        throw new IllegalStateException("this task always fails");
    }
}

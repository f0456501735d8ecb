package org.crmworkbench.testplugins.ticking;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.schedule.ScheduledTaskContribution;
import org.jooq.impl.DSL;
import org.pf4j.Extension;

import java.time.Duration;

/** Writes a row every 20 ms while the plugin runs. */
@Extension
public class TickingTask implements ScheduledTaskContribution {

    @Override
    public Duration interval() {
        return Duration.ofMillis(20);
    }

    @Override
    public void run(PluginContext context) {
        context.dsl().insertInto(DSL.table("tick")).defaultValues().execute();
    }
}

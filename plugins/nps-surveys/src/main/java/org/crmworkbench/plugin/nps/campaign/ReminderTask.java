package org.crmworkbench.plugin.nps.campaign;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.schedule.ScheduledTaskContribution;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Every hour: the one reminder to every non-responder whose invitation went out the campaign's
 * reminder days ago, in all campaigns that accept answers (only with an SMTP server configured).
 */
@Extension
public class ReminderTask implements ScheduledTaskContribution {

    private static final Logger log = LoggerFactory.getLogger(ReminderTask.class);

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run(PluginContext context) {
        int sent = new Distribution(context.dsl(), context.clock(), context.mailer(), context::publicUrl).remindAllDue();
        if (sent > 0) {
            log.info("Sent {} NPS survey reminders", sent);
        }
    }
}

package org.crmworkbench.ui.account;

import org.crmworkbench.core.account.LifecycleRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the lifecycle rules over all accounts every night ({@code crm.lifecycle.recalculate-cron}), on the
 * nodes that run the scheduled work ({@code crm.scheduled-tasks}, default true).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "crm.scheduled-tasks", matchIfMissing = true)
@EnableScheduling
class NightlyLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NightlyLifecycle.class);
    private final LifecycleRules lifecycle;

    NightlyLifecycle(LifecycleRules lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(cron = "${crm.lifecycle.recalculate-cron:0 30 2 * * *}")
    void recalculate() {
        long start = System.nanoTime();
        int changed = lifecycle.recalculateAll();
        log.info("Lifecycle rules: {} accounts changed stage ({} ms)", changed, (System.nanoTime() - start) / 1_000_000);
    }
}

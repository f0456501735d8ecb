package org.crmworkbench.core.plugin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a node's poll of the shared plugin state at a fixed delay on a thread of its own. A poll that
 * throws (the database away, the plugins folder unreadable) is logged once, at the first failure, and the
 * next poll simply tries again; the poller ends only when it is closed.
 */
final class PluginStatePoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginStatePoller.class);
    /** How long closing waits for a poll that is applying changes (it may be migrating a schema). */
    private static final Duration FINISH = Duration.ofSeconds(30);

    private final Runnable poll;
    private final ScheduledThreadPoolExecutor executor =
            new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("plugin-state-poll").daemon().factory());
    /** Touched by the poll thread only. */
    private boolean failing;

    PluginStatePoller(Runnable poll, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive: " + interval);
        }
        this.poll = poll;
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::pollOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pollOnce() {
        try {
            poll.run();
            if (failing) {
                failing = false;
                log.info("Plugin states of the other nodes are followed again");
            }
        } catch (Throwable e) { // any throw would end the schedule for good
            if (!failing) {
                failing = true;
                log.warn("Cannot follow the plugin states of the other nodes, trying again: {}", e.toString());
            } else {
                log.debug("Plugin state poll failed again: {}", e.toString());
            }
        }
    }

    /** Stops polling; a poll under way may finish what it is applying. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(FINISH.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

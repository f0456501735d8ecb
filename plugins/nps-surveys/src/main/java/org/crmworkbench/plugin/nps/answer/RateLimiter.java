package org.crmworkbench.plugin.nps.answer;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allows at most {@code limit} events per key (a remote address) within a fixed window. In memory:
 * it protects one node from guessing tokens and from floods of anonymous answers.
 */
public final class RateLimiter {

    private record Window(long start, int count) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts an event for {@code key}; false when the key has used up its window. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().start() >= windowMillis);
        }
        var window = windows.compute(key, (k, w) -> w == null || now - w.start() >= windowMillis
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        return window.count() <= limit;
    }
}

package org.crmworkbench.plugin.nps.answer;

import com.vaadin.flow.server.VaadinRequest;

import java.time.Clock;
import java.time.Duration;

/** The rate limits of the public answer pages, per remote address. */
final class PublicLimits {

    /** Unknown or malformed links: guessing tokens is pointless, and slowed down further. */
    static final RateLimiter FAILED_LOOKUPS = new RateLimiter(30, Duration.ofMinutes(10), Clock.systemUTC());
    /** Answers through anonymous links. */
    static final RateLimiter ANONYMOUS_ANSWERS = new RateLimiter(30, Duration.ofHours(1), Clock.systemUTC());

    private PublicLimits() {
    }

    static String remoteAddress() {
        var request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null ? "?" : address;
    }
}

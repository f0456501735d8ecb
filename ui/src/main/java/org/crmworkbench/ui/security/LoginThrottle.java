package org.crmworkbench.ui.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down, per user name and per client address: after {@link #USER_LIMIT}
 * failed logins of one user name (or {@link #ADDRESS_LIMIT} from one address) within
 * {@link #WINDOW}, further attempts are refused — even with the right password — for one minute,
 * doubling with each further failure up to {@link #MAX_LOCK}. A successful login clears its user
 * name's count. Kept in memory: each app node counts its own attempts.
 */
public final class LoginThrottle {

    static final int USER_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration MAX_LOCK = Duration.ofMinutes(30);
    /** Keeps the maps small under a flood of made-up names: counts are dropped once there are this many. */
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long logins of this user name or from this address are still refused; empty when they are not. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(byUser.get(key(username)), now);
        Duration fromAddress = remaining(byAddress.get(String.valueOf(address)), now);
        Duration longest = user.compareTo(fromAddress) >= 0 ? user : fromAddress;
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    /** Counts a failed login. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (byUser.size() > MAX_TRACKED || byAddress.size() > MAX_TRACKED) {
            byUser.clear();
            byAddress.clear();
        }
        byUser.compute(key(username), (k, failures) -> next(failures, now, USER_LIMIT));
        byAddress.compute(String.valueOf(address), (k, failures) -> next(failures, now, ADDRESS_LIMIT));
    }

    /** A successful login: its user name starts counting afresh. */
    public void succeeded(String username) {
        byUser.remove(key(username));
    }

    private static Failures next(Failures failures, Instant now, int limit) {
        if (failures == null || failures.first().plus(WINDOW).isBefore(now) && !now.isBefore(failures.lockedUntil())) {
            failures = new Failures(0, now, Instant.MIN);
        }
        int count = failures.count() + 1;
        Instant lockedUntil = failures.lockedUntil();
        if (count >= limit) {
            Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(count - limit, 5));
            lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
        }
        return new Failures(count, failures.first(), lockedUntil);
    }

    private static Duration remaining(Failures failures, Instant now) {
        return failures == null || !now.isBefore(failures.lockedUntil()) ? Duration.ZERO : Duration.between(now, failures.lockedUntil());
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}

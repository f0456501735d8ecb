package org.crmworkbench.ui.security;

import org.crmworkbench.test.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void five_wrong_passwords_lock_the_user_name_for_a_minute_then_the_lock_doubles() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Maria", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("maria", "10.0.0.9")).isEmpty();

        throttle.failed("maria", "10.0.0.1");
        assertThat(throttle.lockedFor("MARIA ", "10.0.0.9")).as("by name, from any address").hasValue(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("sam", "10.0.0.9")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("maria", "10.0.0.1")).isEmpty();
        throttle.failed("maria", "10.0.0.1");
        assertThat(throttle.lockedFor("maria", "10.0.0.1")).hasValue(Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            throttle.failed("maria", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("maria", "10.0.0.1")).as("at most").hasValue(LoginThrottle.MAX_LOCK);
    }

    @Test
    void a_successful_login_and_a_quiet_window_start_the_count_afresh() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("sam", "10.0.0.1");
        }
        throttle.succeeded("sam");
        throttle.failed("sam", "10.0.0.1");
        assertThat(throttle.lockedFor("sam", "10.0.0.2")).isEmpty();

        for (int i = 0; i < 3; i++) {
            throttle.failed("sam", "10.0.0.1");
        }
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        throttle.failed("sam", "10.0.0.1");
        assertThat(throttle.lockedFor("sam", "10.0.0.2")).as("the earlier failures are past the window").isEmpty();
    }

    @Test
    void twenty_failures_from_one_address_lock_it_whatever_the_user_names() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess" + i, "192.0.2.7");
        }
        assertThat(throttle.lockedFor("maria", "192.0.2.7")).hasValue(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("maria", "192.0.2.8")).isEmpty();
    }
}

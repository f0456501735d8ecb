package org.crmworkbench.plugin.nps.answer;

import org.crmworkbench.plugin.nps.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    @Test
    void tokens_carry_256_random_bits_and_only_well_formed_ones_hash() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1_000; i++) {
            String token = Tokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(seen.add(token)).isTrue();
        }
        String token = Tokens.newToken();
        assertThat(Tokens.hash(token)).get().satisfies(hash -> assertThat(hash).hasSize(32));
        assertThat(Tokens.hash(token).get()).isEqualTo(Tokens.hash(token).get());
        assertThat(Tokens.hash(null)).isEmpty();
        assertThat(Tokens.hash("short")).isEmpty();
        assertThat(Tokens.hash(token.substring(1) + "%")).isEmpty();
    }

    @Test
    void the_rate_limiter_allows_the_limit_per_window_and_key() {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var limiter = new RateLimiter(3, Duration.ofMinutes(10), clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("a")).isTrue();
    }
}

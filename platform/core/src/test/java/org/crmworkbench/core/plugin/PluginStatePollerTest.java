package org.crmworkbench.core.plugin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginStatePollerTest {

    @Test
    void polls_that_throw_do_not_end_the_polling() throws InterruptedException {
        var polls = new AtomicInteger();
        var afterFailures = new CountDownLatch(2);
        Runnable poll = () -> {
            int n = polls.incrementAndGet();
            if (n == 1) {
                throw new IllegalStateException("database away");
            }
            if (n == 2) {
                throw new LinkageError("a plugin class went missing");
            }
            afterFailures.countDown();
        };
        try (var poller = new PluginStatePoller(poll, Duration.ofMillis(10))) {
            assertThat(afterFailures.await(20, TimeUnit.SECONDS)).as("polled on after two failures").isTrue();
        }
        assertThat(polls.get()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_interval_must_be_positive() {
        assertThatThrownBy(() -> new PluginStatePoller(() -> { }, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

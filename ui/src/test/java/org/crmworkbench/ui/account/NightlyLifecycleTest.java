package org.crmworkbench.ui.account;

import org.crmworkbench.core.account.LifecycleRules;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly run is scheduled only on the nodes that run the scheduled work. */
class NightlyLifecycleTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(LifecycleRules.class, () -> new LifecycleRules(DSL.using(SQLDialect.MARIADB), Clock.systemUTC(), 24, event -> { }))
            .withUserConfiguration(NightlyLifecycle.class);

    @Test
    void it_is_scheduled_by_default() {
        context.run(started -> assertThat(started).hasSingleBean(NightlyLifecycle.class));
    }

    @Test
    void a_node_with_scheduled_tasks_off_leaves_it_to_another_node() {
        context.withPropertyValues("crm.scheduled-tasks=false")
                .run(started -> assertThat(started).doesNotHaveBean(NightlyLifecycle.class));
    }
}

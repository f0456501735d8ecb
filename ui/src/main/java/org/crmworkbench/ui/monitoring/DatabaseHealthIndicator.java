package org.crmworkbench.ui.monitoring;

import org.crmworkbench.ui.shell.DatabaseHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database as the readiness probe ({@code /actuator/health/readiness}) sees it, under the name
 * {@code database}: DOWN while it cannot be reached, so a load balancer sends no new users to this node.
 * Not part of the liveness probe: a node whose database is away is not restarted for it.
 */
@Component
class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseHealth database;

    DatabaseHealthIndicator(DatabaseHealth database) {
        this.database = database;
    }

    @Override
    public Health health() {
        return database.answers() ? Health.up().build() : Health.down().build();
    }
}

package org.crmworkbench.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalDatabaseTest {

    @Test
    void with_a_url_the_configured_server_is_used_and_no_embedded_one_starts() {
        Path dataDir = Path.of("target", "external-test-data").toAbsolutePath();
        try (var server = EmbeddedMariaDb.start(Path.of("target", "external-test-server").toAbsolutePath(), 0);
             var database = CrmDatabase.open(new DatabaseSettings(server.jdbcUrl(), server.user(), server.password(), null, dataDir))) {
            assertThat(database.embeddedPort()).isEmpty();
            assertThat(dataDir.resolve("mariadb")).doesNotExist();
            assertThat(database.dsl().fetchValue("SELECT COUNT(*) FROM crm_core.flyway_schema_history WHERE success"))
                    .isNotEqualTo(0L);
        }
    }
}

package org.crmworkbench.core.audit;

import org.crmworkbench.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.SECURITY_EVENT;

class SecurityLogTest {

    /** Far ahead (TIMESTAMP ends in 2038), so that its entries are the newest whatever other tests logged in this database. */
    private final Clock clock = Clock.fixed(Instant.parse("2037-12-31T09:00:00Z"), ZoneOffset.UTC);
    private final SecurityLog log = new SecurityLog(TestDatabase.get().dsl(), clock);

    @Test
    void entries_are_listed_newest_first_by_kind_and_cannot_be_changed_or_deleted() {
        int before = log.count(null);
        log.record(SecurityLog.Kind.LOGIN_FAILED, "maria", "10.0.0.1", null);
        log.record(SecurityLog.Kind.PLUGIN_INSTALLED, "admin", null, "x".repeat(600));

        assertThat(log.count(null)).isEqualTo(before + 2);
        var newest = log.page(null, 0, 2);
        assertThat(newest).extracting(SecurityLog.Event::kind)
                .containsExactly(SecurityLog.Kind.PLUGIN_INSTALLED, SecurityLog.Kind.LOGIN_FAILED);
        assertThat(newest.getFirst().detail()).hasSize(500);
        assertThat(log.page(SecurityLog.Kind.LOGIN_FAILED, 0, 10)).first().satisfies(e -> {
            assertThat(e.username()).isEqualTo("maria");
            assertThat(e.address()).isEqualTo("10.0.0.1");
        });

        var dsl = TestDatabase.get().dsl();
        assertThatThrownBy(() -> dsl.update(SECURITY_EVENT).set(SECURITY_EVENT.USERNAME, "nobody").execute())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> dsl.deleteFrom(SECURITY_EVENT).execute()).hasMessageContaining("append-only");
        assertThat(log.count(null)).isEqualTo(before + 2);
    }
}

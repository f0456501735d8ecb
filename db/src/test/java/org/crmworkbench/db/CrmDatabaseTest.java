package org.crmworkbench.db;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.PLUGIN_STATE;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;

class CrmDatabaseTest {

    @Test
    void core_schema_is_migrated_and_matches_the_generated_classes() {
        var dsl = TestDatabase.get().dsl();
        assertThat(dsl.fetchCount(dsl.selectFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq("none")))).isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("none")))).isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom(USER_ROLE).where(USER_ROLE.ROLE.eq("none")))).isZero();
        assertThat(dsl.fetchValue("SELECT MAX(version) FROM crm_core.flyway_schema_history", String.class))
                .isEqualTo("004");
    }

    @Test
    void the_public_users_view_does_not_expose_password_hashes() {
        var dsl = TestDatabase.get().dsl();
        var columns = dsl.select(DSL.field("column_name", String.class))
                .from("information_schema.columns")
                .where("table_schema = 'crm_core' AND table_name = 'v_users'")
                .fetch(0, String.class);
        assertThat(columns).isNotEmpty().doesNotContain("password_hash");
    }
}

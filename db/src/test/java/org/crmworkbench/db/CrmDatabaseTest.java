package org.crmworkbench.db;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_STAGE_HISTORY;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.INTERACTION_CONTACT;
import static org.crmworkbench.db.jooq.Tables.OPPORTUNITY;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.ROLE_PERMISSION;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;
import static org.crmworkbench.db.jooq.Tables.PLUGIN_STATE;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;
import static org.crmworkbench.db.jooq.Tables.API_TOKEN;
import static org.crmworkbench.db.jooq.Tables.SECURITY_EVENT;

class CrmDatabaseTest {

    @Test
    void core_schema_is_migrated_and_matches_the_generated_classes() {
        var dsl = TestDatabase.get().dsl();
        assertThat(dsl.fetchCount(dsl.selectFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq("none")))).isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("none")))).isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom(USER_ROLE).where(USER_ROLE.ROLE.eq("none")))).isZero();
        for (var table : List.of(ACCOUNT, CONTACT, PRODUCT, SALES_ORDER, ORDER_LINE, ACCOUNT_STAGE_HISTORY, INTERACTION,
                INTERACTION_CONTACT, OPPORTUNITY, API_TOKEN, SECURITY_EVENT, ROLE_PERMISSION)) {
            assertThat(dsl.fetchCount(dsl.selectFrom(table).where(DSL.falseCondition()))).as(table.getName()).isZero();
        }
        assertThat(dsl.fetchValue("SELECT MAX(version) FROM crm_core.flyway_schema_history", String.class))
                .isEqualTo("016");
    }

    @Test
    void the_public_views_exist_and_keep_free_text_out() {
        var dsl = TestDatabase.get().dsl();
        var views = dsl.select(DSL.field("table_name", String.class)).from("information_schema.views")
                .where("table_schema = 'crm_core'").fetch(0, String.class);
        assertThat(views).containsExactlyInAnyOrder("v_users", "v_accounts", "v_contacts", "v_products", "v_orders",
                "v_order_lines", "v_account_stage_history", "v_interactions", "v_opportunities", "v_account_team");
        var interactionColumns = dsl.select(DSL.field("column_name", String.class)).from("information_schema.columns")
                .where("table_schema = 'crm_core' AND table_name = 'v_interactions'").fetch(0, String.class);
        assertThat(interactionColumns).contains("follow_up").doesNotContain("summary");
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

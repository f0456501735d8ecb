package org.crmworkbench.plugin.chain;

import org.crmworkbench.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;

import java.time.LocalDateTime;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_SETTINGS;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_TREND;
import static org.crmworkbench.plugin.chain.jooq.Tables.SERVICE;
import static org.crmworkbench.plugin.chain.jooq.Tables.SUPPLIER;

/**
 * The embedded MariaDB with the plugin's schema, shared by the ITs: core accounts, users and
 * interactions are written straight into the core tables, as the host would have them.
 */
final class ChainDatabase {

    static final DSLContext dsl = TestDatabase.get().dsl();
    /** The number of services V001 puts in the catalogue. */
    static final int SEEDED_SERVICES = 10;

    private ChainDatabase() {
    }

    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas("crm_wholesale_chain")
                .createSchemas(true).locations("classpath:db/crm_wholesale_chain").load().migrate();
    }

    /** Back to a freshly migrated schema and no accounts. */
    static void clean() {
        dsl.deleteFrom(CHAIN_LINK).execute(); // roles, their services, interactions and history cascade
        dsl.deleteFrom(SUPPLIER).execute();
        dsl.deleteFrom(CHAIN_TREND).execute();
        dsl.deleteFrom(SERVICE).where(SERVICE.POSITION.gt(SEEDED_SERVICES)).execute();
        dsl.update(CHAIN_SETTINGS).set(CHAIN_SETTINGS.ROLE_THRESHOLD, 2).set(CHAIN_SETTINGS.TARGET_STRENGTH, 3)
                .set(CHAIN_SETTINGS.VERSION, 0).execute();
        dsl.deleteFrom(PRODUCT).execute();
        dsl.deleteFrom(ACCOUNT).execute(); // interactions cascade
    }

    static long account(String name) {
        return dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.LIFECYCLE_STAGE).values(name, "LOYAL_CUSTOMER")
                .returningResult(ACCOUNT.ID).fetchSingle().value1();
    }

    static long user(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(APP_USER.ID)
                .orElseGet(() -> dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH)
                        .values(username, username, "-").returningResult(APP_USER.ID).fetchSingle().value1());
    }

    static long interaction(long accountId, long userId) {
        return dsl.insertInto(INTERACTION, INTERACTION.ACCOUNT_ID, INTERACTION.KIND, INTERACTION.OCCURRED_AT, INTERACTION.USER_ID,
                        INTERACTION.SUMMARY)
                .values(accountId, "VISIT", LocalDateTime.of(2026, 2, 20, 14, 0), userId, "category review")
                .returningResult(INTERACTION.ID).fetchSingle().value1();
    }
}

package org.crmworkbench.bench;

import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.DatabaseSettings;
import org.crmworkbench.db.EmbeddedMariaDb;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/** The generator on a small volume: the same seed and date give the same rows, and the contacts look like contacts. */
class CoreDataTest {

    private static final CoreData.Volume VOLUME = new CoreData.Volume(2_000, 6_000, 6_000);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    static Path temp;
    private static EmbeddedMariaDb server;
    private static CrmDatabase database;
    private static CloseableDSLContext session;

    @BeforeAll
    static void start() {
        server = EmbeddedMariaDb.start(temp.resolve("mariadb"), 0, List.of());
        database = CrmDatabase.open(new DatabaseSettings(server.jdbcUrl(), server.user(), server.password(), null, temp));
        session = LoadFloor.openSession(server);
    }

    @AfterAll
    static void stop() {
        session.close();
        database.close();
        server.close();
    }

    @BeforeEach
    void empty_tables() {
        for (var table : List.of(ORDER_LINE, SALES_ORDER, CONTACT, ACCOUNT, PRODUCT)) {
            session.truncate(table).execute();
        }
        session.deleteFrom(APP_USER).where(APP_USER.USERNAME.like("bench%")).execute();
        session.query("ALTER TABLE {0} AUTO_INCREMENT = 1", APP_USER).execute();
    }

    @Test
    void the_same_seed_and_date_give_the_same_rows_and_another_seed_other_rows() throws IOException {
        var first = checksums(CoreData.SEED, DAY);
        empty_tables();
        var again = checksums(CoreData.SEED, DAY);
        empty_tables();
        var otherSeed = checksums(CoreData.SEED + 1, DAY);

        assertThat(first).containsOnlyKeys("account", "contact", "sales_order", "order_line");
        assertThat(again).isEqualTo(first);
        first.forEach((table, sha) -> assertThat(otherSeed.get(table)).as(table).isNotEqualTo(sha));
    }

    @Test
    void contacts_belong_to_accounts_and_have_mail_at_the_account_domain_with_consent_only_where_there_is_mail() {
        new CoreData(session, CoreData.SEED, DAY).generate(VOLUME);

        var rows = session.select(ACCOUNT.NAME, CONTACT.EMAIL, CONTACT.EMAIL_CONSENT).from(CONTACT)
                .leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(CONTACT.ACCOUNT_ID)).fetch();
        assertThat(rows).hasSize(VOLUME.contacts()).allSatisfy(row -> {
            assertThat(row.value1()).as("the contact's account exists").isNotNull();
            if (row.value2() == null) {
                assertThat(row.value3()).as("no consent without an e-mail address").isFalse();
            } else {
                assertThat(row.value2()).matches("[a-z]+\\.[a-z]+@[a-z0-9-]+\\.nl")
                        .endsWith("@" + row.value1().toLowerCase(Locale.ROOT).replace(' ', '-') + ".nl");
            }
        });
        long withMail = rows.stream().filter(row -> row.value2() != null).count();
        long consent = rows.stream().filter(row -> row.value3()).count();
        assertThat(withMail).isBetween(VOLUME.contacts() * 85L / 100, VOLUME.contacts() * 95L / 100);
        assertThat(consent).isBetween(withMail * 50 / 100, withMail * 70 / 100);

        int accountsWithContacts = session.fetchCount(DSL.selectDistinct(CONTACT.ACCOUNT_ID).from(CONTACT));
        int mostContacts = session.select(DSL.count()).from(CONTACT).groupBy(CONTACT.ACCOUNT_ID)
                .orderBy(DSL.count().desc()).limit(1).fetchSingle().value1();
        assertThat(accountsWithContacts).as("most accounts have contacts, not all").isBetween(VOLUME.accounts() * 80 / 100,
                VOLUME.accounts() - 1);
        assertThat(mostContacts).as("a few accounts have many").isGreaterThanOrEqualTo(7);
        assertThat(session.fetchCount(DSL.selectDistinct(CONTACT.DMU_ROLE).from(CONTACT).where(CONTACT.DMU_ROLE.isNotNull())))
                .isEqualTo(6);
    }

    private static Map<String, String> checksums(int seed, LocalDate day) throws IOException {
        var floor = new LoadFloor(session, temp.resolve("csv"));
        var checksums = new LinkedHashMap<String, String>();
        for (var load : new CoreData(session, seed, day).generate(VOLUME)) {
            checksums.put(load.table().getName(), floor.write(load).sha256());
        }
        return checksums;
    }
}

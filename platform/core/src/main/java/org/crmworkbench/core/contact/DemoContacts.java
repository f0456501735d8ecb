package org.crmworkbench.core.contact;

import org.crmworkbench.db.jooq.tables.records.ContactRecord;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep8;

import java.util.List;
import java.util.Random;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.CONTACT;

/** One to three demo contacts per account, with DMU roles; fixed seed, batched inserts. */
public final class DemoContacts {

    private static final List<String> FIRST = List.of("Anke", "Bram", "Daan", "Els", "Fleur", "Geert", "Hanne",
            "Joris", "Karin", "Lotte", "Maarten", "Noor", "Pieter", "Ruben", "Sofie", "Thijs", "Veerle", "Wim");
    private static final List<String> LAST = List.of("de Vries", "Jansen", "Peeters", "Janssens", "Bakker", "Visser",
            "Maes", "Willems", "Claes", "Smit", "Mertens", "Dekker", "van Dijk", "de Boer", "Mulder", "Goossens");
    private static final List<String> TITLES = List.of("Directeur", "Inkoper", "Office manager", "Hoofd techniek",
            "Financieel manager", "Bedrijfsleider", "Projectleider");
    private static final int BATCH = 500;

    private DemoContacts() {
    }

    public static void create(DSLContext dsl, long seed) {
        var random = new Random(seed);
        var roles = DmuRole.values();
        List<Long> accountIds = dsl.select(ACCOUNT.ID).from(ACCOUNT).orderBy(ACCOUNT.ID).fetch(ACCOUNT.ID);
        var insert = newInsert(dsl);
        int pending = 0;
        for (long accountId : accountIds) {
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                String first = FIRST.get(random.nextInt(FIRST.size()));
                String last = LAST.get(random.nextInt(LAST.size()));
                String email = (first + "." + last).toLowerCase().replace(" ", "") + "@example.com";
                insert = insert.values(accountId, first, last, TITLES.get(random.nextInt(TITLES.size())), email,
                        roles[random.nextInt(roles.length)].name(), random.nextBoolean(), "demo");
                if (++pending == BATCH) {
                    insert.execute();
                    insert = newInsert(dsl);
                    pending = 0;
                }
            }
        }
        if (pending > 0) {
            insert.execute();
        }
    }

    private static InsertValuesStep8<ContactRecord, Long, String, String, String, String, String, Boolean, String>
            newInsert(DSLContext dsl) {
        return dsl.insertInto(CONTACT, CONTACT.ACCOUNT_ID, CONTACT.FIRST_NAME, CONTACT.LAST_NAME, CONTACT.JOB_TITLE,
                CONTACT.EMAIL, CONTACT.DMU_ROLE, CONTACT.EMAIL_CONSENT, CONTACT.UPDATED_BY);
    }
}

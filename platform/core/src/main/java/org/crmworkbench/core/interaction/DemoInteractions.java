package org.crmworkbench.core.interaction;

import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.INTERACTION_CONTACT;

/**
 * Zero to five demo interactions per managed account over the last two years, logged by the account
 * manager, with one of the account's contacts; some complaints and calls still have an open follow-up.
 * Fixed seed, batched inserts; dates count back from {@code today}.
 */
public final class DemoInteractions {

    private static final Map<InteractionKind, List<String>> SUMMARIES = Map.of(
            InteractionKind.CALL, List.of("Belde over de levertijd van de laatste order.", "Nagebeld na de offerte.",
                    "Vraag over de factuur doorgenomen."),
            InteractionKind.MEETING, List.of("Jaargesprek: plannen voor volgend jaar besproken.",
                    "Kennismaking met de nieuwe inkoper."),
            InteractionKind.EMAIL, List.of("Productinformatie gestuurd.", "Offerte per e-mail verstuurd."),
            InteractionKind.VISIT, List.of("Bezoek op locatie; assortiment doorgelopen.", "Demonstratie gegeven."),
            InteractionKind.COMPLAINT, List.of("Klacht: levering te laat en onvolledig.", "Klacht over beschadigde dozen."),
            InteractionKind.NOTE, List.of("Nieuwe directeur per 1 januari.", "Werkt ook met een concurrent."));
    private static final int BATCH = 1_000;

    private DemoInteractions() {
    }

    public static void create(DSLContext dsl, LocalDate today, long seed) {
        var random = new Random(seed);
        var kinds = InteractionKind.values();
        Map<Long, List<Long>> contactsByAccount = new HashMap<>();
        dsl.select(CONTACT.ACCOUNT_ID, CONTACT.ID).from(CONTACT).orderBy(CONTACT.ID)
                .forEach(r -> contactsByAccount.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        var accounts = dsl.select(ACCOUNT.ID, ACCOUNT.ACCOUNT_MANAGER_ID).from(ACCOUNT)
                .where(ACCOUNT.ACCOUNT_MANAGER_ID.isNotNull()).orderBy(ACCOUNT.ID).fetch();
        var insert = dsl.insertInto(INTERACTION, INTERACTION.ACCOUNT_ID, INTERACTION.KIND, INTERACTION.OCCURRED_AT,
                INTERACTION.USER_ID, INTERACTION.SUMMARY, INTERACTION.FOLLOW_UP, INTERACTION.FOLLOW_UP_DUE, INTERACTION.UPDATED_BY);
        var firstContacts = new ArrayList<Long>(); // per interaction, in insert order: a contact or null
        int pending = 0;
        for (var account : accounts) {
            for (int i = 0, n = random.nextInt(6); i < n; i++) {
                InteractionKind kind = kinds[random.nextInt(kinds.length)];
                var summaries = SUMMARIES.get(kind);
                LocalDateTime at = today.minusDays(random.nextInt(730)).atTime(8 + random.nextInt(10), 15 * random.nextInt(4));
                FollowUp followUp = kind == InteractionKind.COMPLAINT ? (random.nextInt(3) == 0 ? FollowUp.OPEN : FollowUp.CLOSED)
                        : kind == InteractionKind.CALL && random.nextInt(4) == 0 ? FollowUp.OPEN : FollowUp.NONE;
                LocalDate due = followUp == FollowUp.OPEN ? today.plusDays(random.nextInt(21) - 7) : null;
                insert = insert.values(account.value1(), kind.name(), at, account.value2(),
                        summaries.get(random.nextInt(summaries.size())), followUp.name(), due, "demo");
                var contacts = contactsByAccount.getOrDefault(account.value1(), List.of());
                firstContacts.add(contacts.isEmpty() ? null : contacts.get(random.nextInt(contacts.size())));
                if (++pending == BATCH) {
                    insert.execute();
                    insert = dsl.insertInto(INTERACTION, INTERACTION.ACCOUNT_ID, INTERACTION.KIND, INTERACTION.OCCURRED_AT,
                            INTERACTION.USER_ID, INTERACTION.SUMMARY, INTERACTION.FOLLOW_UP, INTERACTION.FOLLOW_UP_DUE,
                            INTERACTION.UPDATED_BY);
                    pending = 0;
                }
            }
        }
        if (pending > 0) {
            insert.execute();
        }
        List<Long> ids = dsl.select(INTERACTION.ID).from(INTERACTION).orderBy(INTERACTION.ID).fetch(INTERACTION.ID);
        var links = dsl.insertInto(INTERACTION_CONTACT, INTERACTION_CONTACT.INTERACTION_ID, INTERACTION_CONTACT.CONTACT_ID);
        int linked = 0;
        for (int i = 0; i < ids.size() && i < firstContacts.size(); i++) {
            if (firstContacts.get(i) != null) {
                links = links.values(ids.get(i), firstContacts.get(i));
                if (++linked % BATCH == 0) {
                    links.execute();
                    links = dsl.insertInto(INTERACTION_CONTACT, INTERACTION_CONTACT.INTERACTION_ID, INTERACTION_CONTACT.CONTACT_ID);
                }
            }
        }
        if (linked % BATCH != 0) {
            links.execute();
        }
    }
}

package org.crmworkbench.core.interaction;

import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.db.jooq.tables.records.InteractionRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.INTERACTION_CONTACT;

/**
 * Contact moments with an account. Whoever may see the account may log and edit its interactions;
 * edits use optimistic locking. Logging one publishes {@link AccountEvent.InteractionLogged}.
 */
public final class InteractionService {

    static final int MAX_SUMMARY = 2_000;

    private final DSLContext dsl;
    private final SecurityLog securityLog;
    private final Clock clock;
    private final Consumer<AccountEvent> events;

    public InteractionService(DSLContext dsl, Clock clock, Consumer<AccountEvent> events) {
        this.dsl = dsl;
        this.securityLog = new SecurityLog(dsl, clock);
        this.clock = clock;
        this.events = events;
    }

    /** The account's interactions, newest first; empty when the viewer may not see the account. */
    public List<Interaction> page(long accountId, UserRef viewer, int offset, int limit) {
        return fetch(INTERACTION.ACCOUNT_ID.eq(accountId).and(visible(viewer)), offset, limit);
    }

    /** The interaction, if it exists and the viewer may see its account. */
    public Optional<Interaction> find(long id, UserRef viewer) {
        return fetch(INTERACTION.ID.eq(id).and(visible(viewer)), 0, 1).stream().findFirst();
    }

    private List<Interaction> fetch(Condition condition, int offset, int limit) {
        var records = dsl.select(INTERACTION.fields()).select(APP_USER.DISPLAY_NAME)
                .from(INTERACTION).join(APP_USER).on(APP_USER.ID.eq(INTERACTION.USER_ID))
                .where(condition)
                .orderBy(INTERACTION.OCCURRED_AT.desc(), INTERACTION.ID.desc())
                .offset(offset).limit(limit)
                .fetch();
        var ids = records.map(r -> r.get(INTERACTION.ID));
        Map<Long, List<Long>> contactIds = new HashMap<>();
        Map<Long, List<String>> contactNames = new HashMap<>();
        // one query for the contacts of the whole page
        dsl.select(INTERACTION_CONTACT.INTERACTION_ID, CONTACT.ID, CONTACT.FIRST_NAME, CONTACT.LAST_NAME)
                .from(INTERACTION_CONTACT).join(CONTACT).on(CONTACT.ID.eq(INTERACTION_CONTACT.CONTACT_ID))
                .where(INTERACTION_CONTACT.INTERACTION_ID.in(ids))
                .orderBy(CONTACT.LAST_NAME, CONTACT.FIRST_NAME)
                .forEach(r -> {
                    contactIds.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2());
                    contactNames.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(r.value3() == null ? r.value4() : r.value3() + " " + r.value4());
                });
        return records.map(r -> {
            InteractionRecord i = r.into(INTERACTION);
            var data = new InteractionData(InteractionKind.valueOf(i.getKind()), i.getOccurredAt(), i.getSummary(),
                    new LinkedHashSet<>(contactIds.getOrDefault(i.getId(), List.of())), FollowUp.valueOf(i.getFollowUp()),
                    i.getFollowUpDue());
            return new Interaction(i.getId(), i.getAccountId(), data, r.get(APP_USER.DISPLAY_NAME),
                    contactNames.getOrDefault(i.getId(), List.of()), i.getVersion());
        });
    }

    public int count(long accountId, UserRef viewer) {
        return dsl.fetchCount(INTERACTION, INTERACTION.ACCOUNT_ID.eq(accountId).and(visible(viewer)));
    }

    /** The user's own open follow-ups on accounts it may still see, due first (undated last). */
    public List<OpenFollowUp> openFollowUps(UserRef user, int limit) {
        return dsl.select(INTERACTION.ID, ACCOUNT.ID, ACCOUNT.NAME, INTERACTION.KIND, INTERACTION.SUMMARY,
                        INTERACTION.FOLLOW_UP_DUE)
                .from(INTERACTION).join(ACCOUNT).on(ACCOUNT.ID.eq(INTERACTION.ACCOUNT_ID))
                .where(INTERACTION.USER_ID.eq(user.id()).and(INTERACTION.FOLLOW_UP.eq(FollowUp.OPEN.name()))
                        .and(AccountService.visibleTo(user)))
                .orderBy(INTERACTION.FOLLOW_UP_DUE.asc().nullsLast(), INTERACTION.OCCURRED_AT, INTERACTION.ID)
                .limit(limit)
                .fetch(r -> new OpenFollowUp(r.value1(), r.value2(), r.value3(), InteractionKind.valueOf(r.value4()),
                        r.value5(), r.value6()));
    }

    /** How many open follow-ups the user has. */
    public int openFollowUpCount(UserRef user) {
        return dsl.selectCount().from(INTERACTION).join(ACCOUNT).on(ACCOUNT.ID.eq(INTERACTION.ACCOUNT_ID))
                .where(INTERACTION.USER_ID.eq(user.id()).and(INTERACTION.FOLLOW_UP.eq(FollowUp.OPEN.name()))
                        .and(AccountService.visibleTo(user))).fetchSingle().value1();
    }

    /**
     * Logs an interaction by {@code by} with an account it may see.
     *
     * @throws InvalidInputException when the input breaks a rule; nothing is saved
     */
    public long add(long accountId, InteractionData data, UserRef by) {
        validate(accountId, data, by);
        long id = dsl.transactionResult(tx -> {
            var record = tx.dsl().newRecord(INTERACTION);
            record.setAccountId(accountId);
            record.setUserId(by.id());
            fill(record, data, by);
            record.store();
            storeContacts(tx.dsl(), record.getId(), data.contactIds());
            return record.getId();
        });
        events.accept(new AccountEvent.InteractionLogged(accountId, clock.instant(), id));
        return id;
    }

    /**
     * Changes an interaction that still has {@code expectedVersion}.
     *
     * @throws ConcurrentEditException when someone saved it in between, or it is gone
     * @throws InvalidInputException   when the input breaks a rule
     */
    public void update(long id, int expectedVersion, InteractionData data, UserRef by) {
        InteractionRecord current = dsl.selectFrom(INTERACTION).where(INTERACTION.ID.eq(id).and(visible(by)))
                .fetchOptional().orElseThrow(() -> new ConcurrentEditException(null, null));
        validate(current.getAccountId(), data, by);
        int updated = dsl.transactionResult(tx -> {
            var record = tx.dsl().newRecord(INTERACTION);
            fill(record, data, by);
            if (FollowUp.CLOSED.name().equals(current.getFollowUp()) && data.followUp() == FollowUp.CLOSED) {
                record.setClosedAt(current.getClosedAt()); // closed earlier: keep who closed it when
                record.setClosedBy(current.getClosedBy());
            }
            int rows = tx.dsl().update(INTERACTION).set(record).set(INTERACTION.VERSION, INTERACTION.VERSION.plus(1))
                    .where(INTERACTION.ID.eq(id).and(INTERACTION.VERSION.eq(expectedVersion))).execute();
            if (rows == 1) {
                tx.dsl().deleteFrom(INTERACTION_CONTACT).where(INTERACTION_CONTACT.INTERACTION_ID.eq(id)).execute();
                storeContacts(tx.dsl(), id, data.contactIds());
            }
            return rows;
        });
        if (updated == 0) {
            var now = dsl.selectFrom(INTERACTION).where(INTERACTION.ID.eq(id)).fetchOptional();
            throw new ConcurrentEditException(now.map(InteractionRecord::getUpdatedBy).orElse(null),
                    now.map(InteractionRecord::getUpdatedAt).orElse(null));
        }
    }

    /**
     * Deletes an interaction the user may see.
     *
     * @param expectedVersion null to delete whatever version is stored
     * @return false when there is no such interaction the user may see
     * @throws ConcurrentEditException when {@code expectedVersion} is given and someone saved it in between
     */
    public boolean delete(long id, Integer expectedVersion, UserRef by) {
        Condition version = expectedVersion == null ? DSL.trueCondition() : INTERACTION.VERSION.eq(expectedVersion);
        if (dsl.deleteFrom(INTERACTION).where(INTERACTION.ID.eq(id).and(visible(by)).and(version)).execute() == 1) {
            securityLog.deleted(by, "interaction", id);
            return true;
        }
        var now = dsl.selectFrom(INTERACTION).where(INTERACTION.ID.eq(id).and(visible(by))).fetchOptional();
        if (now.isEmpty()) {
            return false;
        }
        throw new ConcurrentEditException(now.get().getUpdatedBy(), now.get().getUpdatedAt());
    }

    Map<String, String> check(InteractionData data) {
        var errors = new LinkedHashMap<String, String>();
        if (data.kind() == null) {
            errors.put("kind", "interaction.error.kind-required");
        }
        if (data.occurredAt() == null) {
            errors.put("occurredAt", "interaction.error.date-required");
        }
        if (data.summary() == null || data.summary().isBlank()) {
            errors.put("summary", "interaction.error.summary-required");
        } else if (data.summary().strip().length() > MAX_SUMMARY) {
            errors.put("summary", "interaction.error.summary-too-long");
        }
        if (data.followUp() == null || data.kind() == InteractionKind.COMPLAINT && data.followUp() == FollowUp.NONE) {
            errors.put("followUp", "interaction.error.complaint-needs-follow-up");
        }
        if (data.followUpDue() != null && data.followUp() == FollowUp.NONE) {
            errors.put("followUpDue", "interaction.error.due-without-follow-up");
        }
        return errors;
    }

    private void validate(long accountId, InteractionData data, UserRef by) {
        var errors = check(data);
        if (!dsl.fetchExists(ACCOUNT, ACCOUNT.ID.eq(accountId).and(AccountService.visibleTo(by)))) {
            errors.put("account", "interaction.error.account");
        } else if (!data.contactIds().isEmpty()
                && dsl.fetchCount(CONTACT, CONTACT.ID.in(data.contactIds()).and(CONTACT.ACCOUNT_ID.eq(accountId)))
                != data.contactIds().size()) {
            errors.put("contactIds", "interaction.error.contacts");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void fill(InteractionRecord record, InteractionData data, UserRef by) {
        record.setKind(data.kind().name());
        record.setOccurredAt(data.occurredAt());
        record.setSummary(data.summary().strip());
        record.setFollowUp(data.followUp().name());
        record.setFollowUpDue(data.followUpDue());
        boolean closed = data.followUp() == FollowUp.CLOSED;
        record.setClosedAt(closed ? LocalDateTime.now(clock) : null);
        record.setClosedBy(closed ? by.username() : null);
        record.setUpdatedAt(LocalDateTime.now(clock));
        record.setUpdatedBy(by.username());
    }

    private static void storeContacts(DSLContext tx, long interactionId, Set<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(INTERACTION_CONTACT, INTERACTION_CONTACT.INTERACTION_ID, INTERACTION_CONTACT.CONTACT_ID);
        for (long contactId : contactIds) {
            insert = insert.values(interactionId, contactId);
        }
        insert.execute();
    }

    private static Condition visible(UserRef viewer) {
        return AccountService.seesAll(viewer) ? DSL.trueCondition()
                : INTERACTION.ACCOUNT_ID.in(DSL.select(ACCOUNT.ID).from(ACCOUNT).where(AccountService.visibleTo(viewer)));
    }
}

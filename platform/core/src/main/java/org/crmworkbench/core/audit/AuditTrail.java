package org.crmworkbench.core.audit;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountService;
import org.jooq.DSLContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.AUDIT_ENTRY;

/**
 * The audit trail: who changed what when on an account and its contacts and opportunities. Services
 * write an entry in the same transaction as the change; the account's history shows them.
 */
public final class AuditTrail {

    private static final int MAX_VALUE = 200;

    private final DSLContext dsl;
    private final Clock clock;

    public AuditTrail(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * The fields of two versions of the same data record that differ; {@code before} null for a
     * creation (then every filled-in field), {@code after} null for a deletion. {@code display} turns a field's value into text (e.g. a
     * user id into a name) and may return null for "empty"; {@link #plain} is the default.
     */
    public static <R extends Record> List<AuditEntry.Change> diff(R before, R after, BiFunction<String, Object, String> display) {
        var changes = new ArrayList<AuditEntry.Change>();
        for (RecordComponent component : (after != null ? after : before).getClass().getRecordComponents()) {
            String field = component.getName();
            String from = before == null ? null : text(display.apply(field, value(component, before)));
            String to = after == null ? null : text(display.apply(field, value(component, after)));
            if (!Objects.equals(from, to)) {
                changes.add(new AuditEntry.Change(field, from, to));
            }
        }
        return changes;
    }

    /**
     * An entry to write.
     *
     * @param accountId the account it belongs to
     * @param entity    what kind of record
     * @param entityId  which record
     * @param action    created or changed
     * @param changes   the fields
     */
    public record Write(long accountId, AuditEntry.Entity entity, long entityId, AuditEntry.Action action,
                        List<AuditEntry.Change> changes) {
    }

    /** Writes an entry, unless a change has no changed fields. */
    public void record(DSLContext tx, long accountId, AuditEntry.Entity entity, long entityId, AuditEntry.Action action,
                       List<AuditEntry.Change> changes, UserRef by) {
        insertAll(tx, List.of(new Write(accountId, entity, entityId, action, changes)), LocalDateTime.now(clock), by);
    }

    /** Writes many entries in one multi-row INSERT; changes without changed fields are left out. */
    public static void insertAll(DSLContext tx, List<Write> writes, LocalDateTime at, UserRef by) {
        var insert = tx.insertInto(AUDIT_ENTRY, AUDIT_ENTRY.ACCOUNT_ID, AUDIT_ENTRY.ENTITY, AUDIT_ENTRY.ENTITY_ID,
                AUDIT_ENTRY.ACTION, AUDIT_ENTRY.CHANGES, AUDIT_ENTRY.CHANGED_AT, AUDIT_ENTRY.CHANGED_BY);
        boolean any = false;
        for (Write write : writes) {
            if (write.action() == AuditEntry.Action.CHANGED && write.changes().isEmpty()) {
                continue;
            }
            insert = insert.values(write.accountId(), write.entity().name(), write.entityId(), write.action().name(),
                    text(write.changes()), at, by.username());
            any = true;
        }
        if (any) {
            insert.execute();
        }
    }

    /** The stored form of changes: one line per field, "field TAB old TAB new". */
    public static String text(List<AuditEntry.Change> changes) {
        var text = new StringBuilder();
        for (var change : changes) {
            text.append(change.field()).append('\t').append(orEmpty(change.from())).append('\t').append(orEmpty(change.to()))
                    .append('\n');
        }
        return text.toString();
    }

    /** The account's audit entries, newest first, paged; empty when the viewer may not see the account. */
    public List<AuditEntry> page(long accountId, UserRef viewer, int offset, int limit) {
        return dsl.select(AUDIT_ENTRY.ENTITY, AUDIT_ENTRY.ENTITY_ID, AUDIT_ENTRY.ACTION, AUDIT_ENTRY.CHANGES,
                        AUDIT_ENTRY.CHANGED_AT, AUDIT_ENTRY.CHANGED_BY)
                .from(AUDIT_ENTRY).join(ACCOUNT).on(ACCOUNT.ID.eq(AUDIT_ENTRY.ACCOUNT_ID))
                .where(AUDIT_ENTRY.ACCOUNT_ID.eq(accountId).and(AccountService.visibleTo(viewer)))
                .orderBy(AUDIT_ENTRY.CHANGED_AT.desc(), AUDIT_ENTRY.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new AuditEntry(AuditEntry.Entity.valueOf(r.value1()), r.value2(), AuditEntry.Action.valueOf(r.value3()),
                        parse(r.value4()), r.value5(), r.value6()));
    }

    public int count(long accountId, UserRef viewer) {
        return dsl.selectCount().from(AUDIT_ENTRY).join(ACCOUNT).on(ACCOUNT.ID.eq(AUDIT_ENTRY.ACCOUNT_ID))
                .where(AUDIT_ENTRY.ACCOUNT_ID.eq(accountId).and(AccountService.visibleTo(viewer))).fetchSingle().value1();
    }

    private static List<AuditEntry.Change> parse(String text) {
        var changes = new ArrayList<AuditEntry.Change>();
        if (text == null) {
            return changes;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", -1);
            if (parts.length == 3) {
                changes.add(new AuditEntry.Change(parts[0], emptyToNull(parts[1]), emptyToNull(parts[2])));
            }
        }
        return changes;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String flat = value.strip().replace('\t', ' ').replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return flat.length() > MAX_VALUE ? flat.substring(0, MAX_VALUE - 1) + "…" : flat;
    }

    /** The default way to show a value: enums by name, amounts without trailing zeros, the rest as text. */
    public static String plain(String field, Object value) {
        return switch (value) {
            case null -> null;
            case Enum<?> e -> e.name();
            case BigDecimal amount -> amount.stripTrailingZeros().toPlainString();
            case Boolean flag -> flag.toString();
            default -> value.toString();
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}

package org.crmworkbench.core.audit;

import org.crmworkbench.api.UserRef;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import static org.crmworkbench.db.jooq.Tables.SECURITY_EVENT;

/**
 * The security log ({@code crm_core.security_event}): who logged in or failed to, who installed,
 * enabled, disabled or uninstalled which plugin, and who changed which role's permissions. Append-only —
 * the table's triggers refuse updates and deletes — and shown to administrators only.
 */
public final class SecurityLog {

    /** What happened. */
    public enum Kind {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED, SECOND_FACTOR_FAILED,
        USER_CREATED, USER_CHANGED, PASSWORD_CHANGED, SESSIONS_ENDED, SECOND_FACTOR_ON, SECOND_FACTOR_OFF,
        PLUGIN_INSTALLED, PLUGIN_ENABLED, PLUGIN_DISABLED, PLUGIN_UNINSTALLED, PLUGINS_LOADED,
        PERMISSION_CHANGED, EXPORTED, DELETED
    }

    /** One entry; {@code username} and {@code address} may be null. */
    public record Event(long id, LocalDateTime at, Kind kind, String username, String address, String detail) {
    }

    private static final int MAX_DETAIL = 500;

    private final DSLContext dsl;
    private final Clock clock;

    public SecurityLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Logs that a user deleted a record of the core, e.g. {@code deleted(by, "account", 12)}. */
    public void deleted(UserRef by, String entity, long id) {
        record(Kind.DELETED, by == null ? null : by.username(), null, entity + " " + id);
    }

    /** Appends an entry (texts cut to their column's length). */
    public void record(Kind kind, String username, String address, String detail) {
        dsl.insertInto(SECURITY_EVENT, SECURITY_EVENT.OCCURRED_AT, SECURITY_EVENT.KIND, SECURITY_EVENT.USERNAME,
                        SECURITY_EVENT.ADDRESS, SECURITY_EVENT.DETAIL)
                .values(LocalDateTime.now(clock), kind.name(), cut(username, 64), cut(address, 64), cut(detail, MAX_DETAIL))
                .execute();
    }

    /** Entries of a kind (null: all), newest first. */
    public List<Event> page(Kind kind, int offset, int limit) {
        return dsl.selectFrom(SECURITY_EVENT).where(ofKind(kind))
                .orderBy(SECURITY_EVENT.OCCURRED_AT.desc(), SECURITY_EVENT.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new Event(r.getId(), r.getOccurredAt(), Kind.valueOf(r.getKind()), r.getUsername(), r.getAddress(),
                        r.getDetail()));
    }

    public int count(Kind kind) {
        return dsl.fetchCount(SECURITY_EVENT, ofKind(kind));
    }

    private static Condition ofKind(Kind kind) {
        return kind == null ? DSL.noCondition() : SECURITY_EVENT.KIND.eq(kind.name());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

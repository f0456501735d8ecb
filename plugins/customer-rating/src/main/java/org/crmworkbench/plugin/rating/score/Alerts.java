package org.crmworkbench.plugin.rating.score;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.rating.jooq.Tables.ALERT_SUBSCRIPTION;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_ALERT;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_MODEL;

/**
 * Users follow accounts and hear when one crosses a model's cut-off (written by the rating run) or
 * changes quadrant or pyramid layer (written by the customer analysis).
 */
public final class Alerts {

    private final DSLContext dsl;
    private final Clock clock;

    public Alerts(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** What changed. */
    public enum Kind {
        QUALIFIES, DISQUALIFIED, QUADRANT, LAYER;

        public String messageKey() {
            return "alert." + name().toLowerCase();
        }
    }

    /**
     * One alert.
     *
     * @param modelName the model, for cut-off alerts; null otherwise
     * @param before    the value, quadrant or layer before
     * @param after     and after
     */
    public record Alert(long id, long accountId, String accountName, Kind kind, String modelName, String before, String after,
                        LocalDateTime at) {
    }

    public boolean follows(long userId, long accountId) {
        return dsl.fetchExists(ALERT_SUBSCRIPTION, ALERT_SUBSCRIPTION.USER_ID.eq(userId).and(ALERT_SUBSCRIPTION.ACCOUNT_ID.eq(accountId)));
    }

    /** Starts or stops following an account. */
    public void follow(long userId, long accountId, boolean follow) {
        if (follow) {
            dsl.insertInto(ALERT_SUBSCRIPTION).set(ALERT_SUBSCRIPTION.USER_ID, userId).set(ALERT_SUBSCRIPTION.ACCOUNT_ID, accountId)
                    .set(ALERT_SUBSCRIPTION.CREATED_AT, LocalDateTime.now(clock).withNano(0))
                    .onDuplicateKeyIgnore().execute();
        } else {
            dsl.deleteFrom(ALERT_SUBSCRIPTION)
                    .where(ALERT_SUBSCRIPTION.USER_ID.eq(userId).and(ALERT_SUBSCRIPTION.ACCOUNT_ID.eq(accountId))).execute();
        }
    }

    /** The user's unread alerts, newest first. */
    public List<Alert> unread(long userId, int limit) {
        var a = RATING_ALERT;
        return dsl.select(a.ID, a.ACCOUNT_ID, V_ACCOUNTS.NAME, a.KIND, RATING_MODEL.NAME, a.OLD_VALUE, a.NEW_VALUE, a.CREATED_AT)
                .from(a).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(a.ACCOUNT_ID))
                .leftJoin(RATING_MODEL).on(RATING_MODEL.ID.eq(a.MODEL_ID))
                .where(a.USER_ID.eq(userId).and(a.SEEN.isFalse()))
                .orderBy(a.ID.desc()).limit(limit)
                .fetch(r -> new Alert(r.value1(), r.value2(), r.value3(), Kind.valueOf(r.value4()), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    /** The number of unread alerts, counted like {@link #unread}: on accounts that still exist. */
    public int unreadCount(long userId) {
        return dsl.fetchCount(DSL.selectOne().from(RATING_ALERT).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(RATING_ALERT.ACCOUNT_ID))
                .where(RATING_ALERT.USER_ID.eq(userId).and(RATING_ALERT.SEEN.isFalse())));
    }

    /** Marks the user's alerts read up to and including {@code lastShownId}: newer ones stay unread. */
    public void markReadUpTo(long userId, long lastShownId) {
        dsl.update(RATING_ALERT).set(RATING_ALERT.SEEN, true)
                .where(RATING_ALERT.USER_ID.eq(userId).and(RATING_ALERT.SEEN.isFalse()).and(RATING_ALERT.ID.le(lastShownId)))
                .execute();
    }
}

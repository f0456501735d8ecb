package org.crmworkbench.plugin.nps.followup;

import org.crmworkbench.api.interaction.FollowUps;
import org.crmworkbench.plugin.nps.Texts;
import org.crmworkbench.plugin.nps.campaign.Settings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.api.coreviews.Tables.V_INTERACTIONS;
import static org.crmworkbench.api.coreviews.Tables.V_USERS;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.FOLLOW_UP;

/**
 * The closed loop (DOMAIN.md section 3): every detractor answer on an account opens a follow-up
 * task for its account manager, due the configured number of days after the answer; closing it records the
 * outcome. When opening fails (e.g. the account was just deleted) the answer is kept and
 * {@link #openMissing()} tries again.
 */
public final class FollowUpLoop {

    private static final Logger log = LoggerFactory.getLogger(FollowUpLoop.class);

    /** One follow-up of a detractor answer. */
    public record Item(long answerId, long interactionId, long accountId, String accountName, String contactName,
                       int score, String comment, String campaignName, LocalDate dueOn, boolean open, String outcome,
                       String assignee) {
    }

    /** The outcome of closing a follow-up. */
    public enum Closing { CLOSED, ALREADY_CLOSED, NOT_ALLOWED }

    private final DSLContext dsl;
    private final Clock clock;
    private final Supplier<FollowUps> followUps;

    public FollowUpLoop(DSLContext dsl, Clock clock, Supplier<FollowUps> followUps) {
        this.dsl = dsl;
        this.clock = clock;
        this.followUps = followUps;
    }

    /** Opens the follow-up of one answer if it is a detractor's on an account and has none yet. */
    public void openFor(long answerId) {
        open(ANSWER.ID.eq(answerId));
    }

    /** Opens the follow-ups that are missing, at most 500 at a time; returns how many were opened. */
    public int openMissing() {
        return open(DSL.trueCondition());
    }

    private int open(Condition which) {
        var missing = dsl.select(ANSWER.ID, ANSWER.ACCOUNT_ID, ANSWER.CONTACT_ID, ANSWER.SCORE, ANSWER.COMMENT, ANSWER.ANSWERED_AT,
                        CAMPAIGN.NAME, V_CONTACTS.FIRST_NAME, V_CONTACTS.LAST_NAME, V_USERS.LOCALE)
                .from(ANSWER).join(CAMPAIGN).on(CAMPAIGN.ID.eq(ANSWER.CAMPAIGN_ID))
                .join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(ANSWER.ACCOUNT_ID))
                .leftJoin(V_CONTACTS).on(V_CONTACTS.ID.eq(ANSWER.CONTACT_ID))
                .leftJoin(V_USERS).on(V_USERS.ID.eq(V_ACCOUNTS.ACCOUNT_MANAGER_ID))
                .where(which.and(ANSWER.SCORE.le(6))
                        .andNotExists(DSL.selectOne().from(FOLLOW_UP).where(FOLLOW_UP.ANSWER_ID.eq(ANSWER.ID))))
                .orderBy(ANSWER.ID).limit(500)
                .fetch();
        if (missing.isEmpty()) {
            return 0;
        }
        int days = Settings.load(dsl).followUpDays();
        int opened = 0;
        for (var r : missing) {
            // the customer waits from the moment of answering
            LocalDate due = r.get(ANSWER.ANSWERED_AT).toLocalDate().plusDays(days);
            String language = r.get(V_USERS.LOCALE) != null && r.get(V_USERS.LOCALE).startsWith("nl") ? "nl" : "en";
            String contact = r.get(V_CONTACTS.LAST_NAME) == null ? Texts.get(language, "follow-up.anonymous")
                    : (r.get(V_CONTACTS.FIRST_NAME) == null ? "" : r.get(V_CONTACTS.FIRST_NAME) + " ") + r.get(V_CONTACTS.LAST_NAME);
            String comment = r.get(ANSWER.COMMENT) == null ? Texts.get(language, "follow-up.no-comment") : r.get(ANSWER.COMMENT);
            String summary = Texts.get(language, "follow-up.summary", r.get(ANSWER.SCORE), contact, r.get(CAMPAIGN.NAME), comment);
            if (summary.length() > 2_000) {
                summary = summary.substring(0, 2_000);
            }
            try {
                long interaction = followUps.get().open(r.get(ANSWER.ACCOUNT_ID), r.get(ANSWER.CONTACT_ID), summary, due);
                dsl.insertInto(FOLLOW_UP, FOLLOW_UP.ANSWER_ID, FOLLOW_UP.INTERACTION_ID, FOLLOW_UP.DUE_ON)
                        .values(r.get(ANSWER.ID), interaction, due).onDuplicateKeyIgnore().execute();
                opened++;
            } catch (RuntimeException e) {
                log.warn("could not open the follow-up of NPS answer {}: {}", r.get(ANSWER.ID), e.toString());
            }
        }
        return opened;
    }

    /**
     * Closes a follow-up as the current user, recording the outcome here and on the interaction.
     *
     * @throws IllegalArgumentException when the outcome is blank
     */
    public Closing close(long answerId, String outcome, String by) {
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("outcome required");
        }
        var row = dsl.select(FOLLOW_UP.INTERACTION_ID, FOLLOW_UP.CLOSED_AT).from(FOLLOW_UP)
                .where(FOLLOW_UP.ANSWER_ID.eq(answerId)).fetchOptional();
        if (row.isEmpty()) {
            return Closing.NOT_ALLOWED;
        }
        if (row.get().value2() != null) {
            return Closing.ALREADY_CLOSED;
        }
        if (!followUps.get().close(row.get().value1(), outcome.strip())) {
            boolean closedInCore = dsl.fetchExists(V_INTERACTIONS,
                    V_INTERACTIONS.ID.eq(row.get().value1()).and(V_INTERACTIONS.FOLLOW_UP.eq("CLOSED")));
            if (!closedInCore) {
                return Closing.NOT_ALLOWED;
            }
        }
        dsl.update(FOLLOW_UP).set(FOLLOW_UP.OUTCOME, outcome.strip()).set(FOLLOW_UP.CLOSED_AT, LocalDateTime.now(clock))
                .set(FOLLOW_UP.CLOSED_BY, by).where(FOLLOW_UP.ANSWER_ID.eq(answerId).and(FOLLOW_UP.CLOSED_AT.isNull()))
                .execute();
        return Closing.CLOSED;
    }

    /**
     * Follow-ups, open ones first by due date.
     *
     * @param assigneeId only those on accounts this user manages (or assigned to this user when the
     *                   account has no manager); null: everyone's
     * @param openOnly   only those still open
     */
    public List<Item> page(Long assigneeId, boolean openOnly, int offset, int limit) {
        return query(assigneeId, openOnly)
                .orderBy(DSL.when(V_INTERACTIONS.FOLLOW_UP.eq("OPEN"), 0).otherwise(1), FOLLOW_UP.DUE_ON, FOLLOW_UP.ANSWER_ID)
                .offset(offset).limit(limit)
                .fetch(r -> new Item(r.get(FOLLOW_UP.ANSWER_ID), r.get(FOLLOW_UP.INTERACTION_ID), r.get(V_ACCOUNTS.ID),
                        r.get(V_ACCOUNTS.NAME), name(r.get(V_CONTACTS.FIRST_NAME), r.get(V_CONTACTS.LAST_NAME)),
                        r.get(ANSWER.SCORE), r.get(ANSWER.COMMENT), r.get(CAMPAIGN.NAME), r.get(FOLLOW_UP.DUE_ON),
                        "OPEN".equals(r.get(V_INTERACTIONS.FOLLOW_UP)), r.get(FOLLOW_UP.OUTCOME), r.get(V_USERS.DISPLAY_NAME)));
    }

    public int count(Long assigneeId, boolean openOnly) {
        return dsl.fetchCount(query(assigneeId, openOnly));
    }

    private org.jooq.SelectConditionStep<? extends org.jooq.Record> query(Long assigneeId, boolean openOnly) {
        Condition condition = DSL.trueCondition();
        if (assigneeId != null) {
            // the account's current manager: a reassigned account takes its follow-ups along
            condition = condition.and(V_ACCOUNTS.ACCOUNT_MANAGER_ID.eq(assigneeId)
                    .or(V_ACCOUNTS.ACCOUNT_MANAGER_ID.isNull().and(V_INTERACTIONS.USER_ID.eq(assigneeId))));
        }
        if (openOnly) {
            condition = condition.and(V_INTERACTIONS.FOLLOW_UP.eq("OPEN"));
        }
        return dsl.select(FOLLOW_UP.ANSWER_ID, FOLLOW_UP.INTERACTION_ID, FOLLOW_UP.DUE_ON, FOLLOW_UP.OUTCOME,
                        V_ACCOUNTS.ID, V_ACCOUNTS.NAME, V_CONTACTS.FIRST_NAME, V_CONTACTS.LAST_NAME, ANSWER.SCORE,
                        ANSWER.COMMENT, CAMPAIGN.NAME, V_INTERACTIONS.FOLLOW_UP, V_USERS.DISPLAY_NAME)
                .from(FOLLOW_UP).join(ANSWER).on(ANSWER.ID.eq(FOLLOW_UP.ANSWER_ID))
                .join(CAMPAIGN).on(CAMPAIGN.ID.eq(ANSWER.CAMPAIGN_ID))
                .join(V_INTERACTIONS).on(V_INTERACTIONS.ID.eq(FOLLOW_UP.INTERACTION_ID))
                .join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(ANSWER.ACCOUNT_ID))
                .leftJoin(V_CONTACTS).on(V_CONTACTS.ID.eq(ANSWER.CONTACT_ID))
                .leftJoin(V_USERS).on(V_USERS.ID.eq(V_INTERACTIONS.USER_ID))
                .where(condition);
    }

    static String name(String first, String last) {
        return last == null ? "" : first == null ? last : first + " " + last;
    }
}

package org.crmworkbench.plugin.nps.results;

import org.crmworkbench.plugin.nps.campaign.Settings;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION;
import static org.crmworkbench.plugin.nps.jooq.Tables.OPT_OUT;

/** The NPS answers of one account's contacts, for the account tab and the account metric. */
public final class AccountAnswers {

    /** One answer of the account. */
    public record Answer(long id, LocalDateTime answeredAt, String contactName, String campaignName, int score,
                         String comment, String source) {
    }

    /**
     * One contact of the account.
     *
     * @param nextSurvey first day the contact may be invited again; null when opted out
     */
    public record ContactStatus(long contactId, String name, Integer lastScore, LocalDateTime lastAnswered,
                                LocalDateTime lastInvited, LocalDate nextSurvey, boolean optedOut) {
    }

    private final DSLContext dsl;

    public AccountAnswers(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Answer> page(long accountId, int offset, int limit) {
        return dsl.select(ANSWER.ID, ANSWER.ANSWERED_AT, V_CONTACTS.FIRST_NAME, V_CONTACTS.LAST_NAME, CAMPAIGN.NAME,
                        ANSWER.SCORE, ANSWER.COMMENT, ANSWER.SOURCE)
                .from(ANSWER).join(CAMPAIGN).on(CAMPAIGN.ID.eq(ANSWER.CAMPAIGN_ID))
                .leftJoin(V_CONTACTS).on(V_CONTACTS.ID.eq(ANSWER.CONTACT_ID))
                .where(ANSWER.ACCOUNT_ID.eq(accountId))
                .orderBy(ANSWER.ANSWERED_AT.desc(), ANSWER.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new Answer(r.get(ANSWER.ID), r.get(ANSWER.ANSWERED_AT),
                        name(r.get(V_CONTACTS.FIRST_NAME), r.get(V_CONTACTS.LAST_NAME)), r.get(CAMPAIGN.NAME),
                        r.get(ANSWER.SCORE), r.get(ANSWER.COMMENT), r.get(ANSWER.SOURCE)));
    }

    public int count(long accountId) {
        return dsl.fetchCount(ANSWER, ANSWER.ACCOUNT_ID.eq(accountId));
    }

    /** The counts over the account's answers from {@code from} on. */
    public Nps nps(long accountId, LocalDate from) {
        return new NpsResults(dsl).counts(ANSWER.ACCOUNT_ID.eq(accountId).and(ANSWER.ANSWERED_AT.ge(from.atStartOfDay())));
    }

    /** Every active contact of the account with its latest answer and when it may be surveyed next. */
    public List<ContactStatus> contacts(long accountId, LocalDate today) {
        int fatigue = Settings.load(dsl).fatigueDays();
        var lastAnswer = DSL.field(DSL.select(ANSWER.SCORE).from(ANSWER).where(ANSWER.CONTACT_ID.eq(V_CONTACTS.ID))
                .orderBy(ANSWER.ANSWERED_AT.desc(), ANSWER.ID.desc()).limit(1)).as("last_score");
        var lastAnswered = DSL.field(DSL.select(DSL.max(ANSWER.ANSWERED_AT)).from(ANSWER)
                .where(ANSWER.CONTACT_ID.eq(V_CONTACTS.ID))).as("last_answered");
        var lastInvited = DSL.field(DSL.select(DSL.max(INVITATION.INVITED_AT)).from(INVITATION)
                .where(INVITATION.CONTACT_ID.eq(V_CONTACTS.ID))).as("last_invited");
        var optedOut = DSL.field(DSL.exists(DSL.selectOne().from(OPT_OUT).where(OPT_OUT.CONTACT_ID.eq(V_CONTACTS.ID))))
                .as("opted_out");
        return dsl.select(V_CONTACTS.ID, V_CONTACTS.FIRST_NAME, V_CONTACTS.LAST_NAME, lastAnswer, lastAnswered, lastInvited, optedOut)
                .from(V_CONTACTS).where(V_CONTACTS.ACCOUNT_ID.eq(accountId).and(V_CONTACTS.ACTIVE.isTrue()))
                .orderBy(V_CONTACTS.LAST_NAME, V_CONTACTS.FIRST_NAME, V_CONTACTS.ID)
                .fetch(r -> {
                    LocalDateTime invited = r.get(lastInvited);
                    boolean out = Boolean.TRUE.equals(r.get(optedOut));
                    LocalDate next = out ? null : invited == null ? today : max(today, invited.toLocalDate().plusDays(fatigue));
                    return new ContactStatus(r.get(V_CONTACTS.ID), name(r.get(V_CONTACTS.FIRST_NAME), r.get(V_CONTACTS.LAST_NAME)),
                            r.get(lastAnswer), r.get(lastAnswered), invited, next, out);
                });
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static String name(String first, String last) {
        return last == null ? null : first == null ? last : first + " " + last;
    }

    /**
     * The latest answer (0–10) of each account with answers: the {@code nps-surveys.latest-answer}
     * metric other plugins (the customer rating) use.
     */
    public org.jooq.Select<org.jooq.Record2<Long, BigDecimal>> latestPerAccount() {
        var later = ANSWER.as("later");
        return dsl.select(ANSWER.ACCOUNT_ID, ANSWER.SCORE.cast(BigDecimal.class))
                .from(ANSWER)
                .where(ANSWER.ACCOUNT_ID.isNotNull())
                .andNotExists(DSL.selectOne().from(later).where(later.ACCOUNT_ID.eq(ANSWER.ACCOUNT_ID)
                        .and(later.ANSWERED_AT.gt(ANSWER.ANSWERED_AT)
                                .or(later.ANSWERED_AT.eq(ANSWER.ANSWERED_AT).and(later.ID.gt(ANSWER.ID))))));
    }
}

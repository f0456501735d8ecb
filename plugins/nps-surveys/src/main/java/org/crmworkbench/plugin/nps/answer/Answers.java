package org.crmworkbench.plugin.nps.answer;

import org.crmworkbench.plugin.nps.NpsPermissions;
import org.crmworkbench.plugin.nps.campaign.CampaignStatus;
import org.crmworkbench.plugin.nps.campaign.CustomerGroups;
import org.crmworkbench.plugin.nps.followup.FollowUpLoop;
import org.crmworkbench.plugin.nps.jooq.tables.records.CampaignRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION_TOKEN;
import static org.crmworkbench.plugin.nps.jooq.Tables.OPT_OUT;

/**
 * Storing answers, whichever way they come: a personal link (one answer per invitation, changeable
 * while the campaign runs), the anonymous link, manual entry or an import. Every stored answer gets
 * its keyword tags, and a detractor's answer on an account its follow-up task.
 */
public final class Answers {

    public static final int MAX_COMMENT = 2_000;
    /** How often one invitation's answer may be changed. */
    public static final int MAX_CHANGES = 20;

    /** How an answer came in. */
    public enum Source { LINK, ANONYMOUS, MANUAL, IMPORT }

    private final DSLContext dsl;
    private final Clock clock;
    private final FollowUpLoop loop;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Answers(DSLContext dsl, Clock clock, FollowUpLoop loop) {
        this(dsl, clock, loop, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Answers(DSLContext dsl, Clock clock, FollowUpLoop loop, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.loop = loop;
        this.requirePermission = requirePermission;
    }

    /** What a personal link leads to; never changes data. */
    public Lookup open(String token) {
        var hash = Tokens.hash(token);
        if (hash.isEmpty()) {
            return new Lookup.Unknown();
        }
        var found = dsl.select(INVITATION.ID, INVITATION.CONTACT_ID, INVITATION.LANGUAGE, ANSWER.ID, ANSWER.CHANGES, ANSWER.SCORE,
                        ANSWER.COMMENT).select(CAMPAIGN.fields())
                .from(INVITATION_TOKEN).join(INVITATION).on(INVITATION.ID.eq(INVITATION_TOKEN.INVITATION_ID))
                .join(CAMPAIGN).on(CAMPAIGN.ID.eq(INVITATION.CAMPAIGN_ID))
                .leftJoin(ANSWER).on(ANSWER.INVITATION_ID.eq(INVITATION.ID))
                .where(INVITATION_TOKEN.TOKEN_HASH.eq(hash.get()))
                .fetchOptional();
        if (found.isEmpty()) {
            return new Lookup.Unknown();
        }
        var r = found.get();
        String language = r.get(INVITATION.LANGUAGE);
        return lookup(r.into(CAMPAIGN), r.get(INVITATION.ID), r.get(INVITATION.CONTACT_ID), r.get(ANSWER.ID),
                r.get(ANSWER.CHANGES), language, r.get(ANSWER.SCORE), r.get(ANSWER.COMMENT));
    }

    /** What an anonymous campaign link leads to, in {@code language}; never changes data. */
    public Lookup openAnonymous(String token, String language) {
        var hash = Tokens.hash(token);
        if (hash.isEmpty()) {
            return new Lookup.Unknown();
        }
        return dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.ANONYMOUS_TOKEN_HASH.eq(hash.get())).fetchOptional()
                .map(campaign -> lookup(campaign, null, null, null, null, language, null, null))
                .orElseGet(Lookup.Unknown::new);
    }

    private Lookup lookup(CampaignRecord campaign, Long invitationId, Long contactId, Long answerId, Integer changes,
                          String language, Integer score, String comment) {
        LocalDate today = LocalDate.now(clock);
        if (!CampaignStatus.RUNNING.name().equals(campaign.getStatus()) || today.isAfter(campaign.getClosesOn())) {
            return new Lookup.Closed(language, false);
        }
        if (today.isBefore(campaign.getOpensOn())) {
            return new Lookup.Closed(language, true);
        }
        String question = "nl".equals(language) ? campaign.getQuestionNl() : campaign.getQuestionEn();
        String followUp = "nl".equals(language) ? campaign.getFollowUpNl() : campaign.getFollowUpEn();
        return new Lookup.Open(invitationId, contactId, answerId, changes == null ? 0 : changes, campaign.getId(), language,
                question, followUp, score, comment);
    }

    /** Stores or changes the answer of the invitation behind a personal link. */
    public Submission submit(String token, int score, String comment) {
        if (!valid(score, comment)) {
            return Submission.INVALID;
        }
        var lookup = open(token);
        if (!(lookup instanceof Lookup.Open open)) {
            return lookup instanceof Lookup.Closed ? Submission.CLOSED : Submission.UNKNOWN;
        }
        long answerId;
        boolean fresh = open.answerId() == null;
        if (!fresh) {
            if (open.changes() >= MAX_CHANGES) {
                return Submission.LIMITED;
            }
            answerId = open.answerId();
            dsl.update(ANSWER).set(ANSWER.SCORE, score).set(ANSWER.COMMENT, clean(comment))
                    .set(ANSWER.ANSWERED_AT, LocalDateTime.now(clock)).set(ANSWER.CHANGES, ANSWER.CHANGES.plus(1))
                    .where(ANSWER.ID.eq(answerId)).execute();
        } else {
            Optional<Long> stored = insert(open.campaignId(), open.invitationId(), open.contactId(), score, comment,
                    LocalDateTime.now(clock), Source.LINK, null);
            if (stored.isEmpty() && !dsl.fetchExists(ANSWER, ANSWER.INVITATION_ID.eq(open.invitationId()))) {
                // the contact is gone from the core (deleted since the invitation): keep the answer anyway
                stored = insert(open.campaignId(), open.invitationId(), null, score, comment, LocalDateTime.now(clock),
                        Source.LINK, null);
            }
            if (stored.isEmpty()) { // answered by a second tab at the same moment: that one counts
                return Submission.SAVED;
            }
            answerId = stored.get();
        }
        afterSave(answerId, score, comment, fresh);
        return Submission.SAVED;
    }

    /** Stores an answer through an anonymous campaign link: no contact, no account, no reminder. */
    public Submission submitAnonymous(String token, String language, int score, String comment) {
        if (!valid(score, comment)) {
            return Submission.INVALID;
        }
        var lookup = openAnonymous(token, language);
        if (!(lookup instanceof Lookup.Open open)) {
            return lookup instanceof Lookup.Closed ? Submission.CLOSED : Submission.UNKNOWN;
        }
        long id = insert(open.campaignId(), null, null, score, comment, LocalDateTime.now(clock), Source.ANONYMOUS, null)
                .orElseThrow();
        afterSave(id, score, comment, true);
        return Submission.SAVED;
    }

    /**
     * Records an answer from a paper or phone survey for a contact.
     *
     * @throws IllegalArgumentException when the score, comment or contact is not valid
     */
    public long enter(long campaignId, long contactId, int score, String comment, LocalDateTime answeredAt, Source source,
                      String by) {
        requirePermission.accept(NpsPermissions.MANAGE);
        if (!valid(score, comment)) {
            throw new IllegalArgumentException("score or comment out of range");
        }
        long id = insert(campaignId, null, contactId, score, comment, answeredAt, source, by)
                .orElseThrow(() -> new IllegalArgumentException("no contact " + contactId));
        afterSave(id, score, comment, true);
        return id;
    }

    /** One answer of a paper or phone survey. */
    public record Entry(long contactId, int score, String comment, LocalDateTime answeredAt) {
    }

    /**
     * Records many answers of a paper or phone survey at once, all or nothing in one transaction;
     * then suggests their tags and opens the follow-ups of the detractors.
     *
     * @param progress told the number stored so far
     * @return the ids of the new answers
     * @throws IllegalArgumentException when an entry is not valid; nothing is stored
     */
    public List<Long> enterAll(long campaignId, List<Entry> entries, Source source, String by, IntConsumer progress) {
        requirePermission.accept(NpsPermissions.MANAGE);
        for (var entry : entries) {
            if (!valid(entry.score(), entry.comment())) {
                throw new IllegalArgumentException("score or comment out of range");
            }
        }
        List<Long> ids = dsl.transactionResult(tx -> {
            var inTransaction = new Answers(tx.dsl(), clock, loop);
            var stored = new ArrayList<Long>(entries.size());
            for (var entry : entries) {
                stored.add(inTransaction.insert(campaignId, null, entry.contactId(), entry.score(), entry.comment(),
                        entry.answeredAt(), source, by).orElseThrow(() -> new IllegalArgumentException("no contact " + entry.contactId())));
                if (stored.size() % 100 == 0) {
                    progress.accept(stored.size());
                }
            }
            return stored;
        });
        progress.accept(ids.size());
        var tagging = new Tagging(dsl);
        for (int i = 0; i < ids.size(); i++) {
            tagging.suggestNew(ids.get(i), clean(entries.get(i).comment()));
        }
        int opened;
        do {
            opened = loop.openMissing(); // at most 500 per round
        } while (opened > 0);
        return ids;
    }

    /** The contact behind a personal link asks not to be surveyed again. */
    public boolean optOut(String token) {
        var hash = Tokens.hash(token);
        if (hash.isEmpty()) {
            return false;
        }
        var contact = dsl.select(INVITATION.CONTACT_ID).from(INVITATION_TOKEN)
                .join(INVITATION).on(INVITATION.ID.eq(INVITATION_TOKEN.INVITATION_ID))
                .where(INVITATION_TOKEN.TOKEN_HASH.eq(hash.get())).fetchOptional(INVITATION.CONTACT_ID);
        contact.ifPresent(id -> dsl.insertInto(OPT_OUT, OPT_OUT.CONTACT_ID, OPT_OUT.OPTED_OUT_AT)
                .values(id, LocalDateTime.now(clock)).onDuplicateKeyIgnore().execute());
        return contact.isPresent();
    }

    static boolean valid(int score, String comment) {
        return score >= 0 && score <= 10 && (comment == null || comment.strip().length() <= MAX_COMMENT);
    }

    private static String clean(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    /**
     * Inserts an answer with where the contact stood at that moment: account manager, customer group,
     * lifecycle stage and DMU role, read from the public core views in the same statement.
     */
    private Optional<Long> insert(long campaignId, Long invitationId, Long contactId, int score, String comment,
                                  LocalDateTime answeredAt, Source source, String by) {
        if (contactId == null) {
            return Optional.of(dsl.insertInto(ANSWER).set(ANSWER.CAMPAIGN_ID, campaignId)
                    .set(ANSWER.INVITATION_ID, invitationId).set(ANSWER.SCORE, score).set(ANSWER.COMMENT, clean(comment))
                    .set(ANSWER.ANSWERED_AT, answeredAt).set(ANSWER.SOURCE, source.name()).set(ANSWER.ENTERED_BY, by)
                    .returningResult(ANSWER.ID).fetchSingle().value1());
        }
        LocalDate today = answeredAt.toLocalDate();
        // an answer on paper or by phone from an invited contact counts as that invitation's answer
        // (no reminder, no second answer through the link), unless the link was answered already
        var other = ANSWER.as("other");
        Field<Long> invitation = invitationId != null ? DSL.val(invitationId, Long.class)
                : DSL.field(DSL.select(INVITATION.ID).from(INVITATION)
                        .where(INVITATION.CAMPAIGN_ID.eq(campaignId).and(INVITATION.CONTACT_ID.eq(V_CONTACTS.ID)))
                        .andNotExists(DSL.selectOne().from(other).where(other.INVITATION_ID.eq(INVITATION.ID))));
        var select = DSL.select(DSL.val(campaignId), invitation, V_ACCOUNTS.ID, V_CONTACTS.ID,
                        DSL.val(score), DSL.val(clean(comment), String.class), DSL.val(answeredAt), DSL.val(source.name()),
                        V_ACCOUNTS.ACCOUNT_MANAGER_ID, CustomerGroups.lastYear(today), V_ACCOUNTS.LIFECYCLE_STAGE,
                        V_CONTACTS.DMU_ROLE, DSL.val(by, String.class))
                .from(V_CONTACTS).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(V_CONTACTS.ACCOUNT_ID))
                .where(V_CONTACTS.ID.eq(contactId));
        // INSERT ... SELECT ... RETURNING: one round trip; nothing comes back for a duplicate invitation
        return dsl.insertInto(ANSWER, ANSWER.CAMPAIGN_ID, ANSWER.INVITATION_ID, ANSWER.ACCOUNT_ID, ANSWER.CONTACT_ID,
                        ANSWER.SCORE, ANSWER.COMMENT, ANSWER.ANSWERED_AT, ANSWER.SOURCE, ANSWER.MANAGER_ID,
                        ANSWER.CUSTOMER_GROUP, ANSWER.LIFECYCLE_STAGE, ANSWER.DMU_ROLE, ANSWER.ENTERED_BY)
                .select(select).onDuplicateKeyIgnore().returningResult(ANSWER.ID).fetchOptional()
                .map(org.jooq.Record1::value1);
    }

    /** Tags by keyword; a detractor's answer gets its follow-up (only detractors cost a query here). */
    private void afterSave(long answerId, int score, String comment, boolean fresh) {
        if (fresh) {
            new Tagging(dsl).suggestNew(answerId, clean(comment));
        } else {
            new Tagging(dsl).suggest(answerId);
        }
        if (score <= 6) {
            loop.openFor(answerId);
        }
    }
}

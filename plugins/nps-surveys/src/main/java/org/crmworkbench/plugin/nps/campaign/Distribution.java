package org.crmworkbench.plugin.nps.campaign;

import org.crmworkbench.api.mail.MailException;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.plugin.nps.NpsPermissions;
import org.crmworkbench.plugin.nps.Texts;
import org.crmworkbench.plugin.nps.answer.Tokens;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION_TOKEN;
import static org.crmworkbench.plugin.nps.jooq.Tables.OPT_OUT;

/**
 * Getting personal links to the invited contacts: a CSV of links for a mail tool, or e-mail through
 * the workbench's SMTP server with one reminder to non-responders. Every link is a fresh token
 * (only its hash is stored); earlier links of the same invitation keep working. Nothing goes to
 * contacts who opted out, who answered, or of a campaign that does not accept answers.
 */
public final class Distribution {

    /** The path of the personal answer page below {@code /public/nps-surveys/}. */
    public static final String ANSWER_PATH = "answer";
    /** The path of the anonymous answer page below {@code /public/nps-surveys/}. */
    public static final String ANONYMOUS_PATH = "open";

    /** A personal link for one invitation. */
    public record Link(long invitationId, String accountName, String contactName, String email, String language,
                       URI url) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Mailer mailer;
    private final Function<String, URI> publicUrl;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Distribution(DSLContext dsl, Clock clock, Mailer mailer, Function<String, URI> publicUrl) {
        this(dsl, clock, mailer, publicUrl, permission -> { });
    }

    /**
     * Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}.
     *
     * @param publicUrl the absolute address of a path below {@code /public/nps-surveys/}
     * @param requirePermission refuses a user without the permission a change needs
     */
    public Distribution(DSLContext dsl, Clock clock, Mailer mailer, Function<String, URI> publicUrl,
                        Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.requirePermission = requirePermission;
    }

    /** New personal links for every invitation still waiting for an answer, by account and contact. */
    public List<Link> newLinks(long campaignId) {
        requirePermission.accept(NpsPermissions.MANAGE);
        return links(waiting(campaignId, false), Integer.MAX_VALUE);
    }

    /**
     * E-mails the invitations not sent yet.
     *
     * @param progress told the number handled so far after each message
     * @return the number sent; failures are kept per invitation ({@code send_error})
     */
    public int send(long campaignId, IntConsumer progress) {
        requirePermission.accept(NpsPermissions.MANAGE);
        return mail(campaignId, waiting(campaignId, true).and(INVITATION.SENT_AT.isNull()), false, progress);
    }

    /** How many invitations are due for their one reminder now. */
    public int dueReminders(long campaignId) {
        return dsl.fetchCount(INVITATION.join(V_CONTACTS).on(V_CONTACTS.ID.eq(INVITATION.CONTACT_ID))
                .join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(INVITATION.ACCOUNT_ID)), reminderDue(campaignId));
    }

    /** Sends the one reminder to non-responders whose e-mail went out at least the campaign's reminder days ago. */
    public int remind(long campaignId, IntConsumer progress) {
        requirePermission.accept(NpsPermissions.MANAGE);
        return mail(campaignId, reminderDue(campaignId), true, progress);
    }

    /**
     * Sends the reminders that are due in every campaign that accepts answers; what the scheduled
     * {@link ReminderTask} does every hour. Nothing without an SMTP server.
     *
     * @return the number of reminders sent
     */
    public int remindAllDue() {
        if (!mailer.configured()) {
            return 0;
        }
        var running = dsl.select(CAMPAIGN.ID).from(CAMPAIGN).where(CAMPAIGN.STATUS.eq(CampaignStatus.RUNNING.name())
                .and(CAMPAIGN.CLOSES_ON.ge(LocalDate.now(clock)))).fetch(CAMPAIGN.ID);
        int sent = 0;
        for (long campaign : running) {
            if (dueReminders(campaign) > 0) {
                sent += remind(campaign, done -> { });
            }
        }
        return sent;
    }

    /** How many invitations wait to be e-mailed. */
    public int unsent(long campaignId) {
        return dsl.fetchCount(INVITATION.join(V_CONTACTS).on(V_CONTACTS.ID.eq(INVITATION.CONTACT_ID))
                .join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(INVITATION.ACCOUNT_ID)), waiting(campaignId, true).and(INVITATION.SENT_AT.isNull()));
    }

    private Condition reminderDue(long campaignId) {
        var days = dsl.select(CAMPAIGN.REMINDER_DAYS).from(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId)).fetchOne(CAMPAIGN.REMINDER_DAYS);
        if (days == null) {
            return DSL.falseCondition();
        }
        return waiting(campaignId, true).and(INVITATION.SENT_AT.le(LocalDateTime.now(clock).minusDays(days)))
                .and(INVITATION.REMINDED_AT.isNull());
    }

    /**
     * Invitations of a campaign that accepts answers (for e-mail: and has opened), not answered, of
     * contacts who are still active, have an address, still consent when the campaign asks for it and
     * did not opt out. Mail goes to the contact's current address.
     */
    private Condition waiting(long campaignId, boolean mailing) {
        LocalDate today = LocalDate.now(clock);
        var campaign = dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId)
                .and(CAMPAIGN.STATUS.eq(CampaignStatus.RUNNING.name())).and(CAMPAIGN.CLOSES_ON.ge(today))).fetchOptional();
        if (campaign.isEmpty() || mailing && campaign.get().getOpensOn().isAfter(today)) {
            return DSL.falseCondition();
        }
        Condition condition = INVITATION.CAMPAIGN_ID.eq(campaignId)
                .and(V_CONTACTS.ACTIVE.isTrue()).and(V_CONTACTS.EMAIL.isNotNull()).and(V_CONTACTS.EMAIL.ne(""))
                .andNotExists(DSL.selectOne().from(ANSWER).where(ANSWER.INVITATION_ID.eq(INVITATION.ID)))
                .andNotExists(DSL.selectOne().from(OPT_OUT).where(OPT_OUT.CONTACT_ID.eq(INVITATION.CONTACT_ID)));
        return campaign.get().getConsentOnly() ? condition.and(V_CONTACTS.EMAIL_CONSENT.isTrue()) : condition;
    }

    private List<Link> links(Condition which, int limit) {
        var rows = dsl.select(INVITATION.ID, V_ACCOUNTS.NAME, V_CONTACTS.FIRST_NAME, V_CONTACTS.LAST_NAME, V_CONTACTS.EMAIL,
                        INVITATION.LANGUAGE)
                .from(INVITATION).join(V_CONTACTS).on(V_CONTACTS.ID.eq(INVITATION.CONTACT_ID))
                .join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(INVITATION.ACCOUNT_ID))
                .where(which).orderBy(V_ACCOUNTS.NAME, V_CONTACTS.LAST_NAME, INVITATION.ID).limit(limit).fetch();
        var links = new ArrayList<Link>(rows.size());
        var now = LocalDateTime.now(clock);
        for (int from = 0; from < rows.size(); from += 1_000) {
            var insert = dsl.insertInto(INVITATION_TOKEN, INVITATION_TOKEN.TOKEN_HASH, INVITATION_TOKEN.INVITATION_ID,
                    INVITATION_TOKEN.CREATED_AT);
            for (var r : rows.subList(from, Math.min(rows.size(), from + 1_000))) {
                String token = Tokens.newToken();
                insert = insert.values(Tokens.hash(token).orElseThrow(), r.value1(), now);
                String first = r.value3();
                links.add(new Link(r.value1(), r.value2(), first == null ? r.value4() : first + " " + r.value4(), r.value5(),
                        r.value6(), publicUrl.apply(ANSWER_PATH + "/" + token)));
            }
            insert.execute();
        }
        return links;
    }

    private int mail(long campaignId, Condition which, boolean reminder, IntConsumer progress) {
        if (!mailer.configured()) {
            throw new MailException("no SMTP server is configured", null);
        }
        String organisation = Settings.load(dsl).organisation();
        var questions = dsl.select(CAMPAIGN.QUESTION_EN, CAMPAIGN.QUESTION_NL).from(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId))
                .fetchSingle();
        var stamp = reminder ? INVITATION.REMINDED_AT : INVITATION.SENT_AT;
        int sent = 0;
        int handled = 0;
        // a fixed list; each invitation is claimed before its message goes out, so the hourly task, the
        // button and other nodes never send the same invitation or reminder twice
        for (var link : links(which, 100_000)) {
            LocalDateTime now = LocalDateTime.now(clock);
            boolean claimed = dsl.update(INVITATION).set(stamp, now)
                    .where(INVITATION.ID.eq(link.invitationId()).and(stamp.isNull())).execute() == 1;
            if (claimed) {
                String language = link.language();
                String question = "nl".equals(language) ? questions.value2() : questions.value1();
                String subject = Texts.get(language, reminder ? "mail.reminder-subject" : "mail.subject", organisation);
                String text = Texts.get(language, reminder ? "mail.reminder-body" : "mail.body", link.contactName(), question,
                        link.url().toString(), organisation);
                try {
                    mailer.send(link.email(), subject, text);
                    dsl.update(INVITATION).setNull(INVITATION.SEND_ERROR).where(INVITATION.ID.eq(link.invitationId())).execute();
                    sent++;
                } catch (MailException e) {
                    String error = e.getMessage() == null ? e.toString() : e.getMessage();
                    // an invitation that failed is tried again next time; a reminder is not (one attempt only)
                    var failed = dsl.update(INVITATION).set(INVITATION.SEND_ERROR, error.length() > 500 ? error.substring(0, 500) : error);
                    (reminder ? failed : failed.setNull(INVITATION.SENT_AT)).where(INVITATION.ID.eq(link.invitationId())).execute();
                }
            }
            progress.accept(++handled);
        }
        return sent;
    }
}

package org.crmworkbench.plugin.nps;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.interaction.CoreFollowUps;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.core.mail.SmtpMailer;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.plugin.nps.answer.Answers;
import org.crmworkbench.plugin.nps.answer.Lookup;
import org.crmworkbench.plugin.nps.answer.Submission;
import org.crmworkbench.plugin.nps.answer.Tagging;
import org.crmworkbench.plugin.nps.campaign.CampaignChangedException;
import org.crmworkbench.plugin.nps.campaign.CampaignInput;
import org.crmworkbench.plugin.nps.campaign.CampaignRejectedException;
import org.crmworkbench.plugin.nps.campaign.CampaignStatus;
import org.crmworkbench.plugin.nps.campaign.Campaigns;
import org.crmworkbench.plugin.nps.campaign.Distribution;
import org.crmworkbench.plugin.nps.followup.FollowUpLoop;
import org.crmworkbench.plugin.nps.results.AccountAnswers;
import org.crmworkbench.plugin.nps.results.Breakdown;
import org.crmworkbench.plugin.nps.results.Category;
import org.crmworkbench.plugin.nps.results.Nps;
import org.crmworkbench.plugin.nps.results.NpsResults;
import org.crmworkbench.plugin.nps.results.ResultFilter;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.FOLLOW_UP;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION_TOKEN;
import static org.crmworkbench.plugin.nps.jooq.Tables.OPT_OUT;
import static org.crmworkbench.plugin.nps.jooq.Tables.SETTINGS;

/**
 * The NPS plugin's services on a real MariaDB with the core's follow-ups and a local SMTP server
 * (GreenMail): inviting with consent, opt-out and fatigue, tokens, answering, reminders, the closed
 * loop, tags and the results.
 */
class NpsSurveysIT {

    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final Pattern LINK = Pattern.compile("https://crm\\.example\\.com/public/nps-surveys/answer/([A-Za-z0-9_-]{43})");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private GreenMail smtp;
    private UserRef manager;
    private UserRef signedIn;
    private FollowUpLoop loop;
    private Campaigns campaigns;
    private Answers answers;
    private Distribution distribution;
    private final NpsResults results = new NpsResults(dsl);

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas("crm_nps_surveys")
                .createSchemas(true).locations("classpath:db/crm_nps_surveys").load().migrate();
    }

    @BeforeEach
    void setUp() {
        dsl.deleteFrom(CAMPAIGN).execute();
        dsl.deleteFrom(OPT_OUT).execute();
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.update(SETTINGS).set(SETTINGS.FATIGUE_DAYS, 90).set(SETTINGS.FOLLOW_UP_DAYS, 5)
                .set(SETTINGS.ORGANISATION, "Acme").execute();
        manager = user("nps-manager", Role.MANAGER);
        signedIn = manager;
        var followUps = new CoreFollowUps(dsl, new InteractionService(dsl, clock, event -> { }), new CurrentUser() {
            @Override
            public Optional<UserRef> user() {
                return Optional.ofNullable(signedIn);
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }
        }, clock);
        loop = new FollowUpLoop(dsl, clock, () -> followUps);
        campaigns = new Campaigns(dsl, clock);
        answers = new Answers(dsl, clock, loop);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        distribution = new Distribution(dsl, clock, new SmtpMailer(sender, "survey@acme.example"),
                path -> URI.create("https://crm.example.com/public/nps-surveys/" + path));
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void invitations_honour_consent_opt_out_role_and_the_fatigue_rule() {
        long account = account("Bakkerij Jansen", "NL", "LOYAL_CUSTOMER");
        long consenting = contact(account, "Anna", "anna@jansen.example", true, "DECIDER");
        contact(account, "Bram", "bram@jansen.example", false, "DECIDER");
        long optedOut = contact(account, "Cor", "cor@jansen.example", true, "DECIDER");
        contact(account, "Dirk", null, true, "DECIDER");
        contact(account, "Eva", "eva@jansen.example", true, "USER");
        dsl.insertInto(OPT_OUT, OPT_OUT.CONTACT_ID, OPT_OUT.OPTED_OUT_AT).values(optedOut, LocalDateTime.now(clock)).execute();
        var input = input("Spring", Set.of("DECIDER"));

        assertThat(campaigns.countTargets(input, null)).isEqualTo(1);
        long spring = campaigns.create(input, "m");
        assertThat(campaigns.start(spring, 0)).isEqualTo(1);
        assertThat(dsl.select(INVITATION.CONTACT_ID, INVITATION.LANGUAGE).from(INVITATION).fetchOne().intoArray())
                .containsExactly(consenting, "nl");
        // inviting again adds nobody
        assertThat(campaigns.invite(spring)).isZero();

        // within 90 days of that invitation Anna is not invited to another campaign; after it she is
        long summer = campaigns.create(input("Summer", Set.of()), "m");
        assertThat(campaigns.start(summer, 0)).isEqualTo(1); // Eva only
        dsl.update(CAMPAIGN).set(CAMPAIGN.CLOSES_ON, LocalDate.of(2026, 12, 31)).where(CAMPAIGN.ID.eq(summer)).execute();
        clock.advance(Duration.ofDays(91));
        assertThat(campaigns.invite(summer)).isEqualTo(1); // Anna now
    }

    @Test
    void a_token_answers_once_may_change_while_running_and_unknown_or_closed_links_change_nothing() {
        long account = account("Jansen", "NL", "LOYAL_CUSTOMER");
        contact(account, "Anna", "anna@jansen.example", true, "DECIDER");
        long campaign = startedCampaign("Token test");
        String token = token(distribution.newLinks(campaign).getFirst().url());

        assertThat(answers.open(token)).isInstanceOfSatisfying(Lookup.Open.class, open -> {
            assertThat(open.language()).isEqualTo("nl");
            assertThat(open.score()).isNull();
        });
        assertThat(answers.submit(token, 9, "Prima service")).isEqualTo(Submission.SAVED);
        assertThat(answers.submit(token, 10, "Uitstekende service")).isEqualTo(Submission.SAVED);
        assertThat(dsl.fetchCount(ANSWER)).isEqualTo(1);
        assertThat(dsl.select(ANSWER.SCORE, ANSWER.CHANGES).from(ANSWER).fetchOne().intoArray()).containsExactly(10, 1);
        assertThat(answers.open(token)).isInstanceOfSatisfying(Lookup.Open.class, open -> assertThat(open.score()).isEqualTo(10));

        // unknown and malformed tokens
        assertThat(answers.open(org.crmworkbench.plugin.nps.answer.Tokens.newToken())).isInstanceOf(Lookup.Unknown.class);
        assertThat(answers.submit("not-a-token", 3, null)).isEqualTo(Submission.UNKNOWN);
        assertThat(answers.submit(token, 11, null)).isEqualTo(Submission.INVALID);

        // expired: past the closing date; closed: status closed
        clock.advance(Duration.ofDays(40));
        assertThat(answers.open(token)).isInstanceOf(Lookup.Closed.class);
        assertThat(answers.submit(token, 2, "too late")).isEqualTo(Submission.CLOSED);
        clock.advance(Duration.ofDays(-40));
        var current = campaigns.find(campaign).orElseThrow();
        campaigns.close(campaign, current.version());
        assertThat(answers.submit(token, 2, "closed")).isEqualTo(Submission.CLOSED);
        assertThat(dsl.select(ANSWER.SCORE).from(ANSWER).fetchOne(ANSWER.SCORE)).isEqualTo(10);
        // the database holds only hashes
        assertThat(dsl.fetchCount(INVITATION_TOKEN)).isEqualTo(1);
        assertThat(new String(dsl.select(INVITATION_TOKEN.TOKEN_HASH).from(INVITATION_TOKEN).fetchOne().value1(),
                java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }

    @Test
    void e_mail_goes_to_the_smtp_server_with_a_working_link_and_one_reminder_reaches_only_non_responders() throws Exception {
        long account = account("Jansen", "GB", "LOYAL_CUSTOMER");
        contact(account, "Anna", "anna@jansen.example", true, "DECIDER");
        contact(account, "Bert", "bert@jansen.example", true, "BUYER");
        long campaign = startedCampaign("Mail test");

        assertThat(distribution.send(campaign, done -> { })).isEqualTo(2);
        var messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(2);
        var toAnna = recipient(messages[0]).equals("anna@jansen.example") ? messages[0] : messages[1];
        assertThat(toAnna.getSubject()).contains("Acme");
        String body = GreenMailUtil.getBody(toAnna).replace("=\r\n", "");
        assertThat(body).contains("Anna", "How likely is it");
        var matcher = LINK.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        assertThat(answers.submit(matcher.group(1), 8, null)).isEqualTo(Submission.SAVED);
        // nothing is sent twice
        assertThat(distribution.send(campaign, done -> { })).isZero();

        // reminders: not before the campaign's 7 days, then only to Bert, once
        assertThat(distribution.dueReminders(campaign)).isZero();
        clock.advance(Duration.ofDays(7));
        assertThat(distribution.dueReminders(campaign)).isEqualTo(1);
        assertThat(distribution.remindAllDue()).as("what the hourly task does").isEqualTo(1);
        var reminder = smtp.getReceivedMessages()[2];
        assertThat(GreenMailUtil.getAddressList(reminder.getAllRecipients())).isEqualTo("bert@jansen.example");
        String reminderLink = matchLink(GreenMailUtil.getBody(reminder).replace("=\r\n", ""));
        assertThat(answers.open(reminderLink)).isInstanceOf(Lookup.Open.class);
        assertThat(distribution.remind(campaign, done -> { })).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void an_answer_entered_by_hand_counts_for_the_invitation_and_nobody_is_invited_after_the_close() {
        long account = account("Jansen", "NL", "LOYAL_CUSTOMER");
        long anna = contact(account, "Anna", "anna@jansen.example", true, "DECIDER");
        contact(account, "Bert", "bert@jansen.example", true, "BUYER");
        long campaign = startedCampaign("Paper test");
        assertThat(distribution.send(campaign, done -> { })).isEqualTo(2);
        answers.enter(campaign, anna, 9, "By phone", LocalDateTime.now(clock), Answers.Source.MANUAL, "m");
        assertThat(dsl.select(ANSWER.INVITATION_ID).from(ANSWER).fetchOne(ANSWER.INVITATION_ID)).isNotNull();
        clock.advance(Duration.ofDays(7));
        assertThat(distribution.dueReminders(campaign)).as("Bert only: Anna answered by phone").isEqualTo(1);
        assertThat(results.responseRate(ResultFilter.campaign(campaign))).contains(new BigDecimal("50.0"));

        contact(account, "Cor", "cor@jansen.example", true, "USER");
        clock.advance(Duration.ofDays(30)); // past 30 June
        assertThat(campaigns.invite(campaign)).isZero();
        assertThat(distribution.send(campaign, done -> { })).isZero();
    }

    @Test
    void an_opt_out_stops_mail_and_later_campaigns() {
        long account = account("Jansen", "NL", "LOYAL_CUSTOMER");
        long anna = contact(account, "Anna", "anna@jansen.example", true, "DECIDER");
        long campaign = startedCampaign("Opt-out test");
        String token = token(distribution.newLinks(campaign).getFirst().url());
        assertThat(answers.optOut(token)).isTrue();
        assertThat(distribution.send(campaign, done -> { })).isZero();
        assertThat(distribution.newLinks(campaign)).isEmpty();
        clock.advance(Duration.ofDays(200));
        long later = campaigns.create(input("Later", Set.of()), "m");
        assertThat(campaigns.start(later, 0)).isZero();
        assertThat(dsl.fetchExists(OPT_OUT, OPT_OUT.CONTACT_ID.eq(anna))).isTrue();
    }

    @Test
    void a_detractor_answer_opens_a_follow_up_for_the_account_manager_and_closing_records_the_outcome() {
        long account = account("Jansen", "NL", "LOYAL_CUSTOMER");
        long anna = contact(account, "Anna", "anna@jansen.example", true, "DECIDER");
        long campaign = startedCampaign("Loop test");
        String token = token(distribution.newLinks(campaign).getFirst().url());

        assertThat(answers.submit(token, 4, "Levering was te laat")).isEqualTo(Submission.SAVED);
        var interaction = dsl.selectFrom(INTERACTION).where(INTERACTION.ACCOUNT_ID.eq(account)).fetchSingle();
        assertThat(interaction.getKind()).isEqualTo("COMPLAINT");
        assertThat(interaction.getFollowUp()).isEqualTo("OPEN");
        assertThat(interaction.getUserId()).isEqualTo(manager.id());
        assertThat(interaction.getFollowUpDue()).isEqualTo(LocalDate.of(2026, 6, 6));
        assertThat(interaction.getSummary()).contains("4", "Anna", "Loop test", "Levering was te laat");
        // changing the answer does not open a second one
        assertThat(answers.submit(token, 3, "Levering was te laat")).isEqualTo(Submission.SAVED);
        assertThat(dsl.fetchCount(FOLLOW_UP)).isEqualTo(1);
        assertThat(loop.page(manager.id(), true, 0, 10)).singleElement().satisfies(item -> {
            assertThat(item.contactName()).isEqualTo("Anna Jansen");
            assertThat(item.open()).isTrue();
        });

        long answerId = dsl.select(ANSWER.ID).from(ANSWER).fetchOne(ANSWER.ID);
        assertThatThrownBy(() -> loop.close(answerId, " ", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThat(loop.close(answerId, "Called Anna, credited the delivery costs", "m")).isEqualTo(FollowUpLoop.Closing.CLOSED);
        var closed = dsl.selectFrom(INTERACTION).where(INTERACTION.ID.eq(interaction.getId())).fetchSingle();
        assertThat(closed.getFollowUp()).isEqualTo("CLOSED");
        assertThat(closed.getSummary()).endsWith("Called Anna, credited the delivery costs");
        assertThat(dsl.select(FOLLOW_UP.OUTCOME).from(FOLLOW_UP).fetchOne(FOLLOW_UP.OUTCOME))
                .isEqualTo("Called Anna, credited the delivery costs");
        assertThat(loop.page(manager.id(), true, 0, 10)).isEmpty();
        assertThat(loop.close(answerId, "again", "m")).isEqualTo(FollowUpLoop.Closing.ALREADY_CLOSED);

        // passives and promoters open nothing
        long other = answers.enter(campaign, anna, 7, "ok", LocalDateTime.now(clock), Answers.Source.MANUAL, "m");
        assertThat(dsl.fetchExists(FOLLOW_UP, FOLLOW_UP.ANSWER_ID.eq(other))).isFalse();
    }

    @Test
    void keyword_rules_suggest_tags_and_a_hand_set_choice_wins() {
        long account = account("Jansen", "NL", "LOYAL_CUSTOMER");
        long anna = contact(account, "Anna", "anna@jansen.example", true, "DECIDER");
        long campaign = startedCampaign("Tag test");
        long answer = answers.enter(campaign, anna, 5, "Te DUUR en de levering kwam te laat", LocalDateTime.now(clock),
                Answers.Source.MANUAL, "m");
        var tagging = new Tagging(dsl);
        var names = tagging.tagsOf(List.of(answer)).get(answer).stream()
                .map(id -> tagging.tags().stream().filter(t -> t.id() == id).findFirst().orElseThrow().nameEn()).toList();
        assertThat(names).containsExactlyInAnyOrder("Price", "Delivery");
        // "laat" does not match inside another word; "service" does not occur
        long quality = tagging.tags().stream().filter(t -> t.nameEn().equals("Quality")).findFirst().orElseThrow().id();
        tagging.set(answer, Set.of(quality));
        assertThat(tagging.tagsOf(List.of(answer)).get(answer)).containsExactly(quality);
        tagging.suggest(answer);
        assertThat(tagging.tagsOf(List.of(answer)).get(answer)).containsExactly(quality);
        assertThat(results.breakdown(ResultFilter.campaign(campaign), Breakdown.TAG)).singleElement()
                .satisfies(row -> assertThat(row.nps()).isEqualTo(new Nps(0, 0, 1)));
    }

    @Test
    void results_count_categories_response_rate_breakdowns_and_show_no_score_without_answers() {
        long account = account("Jansen", "NL", "LOYAL_CUSTOMER");
        long other = account("Pietersen", "NL", "NEW_CUSTOMER");
        long campaign = startedCampaign("Results test");
        assertThat(results.overall(ResultFilter.campaign(campaign)).format(Locale.ENGLISH)).isEqualTo("—");
        assertThat(results.responseRate(ResultFilter.campaign(campaign))).isEmpty();

        int[] scores = {10, 9, 9, 10, 9, 8, 7, 7, 6, 0};
        for (int i = 0; i < scores.length; i++) {
            long contact = contact(i < 6 ? account : other, "C" + i, "c" + i + "@x.example", true, i % 2 == 0 ? "DECIDER" : "USER");
            answers.enter(campaign, contact, scores[i], null, LocalDateTime.now(clock), Answers.Source.IMPORT, "m");
        }
        var overall = results.overall(ResultFilter.campaign(campaign));
        assertThat(overall).isEqualTo(new Nps(5, 3, 2));
        assertThat(overall.format(Locale.ENGLISH)).isEqualTo("30");
        assertThat(results.breakdown(ResultFilter.campaign(campaign), Breakdown.STAGE))
                .extracting(NpsResults.Row::key, NpsResults.Row::nps)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LOYAL_CUSTOMER", new Nps(5, 1, 0)),
                        org.assertj.core.groups.Tuple.tuple("NEW_CUSTOMER", new Nps(0, 2, 2)));
        assertThat(results.breakdown(ResultFilter.campaign(campaign), Breakdown.MANAGER)).singleElement()
                .satisfies(row -> assertThat(row.name()).isEqualTo("nps-manager"));
        assertThat(results.breakdown(ResultFilter.campaign(campaign), Breakdown.DMU_ROLE)).hasSize(2);
        // the group is where the account stood when answering: the first detractor's follow-up (an
        // interaction) made the other account POTENTIAL for the last answer
        assertThat(results.breakdown(ResultFilter.campaign(campaign), Breakdown.GROUP)).extracting(NpsResults.Row::key)
                .containsExactly("POSSIBLY_INTERESTED", "POTENTIAL");
        // the one-pass report of the results page says the same as the breakdowns one by one
        var report = results.report(ResultFilter.campaign(campaign));
        assertThat(report.overall()).isEqualTo(new Nps(5, 3, 2));
        for (var breakdown : NpsResults.IN_REPORT) {
            assertThat(report.breakdowns().get(breakdown)).as(breakdown.name())
                    .containsExactlyInAnyOrderElementsOf(results.breakdown(ResultFilter.campaign(campaign), breakdown));
        }
        assertThat(results.trend(ResultFilter.ALL, LocalDate.now(clock), 3)).extracting(NpsResults.Row::key)
                .containsExactly("2026-04", "2026-05", "2026-06");
        assertThat(results.trend(ResultFilter.ALL, LocalDate.now(clock), 3).getFirst().nps().format(Locale.ENGLISH)).isEqualTo("—");
        assertThat(results.comments(new NpsResults.CommentFilter(ResultFilter.ALL, Category.DETRACTOR, null, null), 0, 10)).isEmpty();
        // two detractors on an account: two follow-ups
        assertThat(dsl.fetchCount(FOLLOW_UP)).isEqualTo(2);
        // response rate: the 10 entered answers had no invitation
        assertThat(results.invitations(ResultFilter.campaign(campaign))).isZero();

        // the metric: the latest answer per account
        var latest = dsl.fetch(new AccountAnswers(dsl).latestPerAccount()).intoMap(r -> r.value1(), r -> r.value2());
        assertThat(latest.get(account)).isEqualByComparingTo(new BigDecimal("8"));
        assertThat(latest.get(other)).isEqualByComparingTo(new BigDecimal("0"));
    }

    @Test
    void a_campaign_needs_names_questions_and_ordered_dates_and_stale_saves_are_refused() {
        var bad = new CampaignInput(" ", "", "q", null, null, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 1),
                Set.of("NOPE"), Set.of(), null, Set.of(), true, 0);
        assertThatThrownBy(() -> campaigns.create(bad, "m")).isInstanceOfSatisfying(CampaignRejectedException.class,
                e -> assertThat(e.errors()).containsKeys("name", "questionEn", "closesOn", "stages", "reminderDays"));
        assertThat(dsl.fetchCount(CAMPAIGN)).isZero();
        long id = campaigns.create(input("Edit", Set.of()), "m");
        assertThatThrownBy(() -> campaigns.create(input("Edit", Set.of()), "m")).isInstanceOf(CampaignRejectedException.class);
        campaigns.update(id, 0, input("Edited", Set.of()), "a");
        assertThatThrownBy(() -> campaigns.update(id, 0, input("Mine", Set.of()), "b")).isInstanceOf(CampaignChangedException.class);
        assertThat(campaigns.find(id).orElseThrow().name()).isEqualTo("Edited");
        assertThat(campaigns.find(id).orElseThrow().status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(Campaigns.defaultQuestion("en", "Acme")).contains("Acme", "0 to 10");
        assertThat(Campaigns.defaultQuestion("nl", "Acme")).contains("Acme", "0 tot 10");
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long startedCampaign(String name) {
        long id = campaigns.create(input(name, Set.of()), "m");
        campaigns.start(id, 0);
        return id;
    }

    private CampaignInput input(String name, Set<String> roles) {
        return new CampaignInput(name, Campaigns.defaultQuestion("en", "Acme"), Campaigns.defaultQuestion("nl", "Acme"),
                null, null, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), Set.of(), Set.of(), null, roles, true, 7);
    }

    private static String token(URI url) {
        return matchLink(url.toString());
    }

    private static String matchLink(String text) {
        var matcher = LINK.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private UserRef user(String username, Role role) {
        var existing = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional();
        long id = existing.map(r -> r.getId()).orElseGet(() -> {
            long created = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH)
                    .values(username, username, "x").returningResult(APP_USER.ID).fetchSingle().value1();
            dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE).values(created, role.name()).execute();
            return created;
        });
        return new UserRef(id, username, username, Set.of(role));
    }

    private long account(String name, String country, String stage) {
        return dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.COUNTRY, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ACCOUNT_MANAGER_ID)
                .values(name, country, stage, manager.id()).returningResult(ACCOUNT.ID).fetchSingle().value1();
    }

    private long contact(long account, String first, String email, boolean consent, String role) {
        return dsl.insertInto(CONTACT, CONTACT.ACCOUNT_ID, CONTACT.FIRST_NAME, CONTACT.LAST_NAME, CONTACT.EMAIL,
                        CONTACT.EMAIL_CONSENT, CONTACT.DMU_ROLE)
                .values(account, first, "Jansen", email, consent, role).returningResult(CONTACT.ID).fetchSingle().value1();
    }
}

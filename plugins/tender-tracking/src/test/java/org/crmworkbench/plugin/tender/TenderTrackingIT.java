package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.CoreAccounts;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.plugin.tender.award.AwardMethod;
import org.crmworkbench.plugin.tender.award.AwardResult.Ranked;
import org.crmworkbench.plugin.tender.award.Awards;
import org.crmworkbench.plugin.tender.award.PriceFormula;
import org.crmworkbench.plugin.tender.decision.BidCriterion;
import org.crmworkbench.plugin.tender.decision.BidDecisions;
import org.crmworkbench.plugin.tender.decision.Decision;
import org.crmworkbench.plugin.tender.decision.Recommendation;
import org.crmworkbench.plugin.tender.register.KeyDates;
import org.crmworkbench.plugin.tender.register.LostReason;
import org.crmworkbench.plugin.tender.register.ProcedureType;
import org.crmworkbench.plugin.tender.register.Tender;
import org.crmworkbench.plugin.tender.register.TenderInput;
import org.crmworkbench.plugin.tender.register.TenderParts;
import org.crmworkbench.plugin.tender.register.TenderParts.LotStatus;
import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.crmworkbench.plugin.tender.register.Tenders;
import org.crmworkbench.plugin.tender.register.Tenders.Search;
import org.crmworkbench.plugin.tender.register.Tenders.Sort;
import org.crmworkbench.plugin.tender.register.Tenders.StatusChange;
import org.crmworkbench.plugin.tender.work.BidWork;
import org.crmworkbench.plugin.tender.work.Deadline;
import org.crmworkbench.plugin.tender.work.DeadlineKind;
import org.crmworkbench.plugin.tender.work.Deadlines;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.OPPORTUNITY;
import static org.crmworkbench.plugin.tender.jooq.Tables.BID_CHECK;
import static org.crmworkbench.plugin.tender.jooq.Tables.BID_CRITERION;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_SETTINGS;

/**
 * The tender-tracking plugin's services on a real MariaDB: the register with validation, optimistic
 * locking, search and totals; the pipeline with the bid/no-bid decision and a won tender recorded in
 * core through the real {@link CoreAccounts}; deadlines; the award analysis; lots, documents, team,
 * questions and tasks.
 */
class TenderTrackingIT {

    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final TenderDatabase core = new TenderDatabase(clock);
    private final AtomicReference<UserRef> signedIn = core.signedIn;
    private final CoreAccounts accounts = core.accounts;
    private final Tenders tenders = new Tenders(dsl, clock, accounts);
    private final BidDecisions decisions = new BidDecisions(dsl, clock);
    private final Deadlines deadlines = new Deadlines(dsl, clock);
    private final Awards awards = new Awards(dsl);
    private final TenderParts parts = new TenderParts(dsl, clock);
    private final BidWork work = new BidWork(dsl);
    private UserRef manager;
    private UserRef sales;
    private long zwolle;
    private long utrecht;

    @BeforeAll
    static void migrate() {
        TenderDatabase.migrate();
    }

    @BeforeEach
    void setUp() {
        dsl.deleteFrom(TENDER).execute();
        dsl.update(TENDER_SETTINGS).set(TENDER_SETTINGS.BID_THRESHOLD, 70).set(TENDER_SETTINGS.REVIEW_THRESHOLD, 50)
                .set(TENDER_SETTINGS.WARNING_DAYS, 14).execute();
        dsl.update(BID_CHECK).set(BID_CHECK.ACTIVE, true).execute();
        dsl.update(BID_CRITERION).set(BID_CRITERION.ACTIVE, true).execute();
        dsl.deleteFrom(ACCOUNT).execute();
        manager = user("tt-manager", "Marieke Manager", Role.MANAGER);
        sales = user("tt-sales", "Sanne Sales", Role.SALES);
        signedIn.set(manager);
        zwolle = account("Gemeente Zwolle");
        utrecht = account("Provincie Utrecht");
    }

    // ---------------------------------------------------------------- register

    @Test
    void a_new_tender_starts_identified_with_its_fields_normalised_and_a_first_history_entry() {
        long id = tenders.create(new TenderInput("  Onderhoud openbare verlichting ", zwolle, " ZW-2026-14 ", "TenderNed",
                "45000000-7  45316000; 45000000-7", ProcedureType.OPEN, new BigDecimal("250000.00"), "eur",
                new KeyDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 20), null, null,
                        LocalDate.of(2026, 6, 1), LocalDate.of(2028, 5, 31)),
                manager.id(), AwardMethod.PRICE_QUALITY, PriceFormula.LINEAR, null, " learn ", 40), "tester");

        Tender tender = tenders.find(id).orElseThrow();
        assertThat(tender.status()).isEqualTo(TenderStatus.IDENTIFIED);
        assertThat(tender.title()).isEqualTo("Onderhoud openbare verlichting");
        assertThat(tender.authorityName()).isEqualTo("Gemeente Zwolle");
        assertThat(tender.ownerName()).isEqualTo("Marieke Manager");
        assertThat(tender.input().reference()).isEqualTo("ZW-2026-14");
        assertThat(tender.input().cpvCodes()).isEqualTo("45000000-7, 45316000");
        assertThat(tender.input().currency()).isEqualTo("EUR");
        assertThat(tender.input().estimatedValue()).isEqualByComparingTo("250000");
        assertThat(tender.input().dates().submissionDeadline()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(tender.input().awardMethod()).isEqualTo(AwardMethod.PRICE_QUALITY);
        assertThat(tender.input().priceFormula()).isEqualTo(PriceFormula.LINEAR);
        assertThat(tender.input().lessons()).isEqualTo("learn");
        assertThat(tender.input().effortHours()).isEqualTo(40);
        assertThat(tender.opportunityId()).isNull();
        assertThat(tender.version()).isZero();
        assertThat(tender.updatedAt()).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 0));
        assertThat(tender.updatedBy()).isEqualTo("tester");
        assertThat(tenders.history(id)).containsExactly(
                new StatusChange(null, TenderStatus.IDENTIFIED, LocalDateTime.of(2026, 3, 2, 10, 0), "tester"));
    }

    @Test
    void a_blank_title_a_bad_cpv_code_and_a_submission_before_the_publication_are_rejected_by_field_and_nothing_is_saved() {
        var bad = new TenderInput(" ", zwolle, "", "", "4500", ProcedureType.OPEN, null, "EUR",
                new KeyDates(LocalDate.of(2026, 3, 10), null, LocalDate.of(2026, 3, 1), null, null, null, null),
                null, AwardMethod.LOWEST_PRICE, PriceFormula.RELATIVE, null, "", null);

        assertThatThrownBy(() -> tenders.create(bad, "tester")).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("title", "tender.error.title-required"), entry("cpvCodes", "tender.error.cpv"),
                        entry("submissionDeadline", "tender.error.date-order")));
        assertThatThrownBy(() -> tenders.create(input("Gone", -1L, null), "tester")).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("authority", "tender.error.authority-gone")));
        assertThatThrownBy(() -> tenders.create(input("No authority", null, null).withValue(new BigDecimal("-1")), "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors())
                        .containsOnly(entry("authority", "tender.error.authority-required"), entry("estimatedValue", "tender.error.value")));
        assertThat(dsl.fetchCount(TENDER)).isZero();
    }

    @Test
    void an_update_saves_with_the_current_version_and_a_stale_version_is_refused_as_changed_meanwhile() {
        long id = tenders.create(input("Schoonmaak stadhuis", zwolle, LocalDate.of(2026, 4, 1)), "tester");

        tenders.update(id, 0, input("Schoonmaak stadhuis en bibliotheek", utrecht, LocalDate.of(2026, 4, 15))
                .withValue(new BigDecimal("80000")), "editor");

        var saved = tenders.find(id).orElseThrow();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.title()).isEqualTo("Schoonmaak stadhuis en bibliotheek");
        assertThat(saved.authorityName()).isEqualTo("Provincie Utrecht");
        assertThat(saved.input().dates().submissionDeadline()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(saved.updatedBy()).isEqualTo("editor");
        assertThat(saved.status()).as("an update does not change the status").isEqualTo(TenderStatus.IDENTIFIED);

        assertThatThrownBy(() -> tenders.update(id, 0, input("Stale", zwolle, null), "other"))
                .isInstanceOf(ChangedMeanwhileException.class);
        assertThatThrownBy(() -> tenders.update(id, 1, input("", zwolle, null), "other"))
                .isInstanceOf(InputRejectedException.class);
        assertThatThrownBy(() -> tenders.delete(id, 0)).isInstanceOf(ChangedMeanwhileException.class);
        assertThat(tenders.find(id).orElseThrow()).extracting(Tender::title, Tender::version)
                .containsExactly("Schoonmaak stadhuis en bibliotheek", 1);

        tenders.delete(id, 1);
        assertThat(tenders.find(id)).isEmpty();
    }

    @Test
    void the_register_searches_by_text_and_status_with_paging_and_counts_the_same_rows() {
        long lighting = tenders.create(input("Openbare verlichting", zwolle, LocalDate.of(2026, 4, 1)), "t");
        long cleaning = tenders.create(new TenderInput("Schoonmaak", zwolle, "REF-77", "", "90910000-9", ProcedureType.RESTRICTED,
                null, "EUR", KeyDates.NONE, null, AwardMethod.LOWEST_PRICE, PriceFormula.RELATIVE, null, "", null), "t");
        long roads = tenders.create(input("Wegonderhoud", utrecht, LocalDate.of(2026, 5, 1)), "t");
        long bridges = tenders.create(input("Bruggen 100%_inspectie", utrecht, null), "t");
        long ict = tenders.create(input("ICT werkplekken", utrecht, null), "t");
        moveTo(roads, TenderStatus.QUALIFYING);
        moveTo(ict, TenderStatus.QUALIFYING);
        moveTo(bridges, TenderStatus.WITHDRAWN);

        assertThat(ids(new Search("verlicht", Set.of(), null))).containsExactly(lighting);
        assertThat(ids(new Search("ref-77", Set.of(), null))).as("reference, any case").containsExactly(cleaning);
        assertThat(ids(new Search("90910000", Set.of(), null))).as("CPV").containsExactly(cleaning);
        assertThat(ids(new Search("utrecht", Set.of(), null))).as("authority").containsExactly(bridges, ict, roads);
        assertThat(ids(new Search("100%_", Set.of(), null))).as("like wildcards are literal").containsExactly(bridges);
        assertThat(ids(new Search("%", Set.of(), null))).containsExactly(bridges);
        assertThat(ids(new Search("", Set.of(TenderStatus.QUALIFYING, TenderStatus.WITHDRAWN), null))).containsExactly(bridges, ict, roads);
        assertThat(ids(new Search("utrecht", Set.of(TenderStatus.QUALIFYING), null))).containsExactly(ict, roads);
        assertThat(ids(Search.of(zwolle))).containsExactly(lighting, cleaning);

        assertThat(tenders.search(Search.ALL, Sort.TITLE, false, 0, 2)).extracting(Tender::id).containsExactly(bridges, ict);
        assertThat(tenders.search(Search.ALL, Sort.TITLE, false, 2, 2)).extracting(Tender::id).containsExactly(lighting, cleaning);
        assertThat(tenders.search(Search.ALL, Sort.TITLE, false, 4, 2)).extracting(Tender::id).containsExactly(roads);
        assertThat(tenders.search(Search.ALL, Sort.TITLE, true, 0, 1)).extracting(Tender::id).containsExactly(roads);
        assertThat(tenders.search(Search.ALL, Sort.DEADLINE, false, 0, 5)).extracting(Tender::id)
                .as("deadlines first, the ones without last").startsWith(lighting, roads);

        assertThat(tenders.count(Search.ALL)).isEqualTo(5);
        assertThat(tenders.count(new Search("utrecht", Set.of(TenderStatus.QUALIFYING), null))).isEqualTo(2);
        assertThat(tenders.count(new Search("nothing like this", Set.of(), null))).isZero();
    }

    @Test
    void sorting_by_status_follows_the_pipeline_order() {
        // created so that the id order (the tie-break) differs from the pipeline order either way
        long identified = tenders.create(input("C identified", zwolle, null), "t");
        long withdrawn = tenders.create(input("A withdrawn", zwolle, null), "t");
        long qualifying = tenders.create(input("B qualifying", zwolle, null), "t");
        moveTo(withdrawn, TenderStatus.WITHDRAWN);
        moveTo(qualifying, TenderStatus.QUALIFYING);

        assertThat(tenders.search(Search.ALL, Sort.STATUS, false, 0, 10)).extracting(Tender::id)
                .containsExactly(identified, qualifying, withdrawn);
        assertThat(tenders.search(Search.ALL, Sort.STATUS, true, 0, 10)).extracting(Tender::id)
                .containsExactly(withdrawn, qualifying, identified);
    }

    @Test
    void the_totals_give_every_status_with_its_count_and_estimated_value() {
        tenders.create(input("One", zwolle, null).withValue(new BigDecimal("100000.50")), "t");
        tenders.create(input("Two", zwolle, null).withValue(new BigDecimal("50000")), "t");
        tenders.create(input("No value", utrecht, null), "t");
        long qualifying = tenders.create(input("Three", utrecht, null).withValue(new BigDecimal("7000")), "t");
        moveTo(qualifying, TenderStatus.QUALIFYING);

        var totals = tenders.totals(Search.ALL);
        assertThat(totals).hasSize(TenderStatus.values().length);
        assertThat(totals.get(TenderStatus.IDENTIFIED).count()).isEqualTo(3);
        assertThat(totals.get(TenderStatus.IDENTIFIED).value().in("EUR")).isEqualByComparingTo("150000.50");
        assertThat(totals.get(TenderStatus.QUALIFYING).count()).isEqualTo(1);
        assertThat(totals.get(TenderStatus.QUALIFYING).value().in("EUR")).isEqualByComparingTo("7000");
        assertThat(totals.get(TenderStatus.WON).count()).isZero();
        assertThat(totals.get(TenderStatus.WON).value()).isEqualTo(Amounts.NONE);

        var ofZwolle = tenders.totals(Search.of(zwolle));
        assertThat(ofZwolle.get(TenderStatus.IDENTIFIED).count()).isEqualTo(2);
        assertThat(ofZwolle.get(TenderStatus.QUALIFYING).count()).isZero();
    }

    // ---------------------------------------------------------------- pipeline and decision

    @Test
    void the_seeded_questions_are_three_checks_then_seven_criteria_weighing_100() {
        var questions = decisions.questions(true);
        assertThat(questions).hasSize(10);
        assertThat(questions.subList(0, 3)).allMatch(BidCriterion::check);
        assertThat(questions.subList(3, 10)).extracting(BidCriterion::weight).containsExactly(20, 20, 10, 15, 15, 10, 10);
        assertThat(questions.getFirst().name(Locale.of("nl"))).isEqualTo("We hebben de verplichte certificaten");
        assertThat(decisions.thresholds()).extracting(t -> t.bid(), t -> t.review(), t -> t.warningDays()).containsExactly(70, 50, 14);
    }

    @Test
    void a_decision_needs_every_active_check_and_criterion_answered_a_decision_and_a_reason() {
        long id = tenders.create(input("Groenonderhoud", zwolle, LocalDate.of(2026, 2, 20)), "t");
        var questions = decisions.questions(true);
        var firstCheck = questions.get(0);
        var secondCheck = questions.get(1);
        var lastCriterion = questions.getLast();
        Map<Long, Boolean> checks = new HashMap<>(allChecks(true));
        checks.remove(firstCheck.id());
        Map<Long, Integer> scores = new HashMap<>(seededScores());
        scores.put(lastCriterion.id(), 6);
        scores.remove(questions.get(3).id());

        assertThatThrownBy(() -> decisions.record(id, checks, scores, null, " ", "t")).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("check-" + firstCheck.id(), "decision.error.check-missing"),
                        entry("score-" + questions.get(3).id(), "decision.error.score"),
                        entry("score-" + lastCriterion.id(), "decision.error.score"),
                        entry("decision", "decision.error.decision-required"),
                        entry("reason", "decision.error.reason-required")));
        assertThat(decisions.find(id)).isEmpty();

        // an inactive check is no longer asked
        dsl.update(BID_CHECK).set(BID_CHECK.ACTIVE, false).where(BID_CHECK.ID.eq(firstCheck.id())).execute();
        var recorded = decisions.record(id, Map.of(secondCheck.id(), true, questions.get(2).id(), true), seededScores(),
                Decision.BID, " Good fit ", "tess");
        assertThat(recorded.total()).isEqualByComparingTo("69.0");
        assertThat(recorded.recommendation()).isEqualTo(Recommendation.REVIEW);
        assertThat(recorded.decision()).isEqualTo(Decision.BID);
        assertThat(recorded.reason()).isEqualTo("Good fit");
        assertThat(recorded.decidedBy()).isEqualTo("tess");
        assertThat(recorded.decidedAt()).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 0));
        assertThat(recorded.checks()).containsOnlyKeys(secondCheck.id(), questions.get(2).id());
        assertThat(recorded.scores()).hasSize(7).containsEntry(questions.get(3).id(), 5).containsEntry(lastCriterion.id(), 1);
    }

    @Test
    void a_failed_check_is_advised_no_bid_and_the_thresholds_change_the_advice() {
        long id = tenders.create(input("Catering", zwolle, null), "t");
        var failed = new HashMap<>(allChecks(true));
        failed.put(decisions.questions(true).getFirst().id(), false);
        var allFive = decisions.questions(true).stream().filter(q -> !q.check()).collect(Collectors.toMap(BidCriterion::id, q -> 5));

        var recorded = decisions.record(id, failed, allFive, Decision.NO_BID, "No certificate", "t");
        assertThat(recorded.total()).isEqualByComparingTo("100.0");
        assertThat(recorded.recommendation()).isEqualTo(Recommendation.NO_BID);
        assertThat(recorded.checks()).containsValue(false);

        assertThatThrownBy(() -> decisions.saveThresholds(50, 60, 0, decisions.thresholdsVersion())).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("review", "settings.error.review-above-bid"), entry("warningDays", "settings.error.days")));
        decisions.saveThresholds(65, 40, 21, decisions.thresholdsVersion());
        assertThat(decisions.advise(allChecks(true), seededScores()).recommendation()).as("69.0 from 65").isEqualTo(Recommendation.BID);
        assertThat(decisions.advise(allChecks(true), Map.of()).total()).as("unscored counts 0").isEqualByComparingTo("0.0");
    }

    @Test
    void the_pipeline_refuses_preparing_without_a_bid_decision_and_records_no_decision_once_submitted() {
        long id = tenders.create(input("Afvalinzameling", zwolle, LocalDate.of(2026, 2, 27)), "t");
        moveTo(id, TenderStatus.QUALIFYING);
        moveTo(id, TenderStatus.BID_NO_BID);

        assertThat(refusalOf(id, TenderStatus.PREPARING)).contains("transition.error.no-decision");
        assertThat(tenders.moves(tenders.find(id).orElseThrow())).containsOnly(
                entry(TenderStatus.PREPARING, Optional.of("transition.error.no-decision")),
                entry(TenderStatus.WITHDRAWN, Optional.empty()), entry(TenderStatus.CANCELLED, Optional.empty()));

        recordDecision(id, Decision.NO_BID);
        assertThat(refusalOf(id, TenderStatus.PREPARING)).contains("transition.error.decided-no-bid");

        recordDecision(id, Decision.BID);
        moveTo(id, TenderStatus.PREPARING);
        assertThatThrownBy(() -> recordDecision(id, Decision.NO_BID)).as("changing its mind while preparing means withdrawing")
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errors()).containsOnly(entry("decision", "decision.error.no-bid-while-preparing")));
        moveTo(id, TenderStatus.SUBMITTED);

        assertThatThrownBy(() -> recordDecision(id, Decision.NO_BID)).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("status", "decision.error.too-late")));
        assertThat(decisions.find(id).orElseThrow().decision()).isEqualTo(Decision.BID);
        assertThat(tenders.history(id)).extracting(StatusChange::from, StatusChange::to).containsExactly(
                tuple(null, TenderStatus.IDENTIFIED), tuple(TenderStatus.IDENTIFIED, TenderStatus.QUALIFYING),
                tuple(TenderStatus.QUALIFYING, TenderStatus.BID_NO_BID), tuple(TenderStatus.BID_NO_BID, TenderStatus.PREPARING),
                tuple(TenderStatus.PREPARING, TenderStatus.SUBMITTED));
    }

    @Test
    void skipping_a_step_or_moving_a_stale_version_is_refused_and_changes_nothing() {
        long id = tenders.create(input("Beveiliging", zwolle, null), "t");

        assertThat(refusalOf(id, TenderStatus.SUBMITTED)).contains("transition.error.not-allowed");
        assertThatThrownBy(() -> tenders.move(id, 5, TenderStatus.QUALIFYING, null, "t")).isInstanceOf(ChangedMeanwhileException.class);
        assertThat(tenders.find(id).orElseThrow()).extracting(Tender::status, Tender::version).containsExactly(TenderStatus.IDENTIFIED, 0);
        assertThat(tenders.history(id)).hasSize(1);
    }

    @Test
    void an_award_before_the_submission_deadline_is_refused_by_the_clock() {
        long id = submitted("Leerlingenvervoer", zwolle, TODAY.plusDays(1), null);

        assertThat(refusalOf(id, TenderStatus.WON)).contains("transition.error.award-before-deadline");
        assertThat(refusalOf(id, TenderStatus.LOST)).contains("transition.error.award-before-deadline");
        assertThat(tenders.find(id).orElseThrow().status()).isEqualTo(TenderStatus.SUBMITTED);
        assertThat(dsl.fetchCount(OPPORTUNITY)).isZero();
    }

    @Test
    void a_lost_tender_needs_a_reason_and_gets_todays_award_decision_date() {
        long id = submitted("Drukwerk", zwolle, TODAY, null);

        assertThat(refusalOf(id, TenderStatus.LOST, null)).contains("tender.error.lost-reason");
        moveTo(id, TenderStatus.LOST, LostReason.PRICE);

        var lost = tenders.find(id).orElseThrow();
        assertThat(lost.status()).isEqualTo(TenderStatus.LOST);
        assertThat(lost.input().lostReason()).isEqualTo(LostReason.PRICE);
        assertThat(lost.input().dates().awardDecision()).isEqualTo(TODAY);
        assertThat(lost.opportunityId()).isNull();
        assertThat(dsl.fetchCount(OPPORTUNITY)).isZero();
        assertThat(lost.status().next()).isEmpty();
    }

    @Test
    void a_won_tender_records_a_won_opportunity_and_makes_the_authority_a_new_customer() {
        long id = submitted("Raamcontract onderhoud", zwolle, LocalDate.of(2026, 2, 20), new BigDecimal("125000"));

        moveTo(id, TenderStatus.WON);

        var won = tenders.find(id).orElseThrow();
        assertThat(won.status()).isEqualTo(TenderStatus.WON);
        assertThat(won.input().dates().awardDecision()).isEqualTo(TODAY);
        var opportunity = dsl.selectFrom(OPPORTUNITY).where(OPPORTUNITY.ACCOUNT_ID.eq(zwolle)).fetchSingle();
        assertThat(won.opportunityId()).isEqualTo(opportunity.getId());
        assertThat(opportunity.getStatus()).isEqualTo("WON");
        assertThat(opportunity.getName()).isEqualTo("Raamcontract onderhoud");
        assertThat(opportunity.getAmount()).isEqualByComparingTo("125000");
        assertThat(opportunity.getExpectedClose()).isEqualTo(TODAY);
        assertThat(opportunity.getOwnerId()).isEqualTo(manager.id());
        assertThat(dsl.fetchValue(ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ID.eq(zwolle))).isEqualTo("NEW_CUSTOMER");
        assertThat(dsl.fetchValue(ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ID.eq(utrecht))).as("other accounts untouched").isEqualTo("PROSPECT");
    }

    @Test
    void a_won_tender_that_core_refuses_stays_submitted_and_nothing_is_recorded() {
        long id = submitted("Archiefbeheer", zwolle, LocalDate.of(2026, 2, 20), new BigDecimal("9000"));
        signedIn.set(sales); // not the account's manager nor on its team: core does not let it see Zwolle

        assertThat(refusalOf(id, TenderStatus.WON)).contains("transition.error.core-refused");

        assertThat(tenders.find(id).orElseThrow()).extracting(Tender::status, Tender::opportunityId)
                .containsExactly(TenderStatus.SUBMITTED, null);
        assertThat(dsl.fetchCount(OPPORTUNITY)).isZero();
        assertThat(dsl.fetchValue(ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ID.eq(zwolle))).isEqualTo("PROSPECT");
    }

    // ---------------------------------------------------------------- deadlines

    @Test
    void the_warnings_show_what_falls_due_within_the_horizon_and_overdue_open_tasks_of_open_and_recently_awarded_tenders() {
        long soon = tenders.create(input("Due in 10 days", zwolle, TODAY.plusDays(10)), "t");
        long later = tenders.create(input("Due in 20 days", zwolle, TODAY.plusDays(20)), "t");
        long withdrawn = tenders.create(input("Withdrawn", utrecht, TODAY.plusDays(5)), "t");
        moveTo(withdrawn, TenderStatus.WITHDRAWN);
        long won = tenders.create(input("Won", utrecht, LocalDate.of(2026, 2, 10)).withDates(new KeyDates(null, null,
                LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 24), TODAY.plusDays(7), null, null)), "t");
        dsl.update(TENDER).set(TENDER.STATUS, TenderStatus.WON.name()).where(TENDER.ID.eq(won)).execute();
        work.addTask(later, "Overdue pricing sheet", null, TODAY.minusDays(5));
        work.addTask(later, "Done reference letter", null, TODAY.plusDays(3));
        work.setDone(later, work.tasks(later).stream().filter(t -> t.title().startsWith("Done")).findFirst().orElseThrow().id(), true);
        work.addTask(soon, "Task due on the horizon", manager.id(), TODAY.plusDays(14));

        assertThat(deadlines.warnings(14, null)).extracting(Deadline::tenderId, Deadline::kind, Deadline::date, Deadline::task).containsExactly(
                tuple(later, DeadlineKind.TASK, TODAY.minusDays(5), "Overdue pricing sheet"),
                tuple(won, DeadlineKind.STANDSTILL_END, TODAY.plusDays(7), null),
                tuple(soon, DeadlineKind.SUBMISSION, TODAY.plusDays(10), null),
                tuple(soon, DeadlineKind.TASK, TODAY.plusDays(14), "Task due on the horizon"));
        assertThat(deadlines.warnings(14, zwolle)).extracting(Deadline::tenderId).containsOnly(soon, later);
        assertThat(deadlines.warnings(14, null).getFirst()).extracting(Deadline::tenderTitle, Deadline::authorityName)
                .containsExactly("Due in 20 days", "Gemeente Zwolle");
    }

    @Test
    void between_gives_every_date_of_a_month_in_date_order_without_closed_tenders_or_done_tasks() {
        long a = tenders.create(input("A", zwolle, null).withDates(new KeyDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 30), null, null)), "t");
        long b = tenders.create(input("B", utrecht, LocalDate.of(2026, 4, 1)), "t");
        long cancelled = tenders.create(input("Cancelled", utrecht, LocalDate.of(2026, 3, 12)), "t");
        moveTo(cancelled, TenderStatus.CANCELLED);
        work.addTask(b, "Site visit", null, LocalDate.of(2026, 3, 1));
        work.addTask(b, "Old", null, LocalDate.of(2026, 2, 28));

        assertThat(deadlines.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null))
                .extracting(Deadline::tenderId, Deadline::kind, Deadline::date).containsExactly(
                        tuple(b, DeadlineKind.TASK, LocalDate.of(2026, 3, 1)),
                        tuple(a, DeadlineKind.QUESTIONS, LocalDate.of(2026, 3, 5)),
                        tuple(a, DeadlineKind.SUBMISSION, LocalDate.of(2026, 3, 31)));
        assertThat(deadlines.between(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), utrecht))
                .extracting(Deadline::tenderId, Deadline::kind).containsExactly(tuple(b, DeadlineKind.SUBMISSION));
    }

    // ---------------------------------------------------------------- award analysis

    @Test
    void best_price_quality_needs_a_price_criterion_and_weights_adding_up_to_100() {
        long id = tenders.create(input("Zorgvervoer", zwolle, null), "t");
        assertThat(awards.problem(id, AwardMethod.LOWEST_PRICE)).isEmpty();

        awards.addCriterion(id, "Plan van aanpak", new BigDecimal("60"), false);
        assertThat(awards.problem(id, AwardMethod.PRICE_QUALITY)).contains("award.problem.no-price");
        long price = awards.addCriterion(id, "Prijs", new BigDecimal("30"), true);
        assertThat(awards.problem(id, AwardMethod.PRICE_QUALITY)).contains("award.problem.weights");
        assertThatThrownBy(() -> awards.addCriterion(id, " ", new BigDecimal("0"), true)).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("name", "award.error.name-required"), entry("weight", "award.error.weight"),
                        entry("price", "award.error.second-price")));

        awards.deleteCriterion(id, price);
        awards.addCriterion(id, "Prijs", new BigDecimal("40"), true);
        assertThat(awards.problem(id, AwardMethod.PRICE_QUALITY)).isEmpty();
        assertThat(awards.criteria(id)).extracting(Awards.Criterion::name, Awards.Criterion::price)
                .containsExactly(tuple("Plan van aanpak", false), tuple("Prijs", true));
    }

    @Test
    void bidders_points_above_a_criterions_weight_are_refused_and_the_result_ranks_them() {
        long id = tenders.create(input("Zorgvervoer", zwolle, null), "t");
        long quality = awards.addCriterion(id, "Kwaliteit", new BigDecimal("60"), false);
        awards.addCriterion(id, "Prijs", new BigDecimal("40"), true);

        assertThatThrownBy(() -> awards.saveBidder(id, null, "Rival BV", false, new BigDecimal("100000"), Map.of(quality, new BigDecimal("60.01"))))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errors()).containsOnly(entry("points-" + quality, "award.error.points")));
        assertThatThrownBy(() -> awards.saveBidder(id, null, "", false, BigDecimal.ZERO, Map.of()))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsOnlyKeys("name", "price", "points-" + quality));
        assertThat(awards.bidders(id)).isEmpty();

        long rival = awards.saveBidder(id, null, "Rival", false, new BigDecimal("90000"), Map.of(quality, new BigDecimal("40")));
        awards.saveBidder(id, null, "Us", true, new BigDecimal("120000"), Map.of(quality, new BigDecimal("50")));
        assertThatThrownBy(() -> awards.saveBidder(id, null, "Us again", true, new BigDecimal("1"), Map.of(quality, BigDecimal.ONE)))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsOnly(entry("us", "award.error.second-us")));
        awards.saveBidder(id, rival, "Rival BV", false, new BigDecimal("100000"), Map.of(quality, new BigDecimal("45")));

        assertThat(awards.bidders(id)).extracting(Awards.Bidder::name, Awards.Bidder::us).containsExactly(tuple("Us", true), tuple("Rival BV", false));
        var result = awards.result(id, AwardMethod.PRICE_QUALITY, PriceFormula.RELATIVE);
        assertThat(result.ranking()).extracting(r -> r.bid().name(), Ranked::pricePoints, Ranked::total, Ranked::rank).containsExactly(
                tuple("Rival BV", new BigDecimal("40.00"), new BigDecimal("85.00"), 1),
                tuple("Us", new BigDecimal("33.33"), new BigDecimal("83.33"), 2));
        assertThat(result.gap()).contains(new BigDecimal("1.67"));
        assertThat(result.priceToWin()).contains(new BigDecimal("114269.39"));

        var onPrice = awards.result(id, AwardMethod.LOWEST_PRICE, PriceFormula.RELATIVE);
        assertThat(onPrice.ranking()).extracting(r -> r.bid().name(), Ranked::total)
                .containsExactly(tuple("Rival BV", new BigDecimal("100.00")), tuple("Us", new BigDecimal("83.33")));
    }

    // ---------------------------------------------------------------- parts and work

    @Test
    void lots_are_numbered_in_order_documents_must_be_web_links_and_the_team_has_roles() {
        long id = tenders.create(input("Raamovereenkomst", zwolle, null), "t");
        parts.saveLot(id, null, " Perceel noord ", new BigDecimal("40000"), LotStatus.OPEN);
        parts.saveLot(id, null, "Perceel zuid", null, LotStatus.BIDDING);
        assertThatThrownBy(() -> parts.saveLot(id, null, "", new BigDecimal("-1"), null)).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("title", "lot.error.title-required"), entry("value", "tender.error.value"),
                        entry("status", "lot.error.status")));
        var north = parts.lots(id).getFirst();
        parts.saveLot(id, north.id(), "Perceel noord", new BigDecimal("45000"), LotStatus.WON);
        assertThat(parts.lots(id)).extracting(TenderParts.Lot::number, TenderParts.Lot::title, TenderParts.Lot::status)
                .containsExactly(tuple(1, "Perceel noord", LotStatus.WON), tuple(2, "Perceel zuid", LotStatus.BIDDING));
        assertThat(parts.lots(id).getFirst().value()).isEqualByComparingTo("45000");

        parts.addDocument(id, "Leidraad", " https://www.tenderned.nl/doc/1 ", "v2", manager.id());
        for (String bad : List.of("ftp://files.example.com/a.pdf", "javascript:alert(1)", "www.example.com/a.pdf", "http://", " ")) {
            assertThatThrownBy(() -> parts.addDocument(id, "Bijlage", bad, "", null)).as(bad).isInstanceOfSatisfying(InputRejectedException.class,
                    e -> assertThat(e.errors()).containsOnly(entry("url", "document.error.url")));
        }
        assertThat(parts.documents(id)).extracting(TenderParts.Document::title, TenderParts.Document::url, TenderParts.Document::version,
                TenderParts.Document::ownerName, TenderParts.Document::addedAt)
                .containsExactly(tuple("Leidraad", "https://www.tenderned.nl/doc/1", "v2", "Marieke Manager", LocalDateTime.of(2026, 3, 2, 10, 0)));

        parts.putMember(id, sales.id(), "Writer");
        parts.putMember(id, manager.id(), "Bid manager");
        parts.putMember(id, sales.id(), "Calculator");
        assertThatThrownBy(() -> parts.putMember(id, -1, "x")).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("user", "team.error.user")));
        assertThat(parts.team(id)).extracting(TenderParts.Member::name, TenderParts.Member::role)
                .containsExactly(tuple("Marieke Manager", "Bid manager"), tuple("Sanne Sales", "Calculator"));
        parts.removeMember(id, sales.id());
        assertThat(parts.team(id)).extracting(TenderParts.Member::userId).containsExactly(manager.id());
    }

    @Test
    void questions_are_logged_with_their_answers_and_tasks_are_listed_open_first_by_due_date() {
        long id = tenders.create(input("Raamovereenkomst", zwolle, null), "t");
        work.saveQuestion(id, null, LocalDate.of(2026, 2, 10), " Is a site visit required? ", null, null);
        assertThatThrownBy(() -> work.saveQuestion(id, null, LocalDate.of(2026, 2, 10), "Q", "A", LocalDate.of(2026, 2, 9)))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors())
                        .containsOnly(entry("publishedOn", "question.error.published-before")));
        var asked = work.questions(id).getFirst();
        work.saveQuestion(id, asked.id(), asked.askedOn(), asked.question(), "No, optional.", LocalDate.of(2026, 2, 17));
        assertThat(work.questions(id)).extracting(BidWork.Question::question, BidWork.Question::answer, BidWork.Question::publishedOn)
                .containsExactly(tuple("Is a site visit required?", "No, optional.", LocalDate.of(2026, 2, 17)));

        work.addTask(id, "Price sheet", sales.id(), LocalDate.of(2026, 3, 10));
        work.addTask(id, "References", null, LocalDate.of(2026, 3, 5));
        assertThatThrownBy(() -> work.addTask(id, " ", null, null)).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("title", "task.error.title-required"), entry("due", "task.error.due")));
        long references = work.tasks(id).getFirst().id();
        work.setDone(id, references, true);
        assertThat(work.tasks(id)).extracting(BidWork.Task::title, BidWork.Task::assigneeName, BidWork.Task::done)
                .containsExactly(tuple("Price sheet", "Sanne Sales", false), tuple("References", null, true));
        work.deleteTask(id, references);
        work.deleteQuestion(id, asked.id());
        assertThat(work.tasks(id)).hasSize(1);
        assertThat(work.questions(id)).isEmpty();
    }

    @Test
    void a_decision_recorded_meanwhile_is_not_overwritten_and_no_bid_is_refused_while_preparing() {
        long id = tenders.create(input("Beveiliging", zwolle, null), "t");
        var seen = decisions.find(id).orElse(null);
        decisions.record(id, allChecks(true), seededScores(), Decision.BID, "First", "anna");

        assertThatThrownBy(() -> decisions.record(id, seen, allChecks(true), seededScores(), Decision.NO_BID, "Second", "bert"))
                .isInstanceOf(ChangedMeanwhileException.class);
        assertThat(decisions.find(id).orElseThrow().reason()).isEqualTo("First");

        var now = decisions.find(id).orElseThrow();
        moveTo(id, TenderStatus.QUALIFYING);
        moveTo(id, TenderStatus.BID_NO_BID);
        moveTo(id, TenderStatus.PREPARING);
        assertThatThrownBy(() -> decisions.record(id, now, allChecks(true), seededScores(), Decision.NO_BID, "Changed our mind", "anna"))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errors()).containsOnly(entry("decision", "decision.error.no-bid-while-preparing")));
        assertThat(decisions.record(id, now, allChecks(true), seededScores(), Decision.BID, "Still bidding", "anna").reason())
                .isEqualTo("Still bidding");
    }

    @Test
    void totals_keep_currencies_apart() {
        tenders.create(input("Euro", zwolle, null).withValue(new BigDecimal("1000")), "t");
        var dollars = input("Dollar", zwolle, null).withValue(new BigDecimal("250"));
        tenders.create(new TenderInput(dollars.title(), dollars.authorityId(), "", "", "", dollars.procedure(), dollars.estimatedValue(), "USD",
                dollars.dates(), null, dollars.awardMethod(), dollars.priceFormula(), null, "", null), "t");

        var identified = tenders.totals(Search.ALL).get(TenderStatus.IDENTIFIED);

        assertThat(identified.count()).isEqualTo(2);
        assertThat(identified.value().byCurrency()).containsOnlyKeys("EUR", "USD");
        assertThat(identified.value().in("USD")).isEqualByComparingTo("250");
        assertThat(identified.value().format(java.util.Locale.ENGLISH).replace('\u00a0', ' ')).isEqualTo("€ 1.000 + US$ 250");
    }

    // ---------------------------------------------------------------- helpers

    private static TenderInput input(String title, Long authority, LocalDate submission) {
        return TenderInput.blank().withTitle(title).withAuthority(authority)
                .withDates(new KeyDates(null, null, submission, null, null, null, null));
    }

    private List<Long> ids(Search search) {
        return tenders.search(search, Sort.TITLE, false, 0, 50).stream().map(Tender::id).toList();
    }

    private void moveTo(long id, TenderStatus to) {
        moveTo(id, to, null);
    }

    private void moveTo(long id, TenderStatus to, LostReason reason) {
        tenders.move(id, tenders.find(id).orElseThrow().version(), to, reason, "mover");
    }

    /** The message key of the move's refusal; fails when the move is allowed. */
    private Optional<String> refusalOf(long id, TenderStatus to) {
        return refusalOf(id, to, LostReason.OTHER);
    }

    private Optional<String> refusalOf(long id, TenderStatus to, LostReason reason) {
        int version = tenders.find(id).orElseThrow().version();
        try {
            tenders.move(id, version, to, reason, "mover");
        } catch (InputRejectedException e) {
            assertThat(tenders.find(id).orElseThrow().version()).as("nothing saved").isEqualTo(version);
            return e.errors().values().stream().findFirst();
        }
        throw new AssertionError("the move to " + to + " was allowed");
    }

    private Map<Long, Boolean> allChecks(boolean passed) {
        return decisions.questions(true).stream().filter(BidCriterion::check).collect(Collectors.toMap(BidCriterion::id, q -> passed));
    }

    /** The scores 5, 4, 3, 4, 3, 2, 1 on the seven seeded criteria: 69.0. */
    private Map<Long, Integer> seededScores() {
        var criteria = decisions.questions(true).stream().filter(q -> !q.check()).toList();
        int[] scores = {5, 4, 3, 4, 3, 2, 1};
        var map = new HashMap<Long, Integer>();
        for (int i = 0; i < criteria.size(); i++) {
            map.put(criteria.get(i).id(), scores[i]);
        }
        return map;
    }

    private void recordDecision(long id, Decision decision) {
        decisions.record(id, allChecks(true), seededScores(), decision, "Decided", "t");
    }

    /** A tender moved through the pipeline with a BID decision up to SUBMITTED. */
    private long submitted(String title, long authority, LocalDate deadline, BigDecimal value) {
        long id = tenders.create(input(title, authority, deadline).withValue(value), "t");
        moveTo(id, TenderStatus.QUALIFYING);
        moveTo(id, TenderStatus.BID_NO_BID);
        recordDecision(id, Decision.BID);
        moveTo(id, TenderStatus.PREPARING);
        moveTo(id, TenderStatus.SUBMITTED);
        return id;
    }

    private static UserRef user(String username, String name, Role role) {
        return TenderDatabase.user(username, name, role);
    }

    private long account(String name) {
        return dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ACCOUNT_MANAGER_ID).values(name, "PROSPECT", manager.id())
                .returningResult(ACCOUNT.ID).fetchSingle().value1();
    }
}

package org.crmworkbench.plugin.rating.score;

import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.plugin.rating.TestNpsMetric;
import org.crmworkbench.plugin.rating.analysis.CustomerAnalysis;
import org.crmworkbench.plugin.rating.model.AssessmentMethod;
import org.crmworkbench.plugin.rating.model.CriterionKind;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.crmworkbench.plugin.rating.model.RatingModels.CriterionInput;
import org.crmworkbench.plugin.rating.model.Rule;
import org.crmworkbench.plugin.rating.model.Thresholds;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;
import static org.crmworkbench.plugin.rating.jooq.Tables.ALERT_SUBSCRIPTION;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_ALERT;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_MODEL;
import static org.crmworkbench.plugin.rating.jooq.Tables.RESULT_SCORE;

/**
 * Rating models and the set-based rating run on a real MariaDB: the DOMAIN.md example (62 that fails
 * a knock-out), computed criteria through their thresholds, versions kept with results, concurrent
 * edits refused, history and cut-off alerts.
 */
class RatingRunIT {

    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    private final RatingModels models = new RatingModels(dsl, CLOCK);
    private final RatingRun run = new RatingRun(dsl, CLOCK, List.of());
    private final RatingResults results = new RatingResults(dsl, models);
    private final ManualScores manual = new ManualScores(dsl, CLOCK);
    private long product;
    private int orderNo;

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas("crm_customer_rating")
                .createSchemas(true).locations("classpath:db/crm_customer_rating").load().migrate();
    }

    @BeforeEach
    void empty() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(PRODUCT).execute();
        dsl.deleteFrom(RATING_MODEL).execute();
        dsl.deleteFrom(RESULT_SCORE).execute();
        dsl.deleteFrom(RATING_ALERT).execute();
        dsl.deleteFrom(ALERT_SUBSCRIPTION).execute();
        product = dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP).values("P", "P", "G")
                .returningResult(PRODUCT.ID).fetchSingle().value1();
    }

    @Test
    void weights_3_2_5_and_scores_8_4_6_give_62_which_fails_the_knock_out_of_5_on_criterion_2() {
        long model = models.create(new RatingModels.Settings("DOMAIN", new BigDecimal("50"), 12), "manager");
        long c1 = models.saveCriterion(model, 1, manual("Market share", "Marktaandeel", "3", null), "manager");
        long c2 = models.saveCriterion(model, 2, manual("Relationship", "Relatie", "2", 5), "manager");
        long c3 = models.saveCriterion(model, 3, manual("Needs", "Behoeften", "5", null), "manager");
        long example = account("Voorbeeld");
        long strong = account("Sterk");
        long unscored = account("Onbekend");
        score(example, c1, 8, c2, 4, c3, 6);
        score(strong, c1, 8, c2, 6, c3, 6);
        manual.set(c1, unscored, 10, "sales");
        manual.set(c3, unscored, 10, "sales");

        var outcome = run.run(model, "manager", done -> { });

        assertThat(outcome.accounts()).isEqualTo(3);
        assertThat(outcome.qualifying()).isEqualTo(1);
        assertThat(outcome.modelVersion()).isEqualTo(4);
        var rows = results.page(RatingResults.Query.all(model), 0, 10);
        assertThat(rows).extracting(RatingResults.Row::name).containsExactly("Onbekend", "Sterk", "Voorbeeld");
        var byName = rows.stream().collect(java.util.stream.Collectors.toMap(RatingResults.Row::name, r -> r));
        assertThat(byName.get("Voorbeeld").value()).isEqualByComparingTo("62");
        assertThat(byName.get("Voorbeeld").qualifies()).as("62 >= 50, but 4 < 5 on criterion 2").isFalse();
        assertThat(byName.get("Voorbeeld").knockedOut()).containsExactly(c2);
        assertThat(byName.get("Sterk").value()).isEqualByComparingTo("66");
        assertThat(byName.get("Sterk").qualifies()).isTrue();
        assertThat(byName.get("Onbekend").value()).as("an unscored criterion adds nothing").isEqualByComparingTo("80");
        assertThat(byName.get("Onbekend").knockedOut()).as("and fails its knock-out").containsExactly(c2);

        var explained = results.explain(example).getFirst();
        assertThat(explained.modelVersion()).isEqualTo(4);
        assertThat(explained.parts()).extracting(p -> p.criterion().nameEn()).containsExactly("Market share", "Relationship", "Needs");
        assertThat(explained.parts()).extracting(RatingResults.Part::contribution)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("24"), new BigDecimal("8"),
                        new BigDecimal("30"));
        // against a middle score of 5.5: market share +7.5, relationship -3, needs +2.5
        assertThat(explained.liftedMost()).hasValueSatisfying(p -> assertThat(p.criterion().nameEn()).isEqualTo("Market share"));
        assertThat(explained.loweredMost()).hasValueSatisfying(p -> assertThat(p.criterion().nameEn()).isEqualTo("Relationship"));

        var csv = new java.io.StringWriter();
        ResultsView.export(new ResultsView.ExportState(results, new RatingResults.Query(model, "", false, false, null, false),
                List.of("id", "account", "city", "value", "qualifies", "knock-outs"), "yes", "no",
                java.util.Map.of(c2, "Relationship")), new org.crmworkbench.api.csv.CsvWriter(csv, ';'), java.util.Locale.ENGLISH);
        assertThat(csv.toString()).isEqualTo("id;account;city;value;qualifies;knock-outs\r\n"
                + unscored + ";Onbekend;;80.00;no;Relationship\r\n" + example + ";Voorbeeld;;62.00;no;Relationship\r\n");

        assertThat(results.count(new RatingResults.Query(model, "", false, false, null, false))).isEqualTo(2);
        assertThat(results.count(new RatingResults.Query(model, "ster", null, false, null, false))).isEqualTo(1);
        assertThat(results.count(new RatingResults.Query(model, "", null, true, null, false))).isEqualTo(2);
    }

    @Test
    void computed_criteria_map_revenue_orders_recency_margin_potential_and_dmu_contacts_through_their_thresholds() {
        long model = models.create(new RatingModels.Settings("Data", null, 12), "manager");
        int version = 1;
        long revenue = models.saveCriterion(model, version++, computed("Revenue", Rule.REVENUE, "4: 1000; 8: 5000"), "m");
        long orders = models.saveCriterion(model, version++, computed("Orders", Rule.ORDER_FREQUENCY, "5: 2; 10: 3"), "m");
        long recency = models.saveCriterion(model, version++, computed("Recency", Rule.RECENCY, "10: 30; 6: 90"), "m");
        long margin = models.saveCriterion(model, version++, computed("Margin", Rule.MARGIN, "7: 500"), "m");
        long potential = models.saveCriterion(model, version++, computed("Potential", Rule.POTENTIAL, "9: 100000"), "m");
        long dmu = models.saveCriterion(model, version, computed("DMU", Rule.DMU_CONTACTS, "3: 1; 6: 2"), "m");
        long buyer = account("Koper");
        dsl.update(ACCOUNT).set(ACCOUNT.POTENTIAL_VALUE, new BigDecimal("250000")).where(ACCOUNT.ID.eq(buyer)).execute();
        order(buyer, TODAY.minusDays(10), "3000", "20");
        order(buyer, TODAY.minusDays(100), "2000", "10");
        order(buyer, TODAY.minusYears(2), "99999", null); // outside the period: counts for nothing but recency
        contact(buyer, "DECIDER");
        contact(buyer, "BUYER");
        contact(buyer, null);
        long sleeper = account("Slaper");
        order(sleeper, TODAY.minusDays(60), "999", null);
        long prospect = account("Prospect");

        var outcome = run.run(model, "manager", done -> { });

        assertThat(outcome.accounts()).as("all accounts, with or without orders").isEqualTo(3);
        assertThat(scores(buyer, revenue, orders, recency, margin, potential, dmu)).containsExactly(8, 5, 10, 7, 9, 6);
        assertThat(raw(buyer, revenue)).isEqualByComparingTo("5000");
        assertThat(raw(buyer, margin)).isEqualByComparingTo("800");
        assertThat(raw(buyer, recency)).isEqualByComparingTo("10");
        assertThat(scores(buyer, margin)).as("margin 800 >= 500").containsExactly(7);
        assertThat(scores(sleeper, revenue, orders, recency, margin, potential, dmu)).containsExactly(1, 1, 6, 1, 1, 1);
        assertThat(scores(prospect, revenue, orders, recency, margin, potential, dmu)).containsExactly(1, 1, 1, 1, 1, 1);
        var explained = results.explain(buyer).getFirst();
        assertThat(explained.value()).isEqualByComparingTo("45");
        assertThat(explained.qualifies()).as("no cut-off, no knock-outs").isTrue();
    }

    @Test
    void a_criterion_on_the_nps_plugins_metric_scores_the_latest_answer_and_without_the_plugin_is_not_scored() {
        var nps = new TestNpsMetric(dsl);
        long model = models.create(new RatingModels.Settings("NPS", null, 12), "anna");
        long criterion = models.saveCriterion(model, 1, new CriterionInput(null, "Latest NPS", "Laatste NPS",
                AssessmentMethod.RELATIONSHIP, CriterionKind.COMPUTED, Rule.METRIC, CustomerAnalysis.NPS_METRIC, false,
                new BigDecimal("2"), 10, 3, Thresholds.parse("3: 7; 5: 9", 10, false).thresholds()), "anna");
        long promoter = account("Promotor");
        long passive = account("Passief");
        long silent = account("Zwijger");
        nps.answer(promoter, 10);
        nps.answer(passive, 7);

        new RatingRun(dsl, CLOCK, List.of(nps)).run(model, "anna", done -> { });
        assertThat(scores(promoter, criterion)).containsExactly(5);
        assertThat(scores(passive, criterion)).containsExactly(3);
        assertThat(scores(silent, criterion)).as("no answer: not scored").containsExactly((Integer) null);
        assertThat(raw(promoter, criterion)).isEqualByComparingTo("10");
        assertThat(results.explain(silent).getFirst().qualifies()).as("fails the knock-out of 3").isFalse();

        // the NPS plugin uninstalled: the run still works, the criterion is simply not scored
        var outcome = run.run(model, "anna", done -> { });
        assertThat(outcome.accounts()).isEqualTo(3);
        assertThat(scores(promoter, criterion)).containsExactly((Integer) null);
        assertThat(results.explain(promoter).getFirst().value()).isEqualByComparingTo("0");
    }

    @Test
    void a_change_is_a_new_version_results_keep_theirs_and_a_stale_editor_is_refused() {
        long model = models.create(new RatingModels.Settings("Versies", new BigDecimal("10"), 12), "anna");
        long c1 = models.saveCriterion(model, 1, manual("Fit", "Fit", "2", null), "anna");
        long account = account("Klant");
        manual.set(c1, account, 6, "sales");
        run.run(model, "anna", done -> { });

        int version = models.update(model, 2, new RatingModels.Settings("Versies", new BigDecimal("20"), 12), "bert");
        assertThat(version).isEqualTo(3);
        assertThatThrownBy(() -> models.update(model, 2, new RatingModels.Settings("Oud", null, 12), "carla"))
                .isInstanceOf(RatingModels.ModelChangedException.class);
        assertThatThrownBy(() -> models.saveCriterion(model, 2, manual("X", "X", "1", null), "carla"))
                .isInstanceOf(RatingModels.ModelChangedException.class);
        assertThat(models.find(model).orElseThrow().name()).isEqualTo("Versies");

        assertThat(results.explain(account).getFirst().modelVersion()).as("computed with version 2").isEqualTo(2);
        assertThat(results.explain(account).getFirst().minimumTotal()).isEqualByComparingTo("10");
        assertThat(models.versions(model)).extracting(RatingModels.VersionHeader::version).containsExactly(3, 2, 1);
        assertThat(models.versions(model).getFirst().savedBy()).isEqualTo("bert");
        assertThat(models.criteriaOfVersion(model, 1)).isEmpty();
        assertThat(models.criteriaOfVersion(model, 2)).extracting(c -> c.nameEn()).containsExactly("Fit");

        manual.set(c1, account, 4, "sales");
        run.run(model, "bert", done -> { });
        assertThat(results.history(model, account, 10)).extracting(RatingResults.HistoryEntry::value)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("8"), new BigDecimal("12"));
        assertThat(results.history(model, account, 10)).extracting(RatingResults.HistoryEntry::modelVersion)
                .containsExactly(3, 2);
    }

    @Test
    void bad_input_is_refused_and_changes_nothing() {
        long model = models.create(new RatingModels.Settings("Streng", null, 12), "anna");
        assertThatThrownBy(() -> models.create(new RatingModels.Settings("streng ", null, 12), "bert"))
                .isInstanceOfSatisfying(RatingModels.ModelRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("model.name.duplicate"));
        models.saveCriterion(model, 1, manual("Fit", "Passend", "1", null), "anna");
        assertThatThrownBy(() -> models.saveCriterion(model, 2, manual("Fit", "Anders", "1", null), "anna"))
                .isInstanceOfSatisfying(RatingModels.ModelRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("criterion.name.duplicate"));
        assertThatThrownBy(() -> models.saveCriterion(model, 2, CriterionInput.manual(null, "Te hoog", "Te hoog",
                AssessmentMethod.ACCOUNT, BigDecimal.ONE, 10, 11), "anna"))
                .isInstanceOfSatisfying(RatingModels.ModelRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("minScore"));
        assertThat(models.find(model).orElseThrow().version()).as("refused changes make no version").isEqualTo(2);
        assertThat(models.criteria(model)).hasSize(1);
        long account = account("Klant");
        long criterion = models.criteria(model).getFirst().id();
        assertThatThrownBy(() -> manual.set(criterion, account, 11, "sales")).isInstanceOf(IllegalArgumentException.class);
        long empty = models.create(new RatingModels.Settings("Leeg", null, 12), "anna");
        assertThatThrownBy(() -> run.run(empty, "anna", done -> { })).isInstanceOf(RatingRun.NoCriteriaException.class);

        // a smaller scale would leave a score of 8 above it: refused, the score stays
        manual.set(criterion, account, 8, "sales");
        assertThatThrownBy(() -> models.saveCriterion(model, 2, CriterionInput.manual(criterion, "Fit", "Passend",
                AssessmentMethod.RELATIONSHIP, BigDecimal.ONE, 5, null), "anna"))
                .isInstanceOfSatisfying(RatingModels.ModelRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("criterion.scale.scores-above"));
        assertThat(manual.of(model, account).get(criterion).score()).isEqualTo(8);
        assertThat(models.criteria(model).getFirst().scaleMax()).isEqualTo(10);
    }

    @Test
    void while_a_run_holds_its_model_an_edit_is_refused_at_once_instead_of_waiting() throws Exception {
        long model = models.create(new RatingModels.Settings("Bezet", null, 12), "anna");
        // a run locks its model's row for its whole transaction; hold the same lock here
        dsl.transaction(tx -> {
            tx.dsl().select(RATING_MODEL.ID).from(RATING_MODEL).where(RATING_MODEL.ID.eq(model)).forUpdate().fetch();
            var edit = java.util.concurrent.CompletableFuture.runAsync(() ->
                    models.update(model, 1, new RatingModels.Settings("Anders", null, 12), "bert"));
            assertThatThrownBy(() -> edit.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .hasCauseInstanceOf(RatingModels.ModelBusyException.class);
        });
        assertThat(models.find(model).orElseThrow().name()).isEqualTo("Bezet");
        assertThat(models.update(model, 1, new RatingModels.Settings("Anders", null, 12), "bert")).as("free again").isEqualTo(2);
    }

    @Test
    void followers_hear_when_an_account_crosses_the_cut_off() {
        long model = models.create(new RatingModels.Settings("Alarm", new BigDecimal("10"), 12), "anna");
        long c1 = models.saveCriterion(model, 1, manual("Fit", "Fit", "2", null), "anna");
        long followed = account("Gevolgd");
        long other = account("Ander");
        manual.set(c1, followed, 4, "sales");
        manual.set(c1, other, 4, "sales");
        var alerts = new Alerts(dsl, CLOCK);
        alerts.follow(7L, followed, true);
        run.run(model, "anna", done -> { });
        assertThat(alerts.unread(7L, 10)).as("nothing to compare with on the first run").isEmpty();

        manual.set(c1, followed, 6, "sales");
        manual.set(c1, other, 6, "sales");
        run.run(model, "anna", done -> { });

        var unread = alerts.unread(7L, 10);
        assertThat(unread).hasSize(1);
        assertThat(unread.getFirst().accountName()).isEqualTo("Gevolgd");
        assertThat(unread.getFirst().kind()).isEqualTo(Alerts.Kind.QUALIFIES);
        assertThat(unread.getFirst().modelName()).isEqualTo("Alarm");
        assertThat(new BigDecimal(unread.getFirst().before())).isEqualByComparingTo("8");
        assertThat(new BigDecimal(unread.getFirst().after())).isEqualByComparingTo("12");
        alerts.markReadUpTo(7L, unread.getFirst().id());
        assertThat(alerts.unreadCount(7L)).isZero();
    }

    private static CriterionInput manual(String en, String nl, String weight, Integer minScore) {
        return CriterionInput.manual(null, en, nl, AssessmentMethod.RELATIONSHIP, new BigDecimal(weight), 10, minScore);
    }

    private static CriterionInput computed(String name, Rule rule, String thresholds) {
        return CriterionInput.computed(null, name, name, AssessmentMethod.PRODUCT, rule, BigDecimal.ONE, 10, null,
                Thresholds.parse(thresholds, 10, rule.lowerIsBetter()).thresholds());
    }

    private void score(long account, long c1, int s1, long c2, int s2, long c3, int s3) {
        manual.set(c1, account, s1, "sales");
        manual.set(c2, account, s2, "sales");
        manual.set(c3, account, s3, "sales");
    }

    private List<Integer> scores(long account, long... criteria) {
        var scores = new ArrayList<Integer>();
        for (long criterion : criteria) {
            scores.add(dsl.select(RESULT_SCORE.SCORE).from(RESULT_SCORE)
                    .where(RESULT_SCORE.ACCOUNT_ID.eq(account).and(RESULT_SCORE.CRITERION_ID.eq(criterion))).fetchSingle().value1());
        }
        return scores;
    }

    private BigDecimal raw(long account, long criterion) {
        return dsl.select(RESULT_SCORE.RAW_VALUE).from(RESULT_SCORE)
                .where(RESULT_SCORE.ACCOUNT_ID.eq(account).and(RESULT_SCORE.CRITERION_ID.eq(criterion))).fetchSingle().value1();
    }

    private long account(String name) {
        return dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.COUNTRY, ACCOUNT.ACCOUNT_LEVEL, ACCOUNT.LIFECYCLE_STAGE)
                .values(name, "NL", "REGIONAL", "NEW_CUSTOMER").returningResult(ACCOUNT.ID).fetchSingle().value1();
    }

    private void contact(long account, String role) {
        dsl.insertInto(CONTACT, CONTACT.ACCOUNT_ID, CONTACT.LAST_NAME, CONTACT.DMU_ROLE).values(account, "Jansen", role).execute();
    }

    private void order(long account, LocalDate date, String amount, String marginPct) {
        long id = dsl.insertInto(SALES_ORDER, SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_NUMBER, SALES_ORDER.ORDER_DATE)
                .values(account, "R-" + (++orderNo), date).returningResult(SALES_ORDER.ID).fetchSingle().value1();
        dsl.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID, ORDER_LINE.QUANTITY,
                        ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT)
                .values(id, 1, product, BigDecimal.ONE, new BigDecimal(amount), marginPct == null ? null : new BigDecimal(marginPct))
                .execute();
    }
}

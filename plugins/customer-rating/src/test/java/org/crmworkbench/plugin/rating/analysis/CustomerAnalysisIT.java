package org.crmworkbench.plugin.rating.analysis;

import org.crmworkbench.db.TestDatabase;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;
import static org.crmworkbench.plugin.rating.jooq.Tables.CUSTOMER_SCORE;

/**
 * The set-based analysis on a real MariaDB, on small hand-made data sets whose results DOMAIN.md
 * fixes: quintiles with ties, pyramid edges, ABC boundaries, retention year over year.
 */
class CustomerAnalysisIT {

    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private final CustomerAnalysis analysis = new CustomerAnalysis(dsl,
            Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC));
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
        dsl.deleteFrom(CUSTOMER_SCORE).execute();
        dsl.deleteFrom(org.crmworkbench.plugin.rating.jooq.Tables.RATING_ALERT).execute();
        dsl.deleteFrom(org.crmworkbench.plugin.rating.jooq.Tables.ALERT_SUBSCRIPTION).execute();
        product = dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP).values("P", "P", "G")
                .returningResult(PRODUCT.ID).fetchSingle().value1();
    }

    @Test
    void frequencies_1_2_2_7_9_score_1_2_2_4_5_and_the_most_recent_order_scores_5() {
        int[] frequencies = {1, 2, 2, 7, 9};
        var ids = new ArrayList<Long>();
        for (int i = 0; i < frequencies.length; i++) {
            long account = account("Klant " + i, null);
            ids.add(account);
            for (int o = 0; o < frequencies[i]; o++) {
                order(account, TODAY.minusDays(10L * (5 - i) + o), "100");
            }
        }
        var run = analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "manager");

        assertThat(run.customers()).isEqualTo(5);
        assertThat(scores(CUSTOMER_SCORE.F_SCORE, ids)).containsExactly(1, 2, 2, 4, 5);
        assertThat(scores(CUSTOMER_SCORE.R_SCORE, ids)).as("last order dates rise with i").containsExactly(1, 2, 3, 4, 5);
        assertThat(dsl.select(CUSTOMER_SCORE.RECENCY_DAYS).from(CUSTOMER_SCORE).where(CUSTOMER_SCORE.ACCOUNT_ID.eq(ids.get(4)))
                .fetchSingle().value1()).isEqualTo(10);
        assertThat(analysis.lastRun()).hasValueSatisfying(r -> assertThat(r.by()).isEqualTo("manager"));
    }

    @Test
    void without_a_recorded_potential_p_equals_m() {
        long withPotential = account("Groot potentieel", new BigDecimal("1000000"));
        long without = account("Zonder schatting", null);
        order(withPotential, TODAY.minusDays(3), "10");
        order(without, TODAY.minusDays(3), "500");
        analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "m");

        assertThat(dsl.select(CUSTOMER_SCORE.POTENTIAL).from(CUSTOMER_SCORE).where(CUSTOMER_SCORE.ACCOUNT_ID.eq(without))
                .fetchSingle().value1()).isEqualByComparingTo("500");
        assertThat(scores(CUSTOMER_SCORE.M_SCORE, List.of(without, withPotential))).containsExactly(3, 1);
        assertThat(scores(CUSTOMER_SCORE.P_SCORE, List.of(without, withPotential))).as("P = M without a potential")
                .containsExactly(3, 3);
    }

    @Test
    void seven_customers_make_a_pyramid_of_1_0_1_5_and_abc_follows_the_cumulative_share_before_each() {
        String[] revenues = {"500", "300", "100", "60", "20", "15", "5"}; // total 1000
        var ids = new ArrayList<Long>();
        for (int i = 0; i < revenues.length; i++) {
            long account = account("Klant " + i, null);
            ids.add(account);
            order(account, TODAY.minusDays(i + 1), revenues[i]);
        }
        analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "m");

        Map<PyramidLayer, CustomerAnalysis.LayerTotal> pyramid = analysis.pyramid();
        assertThat(pyramid.get(PyramidLayer.TOP).customers()).isEqualTo(1);
        assertThat(pyramid.get(PyramidLayer.TOP).revenue()).isEqualByComparingTo("500");
        assertThat(pyramid.get(PyramidLayer.LARGE).customers()).isZero();
        assertThat(pyramid.get(PyramidLayer.MEDIUM).customers()).isEqualTo(1);
        assertThat(pyramid.get(PyramidLayer.SMALL).customers()).isEqualTo(5);
        // before: 0 -> A, 500 -> A, 800 -> B (not below 80 %), 900 -> B, 960 -> C, 980 -> C, 995 -> C
        assertThat(dsl.select(CUSTOMER_SCORE.ABC_CLASS).from(CUSTOMER_SCORE).orderBy(CUSTOMER_SCORE.REVENUE_RANK)
                .fetch(CUSTOMER_SCORE.ABC_CLASS)).containsExactly("A", "A", "B", "B", "C", "C", "C");
        assertThat(analysis.abc().get("A").revenue()).isEqualByComparingTo("800");
        assertThat(analysis.customerShareFor(new BigDecimal("0.80"))).as("2 of 7 bring 80 %").isEqualTo(2 / 7d);
        var curve = analysis.pareto(20);
        assertThat(curve.getFirst()).containsExactly(0, 0);
        assertThat(curve.getLast()).containsExactly(1, 1);
        assertThat(curve).hasSize(8);
    }

    @Test
    void a_customer_with_a_negative_margin_is_d_and_ties_in_revenue_rank_by_account_id_and_partial_margins_are_unknown() {
        long loss = account("Verlies", null);
        long a = account("Gewoon", null);
        order(loss, TODAY.minusDays(1), "100", "-20");
        order(a, TODAY.minusDays(1), "100", "30");
        long partly = account("Deels bekend", null);
        order(partly, TODAY.minusDays(1), "50", "-5");
        order(partly, TODAY.minusDays(2), "10000");
        analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "m");

        assertThat(dsl.select(CUSTOMER_SCORE.ACCOUNT_ID, CUSTOMER_SCORE.ABC_CLASS, CUSTOMER_SCORE.REVENUE_RANK)
                .from(CUSTOMER_SCORE).orderBy(CUSTOMER_SCORE.REVENUE_RANK).fetch(r -> r.value1() + ":" + r.value2() + r.value3()))
                .containsExactly(partly + ":A1", loss + ":D2", a + ":C3");
        assertThat(dsl.select(CUSTOMER_SCORE.MARGIN).from(CUSTOMER_SCORE).where(CUSTOMER_SCORE.ACCOUNT_ID.eq(partly))
                .fetchSingle().value1()).as("a partly known margin is unknown").isNull();
    }

    @Test
    void a_run_counts_only_orders_in_the_period_and_replaces_the_previous_result() {
        long old = account("Oud", null);
        long recent = account("Recent", null);
        order(old, TODAY.minusYears(2), "100");
        order(recent, TODAY.minusDays(2), "100");
        analysis.run(new CustomerAnalysis.Settings(TODAY.minusYears(3), TODAY, PyramidShares.DEFAULT), "m");
        assertThat(dsl.fetchCount(CUSTOMER_SCORE)).isEqualTo(2);

        analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "m");
        assertThat(dsl.select(CUSTOMER_SCORE.ACCOUNT_ID).from(CUSTOMER_SCORE).fetch(CUSTOMER_SCORE.ACCOUNT_ID))
                .containsExactly(recent);
    }

    @Test
    void the_next_run_tells_who_moved_up_or_down_the_pyramid_and_who_came_and_went() {
        long rising = account("Stijger", null);
        long falling = account("Daler", null);
        long leaving = account("Vertrekker", null);
        order(rising, TODAY.minusDays(300), "10");
        order(falling, TODAY.minusDays(300), "1000");
        order(leaving, TODAY.minusDays(300), "500");
        analysis.run(new CustomerAnalysis.Settings(TODAY.minusYears(1).plusDays(1), TODAY, new PyramidShares(33, 0, 33)), "m");
        new org.crmworkbench.plugin.rating.score.Alerts(dsl, Clock.systemUTC()).follow(42L, rising, true);
        assertThat(analysis.movement()).as("first run: everyone is new").isEqualTo(new CustomerAnalysis.Movement(0, 0, 0, 3, 0));

        long arriving = account("Nieuwkomer", null);
        order(rising, TODAY.minusDays(1), "5000");
        order(arriving, TODAY.minusDays(1), "1");
        // the second period covers only the last 100 days: falling and leaving bought before it, rising after
        order(falling, TODAY.minusDays(2), "100");
        analysis.run(new CustomerAnalysis.Settings(TODAY.minusDays(99), TODAY, new PyramidShares(33, 0, 33)), "m");

        assertThat(analysis.scoreOf(rising)).hasValueSatisfying(s -> {
            assertThat(s.previousLayer()).isEqualTo(PyramidLayer.SMALL);
            assertThat(s.layer()).isEqualTo(PyramidLayer.TOP);
        });
        assertThat(analysis.scoreOf(falling)).hasValueSatisfying(s -> assertThat(s.previousLayer()).isEqualTo(PyramidLayer.TOP));
        assertThat(analysis.movement()).isEqualTo(new CustomerAnalysis.Movement(1, 1, 0, 1, 1));

        // a follower of the rising account heard of its new layer; nobody follows the falling one
        var alerts = new org.crmworkbench.plugin.rating.score.Alerts(dsl, Clock.systemUTC()).unread(42L, 10);
        assertThat(alerts).extracting(a -> a.kind(), a -> a.before(), a -> a.after())
                .contains(org.assertj.core.groups.Tuple.tuple(org.crmworkbench.plugin.rating.score.Alerts.Kind.LAYER, "SMALL", "TOP"));
        assertThat(alerts).extracting(a -> a.accountId()).containsOnly(rising);
    }

    @Test
    void retention_is_the_share_of_last_years_customers_that_ordered_again() {
        long[] accounts = new long[5];
        for (int i = 0; i < 5; i++) {
            accounts[i] = account("R" + i, null);
        }
        for (int i = 0; i < 4; i++) {
            order(accounts[i], LocalDate.of(2024, 3, 1 + i), "10");
        }
        order(accounts[0], LocalDate.of(2025, 5, 1), "10");
        order(accounts[0], LocalDate.of(2025, 6, 1), "10");
        order(accounts[1], LocalDate.of(2025, 5, 1), "10");
        order(accounts[4], LocalDate.of(2025, 5, 1), "10");

        var rows = analysis.retention(2025, 2025);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.year()).isEqualTo(2025);
            assertThat(r.previous()).isEqualTo(4);
            assertThat(r.retained()).isEqualTo(2);
            assertThat(r.rate()).isEqualTo(0.5);
        });
        // a run up to some day in 2026 keeps 2025's retention, for CLV on the dashboard card
        order(accounts[0], TODAY.minusDays(1), "10");
        assertThat(analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "m").retention()).isEqualByComparingTo("0.5");
        assertThat(analysis.lastRun().orElseThrow().retention()).isEqualByComparingTo("0.5");
    }

    @Test
    void the_largest_yearly_margins_give_the_largest_clvs_with_revenue_times_the_default_margin_where_none_is_known() {
        long known = account("Bekend", null);
        long unknown = account("Onbekend", null);
        long small = account("Klein", null);
        order(known, TODAY.minusDays(3), "1000", "50"); // margin 500
        order(unknown, TODAY.minusDays(3), "1600");      // 1600 x 25 % = 400
        order(small, TODAY.minusDays(3), "100", "10");  // margin 10
        analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "m");

        assertThat(analysis.topByMargin(Clv.DEFAULT_MARGIN_PCT, 2)).extracting(CustomerAnalysis.Score::accountId)
                .containsExactly(known, unknown);
        assertThat(Clv.yearlyMargin(null, new BigDecimal("1600"), Clv.DEFAULT_MARGIN_PCT, 365)).isEqualByComparingTo("400");
        assertThat(Clv.yearlyMargin(new BigDecimal("500"), new BigDecimal("1000"), Clv.DEFAULT_MARGIN_PCT, 73))
                .as("a period of 73 days scaled to a year").isEqualByComparingTo("2500");
    }

    @Test
    void with_the_nps_plugin_the_relationship_averages_interactions_and_the_mapped_latest_answer_and_without_it_works_as_before() {
        var nps = new org.crmworkbench.plugin.rating.TestNpsMetric(dsl);
        long promoter = account("Promotor", null);
        long passive = account("Passief", null);
        long silent = account("Zwijger", null);
        long judged = account("Beoordeeld", null);
        for (long account : new long[] {promoter, passive, silent, judged}) {
            order(account, TODAY.minusDays(5), "100");
        }
        nps.answer(promoter, 10);
        nps.answer(passive, 7);
        nps.answer(judged, 0);
        analysis.judge(judged, 4, "m");
        var withNps = new CustomerAnalysis(dsl, Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC), List.of(nps));

        withNps.run(CustomerAnalysis.Settings.lastYear(TODAY), "m");
        // no interactions: interaction quintile 1 for everyone
        assertThat(relationship(withNps, promoter)).as("(1 + 5) / 2").isEqualByComparingTo("3");
        assertThat(relationship(withNps, passive)).as("(1 + 3) / 2").isEqualByComparingTo("2");
        assertThat(relationship(withNps, silent)).as("no answer: interactions only").isEqualByComparingTo("1");
        assertThat(relationship(withNps, judged)).as("the judgement wins").isEqualByComparingTo("4");

        analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "m");
        assertThat(relationship(analysis, promoter)).isEqualByComparingTo("1");
        assertThat(relationship(analysis, judged)).isEqualByComparingTo("4");
    }

    private static BigDecimal relationship(CustomerAnalysis analysis, long account) {
        return analysis.scoreOf(account).orElseThrow().relationship();
    }

    @Test
    void the_matrix_puts_customers_in_partner_economicus_friend_and_dog_around_the_median() {
        long partner = account("Partner", null);
        long economicus = account("Economicus", null);
        long friend = account("Vriend", null);
        long dog = account("Dog", null);
        for (int o = 0; o < 4; o++) { // strong buyers: recent, frequent, large
            order(partner, TODAY.minusDays(1 + o), "1000");
            order(economicus, TODAY.minusDays(1 + o), "1000");
        }
        order(friend, TODAY.minusDays(200), "10");
        order(dog, TODAY.minusDays(200), "10");
        analysis.judge(partner, 5, "m");
        analysis.judge(economicus, 1, "m");
        analysis.judge(friend, 5, "m");
        analysis.judge(dog, 4, "m");
        analysis.judge(dog, 1, "m"); // a second judgement replaces the first
        assertThat(analysis.judgement(dog)).contains(1);

        var run = analysis.run(CustomerAnalysis.Settings.lastYear(TODAY), "m");

        assertThat(run.relationshipThreshold()).isEqualByComparingTo("3"); // median of 1, 1, 5, 5
        assertThat(analysis.scoreOf(partner)).hasValueSatisfying(s -> assertThat(s.quadrant()).isEqualTo(Quadrant.PARTNER));
        assertThat(analysis.scoreOf(economicus)).hasValueSatisfying(s -> assertThat(s.quadrant()).isEqualTo(Quadrant.ECONOMICUS));
        assertThat(analysis.scoreOf(friend)).hasValueSatisfying(s -> assertThat(s.quadrant()).isEqualTo(Quadrant.FRIEND));
        assertThat(analysis.scoreOf(dog)).hasValueSatisfying(s -> {
            assertThat(s.quadrant()).isEqualTo(Quadrant.DOG);
            assertThat(s.relationship()).isEqualByComparingTo("1");
        });
        assertThat(analysis.matrix()).containsEntry(Quadrant.PARTNER, 1).containsEntry(Quadrant.DOG, 1);
        assertThat(analysis.count(new CustomerAnalysis.ScoreQuery("", null, null, Quadrant.FRIEND, null, true))).isEqualTo(1);

        // the CSV export of a matrix cell: the same filter, labels as given, CLV from the parameters
        var csv = new java.io.StringWriter();
        var labels = new java.util.HashMap<String, String>();
        for (PyramidLayer l : PyramidLayer.values()) {
            labels.put(l.name(), l.name().toLowerCase());
        }
        for (Quadrant q : Quadrant.values()) {
            labels.put(q.name(), q.name().toLowerCase());
        }
        AnalysisView.export(new AnalysisView.ExportState(analysis, new CustomerAnalysis.ScoreQuery("", null, null, Quadrant.PARTNER,
                null, true), new Clv(new BigDecimal("0.75"), new BigDecimal("0.08"), 5), new BigDecimal("20"), 365,
                List.of("h"), labels), new org.crmworkbench.api.csv.CsvWriter(csv, ','), java.util.Locale.ENGLISH);
        var lines = csv.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(analysis.scoreOf(partner).orElseThrow().revenueRank() + "," + partner + ",")
                .contains(",partner,");

        analysis.judge(friend, null, "m");
        var fixed = analysis.run(new CustomerAnalysis.Settings(TODAY.minusYears(1).plusDays(1), TODAY, PyramidShares.DEFAULT,
                new BigDecimal("4.5"), new BigDecimal("2")), "m");
        assertThat(fixed.buyingThreshold()).isEqualByComparingTo("4.5");
        assertThat(analysis.scoreOf(friend)).as("no interactions, no judgement: relationship score 1")
                .hasValueSatisfying(s -> assertThat(s.quadrant()).isEqualTo(Quadrant.DOG));
    }

    private List<Integer> scores(org.jooq.TableField<?, Integer> field, List<Long> accounts) {
        var byAccount = dsl.select(CUSTOMER_SCORE.ACCOUNT_ID, field).from(CUSTOMER_SCORE)
                .where(CUSTOMER_SCORE.ACCOUNT_ID.in(accounts)).fetchMap(r -> r.value1(), r -> (Integer) r.value2());
        return accounts.stream().map(byAccount::get).toList();
    }

    private long account(String name, BigDecimal potential) {
        return dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.COUNTRY, ACCOUNT.ACCOUNT_LEVEL, ACCOUNT.LIFECYCLE_STAGE,
                        ACCOUNT.POTENTIAL_VALUE)
                .values(name, "NL", "REGIONAL", "NEW_CUSTOMER", potential).returningResult(ACCOUNT.ID).fetchSingle().value1();
    }

    private void order(long account, LocalDate date, String amount) {
        order(account, date, amount, null);
    }

    private void order(long account, LocalDate date, String amount, String marginPct) {
        long id = dsl.insertInto(SALES_ORDER, SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_NUMBER, SALES_ORDER.ORDER_DATE)
                .values(account, "T-" + (++orderNo), date).returningResult(SALES_ORDER.ID).fetchSingle().value1();
        dsl.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID, ORDER_LINE.QUANTITY,
                        ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT)
                .values(id, 1, product, BigDecimal.ONE, new BigDecimal(amount), marginPct == null ? null : new BigDecimal(marginPct))
                .execute();
    }
}

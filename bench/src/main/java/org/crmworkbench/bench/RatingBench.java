package org.crmworkbench.bench;

import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.DatabaseSettings;
import org.crmworkbench.db.EmbeddedMariaDb;
import org.crmworkbench.plugin.rating.analysis.CustomerAnalysis;
import org.crmworkbench.plugin.rating.model.AssessmentMethod;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.crmworkbench.plugin.rating.model.Rule;
import org.crmworkbench.plugin.rating.model.Thresholds;
import org.crmworkbench.plugin.rating.score.ManualScores;
import org.crmworkbench.plugin.rating.score.RatingResults;
import org.crmworkbench.plugin.rating.score.RatingRun;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./crm bench rating}: the customer-rating plugin's analysis run (RFM + P, pyramid, ABC,
 * relations matrix for every customer, set-based) on the core benchmark's data, against one
 * hand-written SQL statement that computes the same result; and the account tab's queries against a
 * single-row read by primary key.
 */
public final class RatingBench {

    private static final String SCHEMA = "crm_customer_rating";

    private RatingBench() {
    }

    /** The outcome of a run. */
    public record Result(CoreBench.Size size, String machine, LocalDateTime at, double loadSeconds, int customers,
                         int differingRows, List<CoreBench.Figure> figures) {

        public String markdown() {
            var text = new StringBuilder();
            text.append("## rating (").append(size.name().toLowerCase()).append(")\n\n");
            text.append("Run ").append(at.withNano(0)).append(" on ").append(machine).append(".\n");
            text.append(String.format("Data: the core benchmark's %,d accounts and %,d order lines (generated in %.1f s); "
                    + "%,d customers with orders in the last twelve months.%n%n", size.accounts, size.orderLines, loadSeconds,
                    customers));
            text.append("| measure | runs | median ms | floor | floor ms | ratio | target |\n|---|---:|---:|---|---:|---:|---|\n");
            for (var f : figures) {
                text.append(String.format("| %s | %d | %.1f | %s | %.1f | %.2f | %s |%n", f.what(), f.runs(), f.medianMs(),
                        f.floor(), f.floorMs(), f.ratio(), f.target()));
            }
            text.append(String.format("%nRows that differ between the run and the floor: %d (the same result).%n", differingRows));
            text.append("\nThe floor of the analysis is one hand-written `INSERT ... SELECT` (plain SQL, window functions, ")
                    .append("`MEDIAN() OVER ()` for the matrix) writing the same rows into a scratch table; the run itself also ")
                    .append("deletes the previous result, computes the medians and records the run, in one transaction.\n");
            text.append("\nThe rating run rates every account on a model of 5 criteria: 2 manual (scored on every third account), ")
                    .append("revenue, order frequency and recency computed through thresholds. Its floor is one hand-written ")
                    .append("`INSERT ... SELECT` writing the same value, qualification and failed knock-outs per account into a ")
                    .append("scratch table; the run itself also stores every account's score per criterion (the breakdown of ")
                    .append("the Rating tab), appends the values to the history and writes the cut-off alerts.\n");
            return text.toString();
        }
    }

    public static Result run(Path workDir, CoreBench.Size size) throws IOException {
        CoreBench.deleteRecursively(workDir);
        try (var server = EmbeddedMariaDb.start(workDir.resolve("mariadb"), 0, CoreBench.serverOptions(size));
             var database = CrmDatabase.open(new DatabaseSettings(server.jdbcUrl(), server.user(), server.password(), null,
                     workDir))) {
            DSLContext dsl = database.dsl();
            LocalDate today = LocalDate.now();
            long start = System.nanoTime();
            try (var session = LoadFloor.openSession(server)) {
                new CoreData(session, CoreData.SEED, today).generate(CoreData.Volume.of(size).withoutContacts());
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            Flyway.configure().dataSource(database.dataSource()).schemas(SCHEMA).createSchemas(true)
                    .locations("classpath:db/" + SCHEMA).load().migrate();
            dsl.execute("CREATE TABLE " + SCHEMA + ".score_floor AS SELECT * FROM " + SCHEMA + ".customer_score WHERE 1 = 0");
            System.out.println("measuring ...");

            var analysis = new CustomerAnalysis(dsl, Clock.systemDefaultZone());
            var settings = CustomerAnalysis.Settings.lastYear(today);
            int runs = size.recalculationRuns;
            double floor = CoreBench.medianOf(runs, () -> {
                dsl.execute("TRUNCATE TABLE " + SCHEMA + ".score_floor");
                return CoreBench.timed(() -> dsl.execute(FLOOR, settings.to(), settings.from(), settings.to(),
                        settings.to().minusYears(1).plusDays(1).atStartOfDay(), settings.to().plusDays(1).atStartOfDay()));
            });
            double full = CoreBench.medianOf(runs, () -> CoreBench.timed(() -> analysis.run(settings, "bench").customers()));
            int customers = analysis.lastRun().orElseThrow().customers();
            int differing = differingRows(dsl);
            var figures = new ArrayList<CoreBench.Figure>();
            figures.add(new CoreBench.Figure("analysis run over all customers (RFM + P, pyramid, ABC, matrix)", runs, full,
                    floor, "one hand-written INSERT ... SELECT", "<= 2x floor"));

            long someAccount = analysis.page(CustomerAnalysis.ScoreQuery.all(), customers / 2, 1).getFirst().accountId();
            double floorRow = CoreBench.median(size.queryRuns, () -> dsl.fetchCount(
                    DSL.selectFrom(DSL.table(DSL.name(SCHEMA, "customer_score")))
                            .where(DSL.field(DSL.name("account_id")).eq(someAccount))));
            double tab = CoreBench.median(size.queryRuns, () -> analysis.scoreOf(someAccount).map(s -> 1).orElse(0)
                    + analysis.judgement(someAccount).map(s -> 1).orElse(0) + analysis.lastRun().map(r -> 1).orElse(0));
            figures.add(new CoreBench.Figure("account tab: the account's scores, judgement and run", size.queryRuns, tab,
                    floorRow, "1 row by primary key", "< 100 ms"));

            // the weighted rating: 5 criteria, 3 computed, over all accounts
            var models = new RatingModels(dsl, Clock.systemDefaultZone());
            long model = ratingModel(dsl, models);
            var minimum = models.find(model).orElseThrow().minimumTotal();
            dsl.execute("CREATE TABLE " + SCHEMA + ".rating_floor (account_id BIGINT PRIMARY KEY, rating_value DECIMAL(12, 2), "
                    + "qualifies BOOLEAN, knocked_out VARCHAR(1000))");
            double ratingFloor = CoreBench.medianOf(runs, () -> {
                dsl.execute("TRUNCATE TABLE " + SCHEMA + ".rating_floor");
                return CoreBench.timed(() -> dsl.execute(RATING_FLOOR, today.minusMonths(12).plusDays(1), today, today, today,
                        model, minimum));
            });
            var ratingRun = new RatingRun(dsl, Clock.systemDefaultZone(), List.of());
            double rating = CoreBench.medianOf(runs, () -> CoreBench.timed(() -> ratingRun.run(model, "bench", done -> { })
                    .accounts()));
            int ratingDiffering = differingRatings(dsl, model);
            figures.add(new CoreBench.Figure("rating run over all accounts (5 criteria, 3 computed)", runs, rating, ratingFloor,
                    "one hand-written INSERT ... SELECT", "<= 2x floor"));
            var results = new RatingResults(dsl, models);
            var manual = new ManualScores(dsl, Clock.systemDefaultZone());
            long rated = someAccount - someAccount % 3; // scored by hand too
            double ratingTab = CoreBench.median(size.queryRuns, () -> results.explain(rated).size()
                    + results.history(model, rated, 20).size() + manual.of(model, rated).size());
            figures.add(new CoreBench.Figure("Rating tab: breakdown, history and manual scores", size.queryRuns, ratingTab,
                    floorRow, "1 row by primary key", "< 100 ms"));
            return new Result(size, Machine.describe(), LocalDateTime.now(), loadSeconds, customers, differing + ratingDiffering,
                    figures);
        }
    }

    /** The demo's model: two manual criteria scored on every third account, revenue, order frequency and recency. */
    private static long ratingModel(DSLContext dsl, RatingModels models) {
        long model = models.create(new RatingModels.Settings("Bench", new java.math.BigDecimal("50"), 12), "bench");
        String[][] criteria = {
                {"Market position", "ACCOUNT", null, "3", null, null},
                {"Relationship strength", "RELATIONSHIP", null, "2", "5", null},
                {"Revenue", "PRODUCT", "REVENUE", "2", null, "2: 500; 4: 2000; 6: 5000; 8: 10000; 10: 20000"},
                {"Order frequency", "PRODUCT", "ORDER_FREQUENCY", "1", null, "3: 2; 5: 4; 7: 6; 9: 10; 10: 15"},
                {"Recency", "RELATIONSHIP", "RECENCY", "1", "2", "2: 365; 4: 180; 6: 90; 8: 60; 10: 30"}};
        int version = 1;
        var manual = new ArrayList<Long>();
        for (String[] c : criteria) {
            Rule rule = c[2] == null ? null : Rule.valueOf(c[2]);
            var weight = new java.math.BigDecimal(c[3]);
            Integer minimum = c[4] == null ? null : Integer.valueOf(c[4]);
            var input = rule == null
                    ? RatingModels.CriterionInput.manual(null, c[0], c[0], AssessmentMethod.valueOf(c[1]), weight, 10, minimum)
                    : RatingModels.CriterionInput.computed(null, c[0], c[0], AssessmentMethod.valueOf(c[1]), rule, weight, 10,
                    minimum, Thresholds.parse(c[5], 10, rule.lowerIsBetter()).thresholds());
            long id = models.saveCriterion(model, version++, input, "bench");
            if (rule == null) {
                manual.add(id);
            }
        }
        for (long criterion : manual) {
            dsl.execute("INSERT INTO " + SCHEMA + ".manual_score (criterion_id, account_id, score, scored_by) "
                    + "SELECT ?, id, MOD(id * 7 + ?, 10) + 1, 'bench' FROM crm_core.v_accounts WHERE MOD(id, 3) = 0",
                    criterion, criterion);
        }
        return model;
    }

    /** Results of the rating run that the floor does not have, plus the other way round: 0 when they agree. */
    private static int differingRatings(DSLContext dsl, long model) {
        String run = "SELECT account_id, rating_value, qualifies, knocked_out FROM " + SCHEMA + ".rating_result WHERE model_id = "
                + model;
        String floor = "SELECT account_id, rating_value, qualifies, knocked_out FROM " + SCHEMA + ".rating_floor";
        return dsl.resultQuery("SELECT (SELECT COUNT(*) FROM (" + run + " EXCEPT " + floor + ") a) + (SELECT COUNT(*) FROM ("
                + floor + " EXCEPT " + run + ") b)").fetchSingle().get(0, Integer.class);
    }

    /**
     * The same values, qualifications and knock-outs as {@link RatingRun#run}, written by hand in one
     * statement for the bench's model (parameters: period from, to, last order up to, recency day, model, cut-off).
     */
    private static final String RATING_FLOOR = """
            INSERT INTO crm_customer_rating.rating_floor (account_id, rating_value, qualifies, knocked_out)
            SELECT account_id, SUM(weight * COALESCE(score, 0)),
                   SUM(min_score IS NOT NULL AND (score IS NULL OR score < min_score)) = 0
                       AND SUM(weight * COALESCE(score, 0)) >= cut_off,
                   GROUP_CONCAT(CASE WHEN min_score IS NOT NULL AND (score IS NULL OR score < min_score) THEN criterion_id END
                                ORDER BY criterion_id SEPARATOR ',')
            FROM (
                SELECT x.account_id, x.criterion_id, x.weight, x.min_score, x.cut_off,
                       CASE WHEN x.kind = 'MANUAL' THEN x.manual
                            ELSE COALESCE((SELECT MAX(t.score) FROM crm_customer_rating.criterion_threshold t
                                           WHERE t.criterion_id = x.criterion_id
                                             AND CASE WHEN x.rule = 'RECENCY' THEN x.raw <= t.bound ELSE x.raw >= t.bound END), 1)
                       END AS score
                FROM (
                    SELECT a.id AS account_id, c.id AS criterion_id, c.weight, c.min_score, c.kind, c.rule, ms.score AS manual,
                           cut.cut_off,
                           CASE c.rule WHEN 'REVENUE' THEN COALESCE(p.revenue, 0) WHEN 'ORDER_FREQUENCY' THEN COALESCE(p.orders, 0)
                                       WHEN 'RECENCY' THEN DATEDIFF(l.today, l.last_order) END AS raw
                    FROM crm_core.v_accounts a
                    CROSS JOIN crm_customer_rating.criterion c
                    LEFT JOIN (SELECT account_id, SUM(amount) AS revenue, COUNT(DISTINCT order_id) AS orders
                               FROM crm_core.v_order_lines WHERE order_date BETWEEN ? AND ? GROUP BY account_id) p
                           ON p.account_id = a.id
                    LEFT JOIN (SELECT account_id, MAX(order_date) AS last_order, ? AS today FROM crm_core.v_orders
                               WHERE order_date <= ? GROUP BY account_id) l ON l.account_id = a.id
                    LEFT JOIN crm_customer_rating.manual_score ms ON ms.criterion_id = c.id AND ms.account_id = a.id
                    CROSS JOIN (SELECT ? AS model, ? AS cut_off) cut
                    WHERE c.model_id = cut.model
                ) x
            ) y
            GROUP BY account_id
            """;

    /** Rows of the run's result that the floor does not have, plus the other way round: 0 when they agree. */
    private static int differingRows(DSLContext dsl) {
        String columns = "account_id, last_order, recency_days, frequency, monetary, potential, margin, r_score, f_score, "
                + "m_score, p_score, revenue_rank, pyramid_layer, abc_class, interactions, i_score, buying, relationship, quadrant";
        String run = "SELECT " + columns + " FROM " + SCHEMA + ".customer_score";
        String floor = "SELECT " + columns + " FROM " + SCHEMA + ".score_floor";
        return dsl.resultQuery("SELECT (SELECT COUNT(*) FROM (" + run + " EXCEPT " + floor + ") a) + (SELECT COUNT(*) FROM ("
                + floor + " EXCEPT " + run + ") b)").fetchSingle().get(0, Integer.class);
    }

    /** The same result as {@link CustomerAnalysis#run}'s rows, written by hand in one statement. */
    private static final String FLOOR = """
            INSERT INTO crm_customer_rating.score_floor (account_id, last_order, recency_days, frequency, monetary, potential,
                margin, r_score, f_score, m_score, p_score, revenue_rank, pyramid_layer, abc_class, interactions, i_score,
                buying, relationship, quadrant)
            SELECT account_id, last_order, DATEDIFF(?, last_order), frequency, monetary, potential, margin, r, f, m, p, k,
                   layer, abc, interactions, i, buying, relationship,
                   CASE WHEN buying >= MEDIAN(buying) OVER () AND relationship >= MEDIAN(relationship) OVER () THEN 'PARTNER'
                        WHEN buying >= MEDIAN(buying) OVER () THEN 'ECONOMICUS'
                        WHEN relationship >= MEDIAN(relationship) OVER () THEN 'FRIEND' ELSE 'DOG' END
            FROM (
                SELECT s.*, (r + f + m + p) / 4 AS buying, COALESCE(judgement, i) AS relationship,
                       CASE WHEN k <= CEIL(n * 0.01) THEN 'TOP' WHEN k <= CEIL(n * 0.05) THEN 'LARGE'
                            WHEN k <= CEIL(n * 0.20) THEN 'MEDIUM' ELSE 'SMALL' END AS layer,
                       CASE WHEN margin < 0 THEN 'D' WHEN COALESCE(before_k, 0) < 0.80 * total OR k = 1 THEN 'A'
                            WHEN COALESCE(before_k, 0) < 0.95 * total THEN 'B' ELSE 'C' END AS abc
                FROM (
                    SELECT agg.*, COALESCE(a.potential_value, agg.monetary) AS potential,
                           COALESCE(c.interactions, 0) AS interactions, j.score AS judgement,
                           COUNT(*) OVER () AS n,
                           1 + (5 * (RANK() OVER (ORDER BY agg.last_order) - 1)) DIV COUNT(*) OVER () AS r,
                           1 + (5 * (RANK() OVER (ORDER BY agg.frequency) - 1)) DIV COUNT(*) OVER () AS f,
                           1 + (5 * (RANK() OVER (ORDER BY agg.monetary) - 1)) DIV COUNT(*) OVER () AS m,
                           CASE WHEN a.potential_value IS NULL
                                THEN 1 + (5 * (RANK() OVER (ORDER BY agg.monetary) - 1)) DIV COUNT(*) OVER ()
                                ELSE 1 + (5 * (RANK() OVER (ORDER BY COALESCE(a.potential_value, agg.monetary)) - 1))
                                    DIV COUNT(*) OVER () END AS p,
                           1 + (5 * (RANK() OVER (ORDER BY COALESCE(c.interactions, 0)) - 1)) DIV COUNT(*) OVER () AS i,
                           ROW_NUMBER() OVER (ORDER BY agg.monetary DESC, agg.account_id) AS k,
                           SUM(agg.monetary) OVER (ORDER BY agg.monetary DESC, agg.account_id
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_k,
                           SUM(agg.monetary) OVER () AS total
                    FROM (SELECT account_id, MAX(order_date) AS last_order, COUNT(DISTINCT order_id) AS frequency,
                                 ROUND(SUM(amount), 2) AS monetary,
                                 CASE WHEN COUNT(margin_pct) = COUNT(*) THEN ROUND(SUM(amount * margin_pct / 100), 2) END AS margin
                          FROM crm_core.v_order_lines WHERE order_date BETWEEN ? AND ? GROUP BY account_id) agg
                    JOIN crm_core.v_accounts a ON a.id = agg.account_id
                    LEFT JOIN (SELECT account_id, COUNT(*) AS interactions FROM crm_core.v_interactions
                               WHERE occurred_at >= ? AND occurred_at < ? GROUP BY account_id) c ON c.account_id = agg.account_id
                    LEFT JOIN crm_customer_rating.relationship_judgement j ON j.account_id = agg.account_id
                ) s
            ) t
            """;
}

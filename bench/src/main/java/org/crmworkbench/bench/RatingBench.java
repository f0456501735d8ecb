package org.crmworkbench.bench;

import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.DatabaseSettings;
import org.crmworkbench.db.EmbeddedMariaDb;
import org.crmworkbench.plugin.rating.analysis.CustomerAnalysis;
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
            CoreBench.generate(dsl, size, today);
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
            return new Result(size, Machine.describe(), LocalDateTime.now(), loadSeconds, customers, differing, figures);
        }
    }

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

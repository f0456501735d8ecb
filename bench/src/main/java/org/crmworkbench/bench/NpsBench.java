package org.crmworkbench.bench;

import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.DatabaseSettings;
import org.crmworkbench.db.EmbeddedMariaDb;
import org.crmworkbench.plugin.nps.results.NpsResults;
import org.crmworkbench.plugin.nps.results.ResultFilter;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;

/**
 * {@code ./crm bench nps}: the NPS of one campaign with its breakdowns by account manager, customer
 * group, lifecycle stage and DMU role, over 1,000,000 answers in 50 campaigns, against a single
 * hand-written SQL aggregate of the same campaign's NPS in the same run.
 */
public final class NpsBench {

    private static final String SCHEMA = "crm_nps_surveys";
    static final int CAMPAIGNS = 50;
    static final int MANAGERS = 20;

    private NpsBench() {
    }

    /** The outcome of a run. */
    public record Result(CoreBench.Size size, String machine, LocalDateTime at, double loadSeconds, int answers,
                         LoadFloor.Outcome load, boolean sameCounts, List<CoreBench.Figure> figures,
                         Optional<PublicPageBench.Outcome> publicPage) {

        public String markdown() {
            var text = new StringBuilder();
            text.append("## nps (").append(size.name().toLowerCase()).append(")\n\n");
            text.append("Run ").append(at.withNano(0)).append(" on ").append(machine).append(".\n");
            text.append(String.format("Data: %,d answers over %d campaigns (%,d per campaign), %d account managers, "
                    + "generated in %.1f s (seed %d).%n%n", answers, CAMPAIGNS, answers / CAMPAIGNS, MANAGERS, loadSeconds,
                    CoreData.SEED));
            text.append("| measure | runs | median ms | floor | floor ms | ratio | target |\n|---|---:|---:|---|---:|---:|---|\n");
            for (var f : figures) {
                text.append(String.format("| %s | %d | %.1f | %s | %.1f | %.2f | %s |%n", f.what(), f.runs(), f.medianMs(),
                        f.floor(), f.floorMs(), f.ratio(), f.target()));
            }
            text.append(String.format("%nThe report's overall counts equal the floor's: %s.%n", sameCounts ? "yes" : "NO"));
            text.append("\nThe report is what the results page shows for a campaign: promoters, passives, detractors and ")
                    .append("the NPS, and the same per account manager (with names), customer group, lifecycle stage and ")
                    .append("DMU role. It is one grouped scan of the campaign's rows in the covering index ")
                    .append("`ix_answer_campaign` rolled up in Java, plus one lookup of the managers' names. The floor is ")
                    .append("`SELECT SUM(score >= 9), SUM(score BETWEEN 7 AND 8), SUM(score <= 6) FROM answer WHERE ")
                    .append("campaign_id = ?` over JDBC: the campaign's overall NPS alone.\n");
            text.append("\n### The answers' generator against LOAD DATA\n\n").append(LoadFloor.markdown(List.of(load)));
            text.append("\nThe generator is one `INSERT ... SELECT` from MariaDB's SEQUENCE engine; the floor is the same rows ")
                    .append("as a CSV file loaded with `LOAD DATA LOCAL INFILE` into an empty copy of the table, as in the core ")
                    .append("benchmark.\n");
            publicPage.ifPresentOrElse(page -> {
                text.append("\n### The public answer page over loopback HTTP\n\n");
                text.append("The packaged workbench with its demo data, started by the benchmark (`-XX:+UseSerialGC -Xmx1g`, as ")
                        .append("`./crm run`), on the same two cores as the load generator and MariaDB. Each respondent has ")
                        .append("its own session and personal link and does what a browser does: load the page, Vaadin's init ")
                        .append("request and the navigation event (opening), then a click on score 9 and the comment with a ")
                        .append("click on Send (submission, two requests). Pages are opened first at 40 per second; then the ")
                        .append("submissions start at a fixed rate (open loop), at most ")
                        .append(PublicPageBench.MAX_IN_FLIGHT).append(" at a time, once per rate on fresh pages; half as many ")
                        .append("links again warm up the JIT first. The floor is the first request of each submission alone ")
                        .append("(the score click: a Vaadin round trip that changes a button, no database).\n\n");
                text.append("| measure | rate asked /s | rate reached /s | count | failed | p50 ms | p95 ms | p99 ms |\n")
                        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
                var rows = new java.util.ArrayList<PublicPageBench.Latencies>();
                rows.add(page.opening());
                for (int i = 0; i < page.submissions().size(); i++) {
                    rows.add(page.submissions().get(i));
                    rows.add(page.floors().get(i));
                }
                for (var l : rows) {
                    text.append(String.format("| %s | %d | %.0f | %d | %d | %.1f | %.1f | %.1f |%n", l.what(), l.rate(),
                            l.achievedRate(), l.visits(), l.failed(), l.p50Ms(), l.p95Ms(), l.p99Ms()));
                }
                for (int i = 0; i < page.submissions().size(); i++) {
                    text.append(String.format("%nAt %d per second: submission p95 %.1f ms, %.2fx the floor's p95.",
                            page.submissions().get(i).rate(), page.submissions().get(i).p95Ms(),
                            page.submissions().get(i).p95Ms() / page.floors().get(i).p95Ms()));
                }
                text.append("\nTarget: 200 submissions per second with p95 under 100 ms.\n");
            }, () -> text.append("\nThe public answer page was not measured: build the app first (`./crm package`).\n"));
            return text.toString();
        }
    }

    public static Result run(Path workDir, CoreBench.Size size) throws IOException {
        CoreBench.deleteRecursively(workDir);
        int answers = size == CoreBench.Size.FULL ? 1_000_000 : 10_000;
        try (var server = EmbeddedMariaDb.start(workDir.resolve("mariadb"), 0, CoreBench.serverOptions(size));
             var database = CrmDatabase.open(new DatabaseSettings(server.jdbcUrl(), server.user(), server.password(), null,
                     workDir))) {
            DSLContext dsl = database.dsl();
            Flyway.configure().dataSource(database.dataSource()).schemas(SCHEMA).createSchemas(true)
                    .locations("classpath:db/" + SCHEMA).load().migrate();
            double loadSeconds;
            LoadFloor.Outcome load;
            try (var session = LoadFloor.openSession(server)) {
                long start = System.nanoTime();
                var generated = generate(session, answers, CoreData.SEED, LocalDate.now());
                loadSeconds = (System.nanoTime() - start) / 1e9;
                load = new LoadFloor(session, workDir.resolve("csv")).measure(generated);
            }
            System.out.println("measuring ...");

            long campaign = CAMPAIGNS / 2;
            var results = new NpsResults(dsl);
            var filter = ResultFilter.campaign(campaign);
            int runs = size.queryRuns;
            double floor = CoreBench.median(runs, () -> dsl.fetchSingle(FLOOR, campaign).get(0, Integer.class));
            double report = CoreBench.median(runs, () -> results.report(filter).breakdowns().size());
            var floorRow = dsl.fetchSingle(FLOOR, campaign);
            var overall = results.report(filter).overall();
            boolean same = overall.promoters() == floorRow.get(0, Long.class) && overall.passives() == floorRow.get(1, Long.class)
                    && overall.detractors() == floorRow.get(2, Long.class);
            var figures = new ArrayList<CoreBench.Figure>();
            figures.add(new CoreBench.Figure("NPS of a campaign with breakdowns by manager, group, stage and DMU role", runs,
                    report, floor, "one hand-written SQL aggregate of the campaign's NPS", "<= 2x floor"));
            double all = CoreBench.median(runs, () -> results.overall(ResultFilter.ALL).responses() > 0 ? 1 : 0);
            double allFloor = CoreBench.median(runs, () -> dsl.fetchSingle(FLOOR_ALL).get(0, Integer.class));
            figures.add(new CoreBench.Figure("NPS over all answers (dashboard card)", runs, all, allFloor,
                    "the same aggregate in plain SQL", "<= 2x floor"));
            return new Result(size, Machine.describe(), LocalDateTime.now(), loadSeconds, answers, load, same, figures,
                    publicPage(workDir, size));
        }
    }

    private static Optional<PublicPageBench.Outcome> publicPage(Path workDir, CoreBench.Size size) {
        System.out.println("measuring the public answer page ...");
        try {
            return size == CoreBench.Size.FULL ? PublicPageBench.measure(workDir.resolve("public-page"), List.of(100, 200), 1_500)
                    : PublicPageBench.measure(workDir.resolve("public-page"), List.of(20), 60);
        } catch (Exception e) {
            throw new IllegalStateException("measuring the public answer page failed: " + e, e);
        }
    }

    private static final String FLOOR = "SELECT SUM(score >= 9), SUM(score BETWEEN 7 AND 8), SUM(score <= 6) FROM "
            + SCHEMA + ".answer WHERE campaign_id = ?";
    private static final String FLOOR_ALL = "SELECT SUM(score >= 9), SUM(score BETWEEN 7 AND 8), SUM(score <= 6) FROM "
            + SCHEMA + ".answer";

    /**
     * Campaigns, managers and answers with the SEQUENCE engine, on a {@link LoadFloor#openSession bulk session}: every
     * value of answer n is a function of k = n XOR seed and the reference date, no randomness. Returns the answers' load.
     */
    static CoreData.Load generate(DSLContext dsl, int answers, int seed, LocalDate today) {
        LocalDate first = today.minusYears(2);
        for (int i = 1; i <= CAMPAIGNS; i++) {
            dsl.execute("INSERT INTO " + SCHEMA + ".campaign (id, name, question_en, question_nl, status, opens_on, closes_on)"
                    + " VALUES (?, ?, 'q', 'v', 'CLOSED', ?, ?)", i, "Bench " + i, first.plusWeeks(2L * i), first.plusWeeks(2L * i + 1));
        }
        dsl.execute("INSERT INTO crm_core.app_user (username, display_name, password_hash) SELECT CONCAT('bench-manager-', seq),"
                + " CONCAT('Manager ', seq), 'x' FROM seq_1_to_" + MANAGERS);
        long firstManager = dsl.fetchSingle("SELECT MIN(id) FROM crm_core.app_user WHERE username LIKE 'bench-manager-%'")
                .get(0, Long.class);
        String k = "(seq ^ " + seed + ")";
        long start = System.nanoTime();
        int rows = dsl.execute("INSERT INTO " + SCHEMA + ".answer (campaign_id, account_id, contact_id, score, comment,"
                + " answered_at, source, manager_id, customer_group, lifecycle_stage, dmu_role)"
                + " SELECT 1 + " + k + " % " + CAMPAIGNS + ", 1 + (" + k + " * 7919) % 200000, seq,"
                + " ELT(1 + (" + k + " * 104729) % 20, 10, 10, 10, 9, 9, 9, 9, 8, 8, 8, 7, 7, 6, 5, 4, 3, 9, 10, 8, 2),"
                + " CASE WHEN " + k + " % 5 = 0 THEN 'Delivery was late' END,"
                + " TIMESTAMP(?) + INTERVAL (" + k + " % " + CAMPAIGNS + ") * 14 DAY + INTERVAL " + k + " % 600 MINUTE, 'LINK',"
                + " ? + (" + k + " * 31) % " + MANAGERS + ","
                + " ELT(1 + (" + k + " * 17) % 5, 'ACTIVE', 'INACTIVE', 'POTENTIAL', 'POSSIBLY_INTERESTED', 'OTHER'),"
                + " ELT(1 + (" + k + " * 13) % 7, 'SUSPECT', 'PROSPECT', 'LEAD', 'HOT_LEAD', 'NEW_CUSTOMER', 'LOYAL_CUSTOMER',"
                + " 'EX_CUSTOMER'),"
                + " ELT(1 + (" + k + " * 11) % 6, 'USER', 'INFLUENCER', 'BUYER', 'DECIDER', 'GATEKEEPER', 'INITIATOR')"
                + " FROM seq_1_to_" + answers, first.atStartOfDay(), firstManager);
        double seconds = (System.nanoTime() - start) / 1e9;
        dsl.execute("ANALYZE TABLE " + SCHEMA + ".answer");
        return new CoreData.Load(ANSWER, List.of(ANSWER.CAMPAIGN_ID, ANSWER.ACCOUNT_ID, ANSWER.CONTACT_ID, ANSWER.SCORE,
                ANSWER.COMMENT, ANSWER.ANSWERED_AT, ANSWER.SOURCE, ANSWER.MANAGER_ID, ANSWER.CUSTOMER_GROUP,
                ANSWER.LIFECYCLE_STAGE, ANSWER.DMU_ROLE), rows, seconds);
    }
}

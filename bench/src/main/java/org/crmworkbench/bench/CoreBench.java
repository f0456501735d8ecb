package org.crmworkbench.bench;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleRules;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.DatabaseSettings;
import org.crmworkbench.db.EmbeddedMariaDb;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_STAGE_HISTORY;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/**
 * {@code ./crm bench core}: generates accounts, contacts, orders and order lines ({@link CoreData}) and
 * measures that load against {@code LOAD DATA} of the same rows ({@link LoadFloor}); then measures the
 * account grid's first page with a filter and sort, the quick search and the lifecycle recalculation,
 * each against a bare-SQL floor on the same data in the same run.
 */
public final class CoreBench {

    /** How much data. */
    public enum Size {
        FULL(1_000_000, 10_000_000, 15, 2), SMALL(10_000, 100_000, 15, 2);

        final int accounts;
        final int orderLines;
        final int queryRuns;
        final int recalculationRuns;

        Size(int accounts, int orderLines, int queryRuns, int recalculationRuns) {
            this.accounts = accounts;
            this.orderLines = orderLines;
            this.queryRuns = queryRuns;
            this.recalculationRuns = recalculationRuns;
        }
    }

    /** One measured figure. */
    record Figure(String what, int runs, double medianMs, double floorMs, String floor, String target) {
        double ratio() {
            return floorMs == 0 ? 0 : medianMs / floorMs;
        }
    }

    /** The outcome of a run. */
    public record Result(Size size, String machine, LocalDateTime at, double loadSeconds, LocalDate dataDate,
                         List<LoadFloor.Outcome> loads, List<Figure> figures) {

        public String markdown() {
            var text = new StringBuilder();
            text.append("## core (").append(size.name().toLowerCase()).append(")\n\n");
            text.append("Run ").append(at.withNano(0)).append(" on ").append(machine).append(".\n");
            var volume = CoreData.Volume.of(size);
            text.append(String.format("Data: %,d accounts, %,d contacts, %,d orders, %,d order lines, generated in %.1f s "
                            + "(seed %d, reference date %s).%n%n", volume.accounts(), volume.contacts(), volume.orders(),
                    volume.orderLines(), loadSeconds, CoreData.SEED, dataDate));
            text.append("| measure | runs | median ms | floor | floor ms | ratio | target |\n|---|---:|---:|---|---:|---:|---|\n");
            for (Figure f : figures) {
                text.append(String.format("| %s | %d | %.1f | %s | %.1f | %.2f | %s |%n", f.what(), f.runs(), f.medianMs(),
                        f.floor(), f.floorMs(), f.ratio(), f.target()));
            }
            text.append("\nThe floor of the list figures is the cheapest page there is (50 rows by primary key); the floor of the ")
                    .append("recalculation is the same rules as one bare `UPDATE ... JOIN` without history, versions and events. ")
                    .append("Before each recalculation run every account with orders is put back to \"hot lead\" (not timed).\n");
            text.append("\n### The data generator against LOAD DATA\n\n").append(LoadFloor.markdown(loads));
            text.append("\nThe generator fills each table with `INSERT ... SELECT` from MariaDB's SEQUENCE engine, 500,000 rows ")
                    .append("per statement, every value picked by a multiplicative hash of the row number and the seed: no ")
                    .append("randomness, so the same seed and reference date give the same rows and the same SHA-256. Right after ")
                    .append("each table, before the next one, the floor loads the same rows again: read back by primary key into a ")
                    .append("CSV file (not timed), then one `LOAD DATA LOCAL INFILE` into an empty `CREATE TABLE ... LIKE` copy ")
                    .append("(the same columns, indexes and checks, no foreign keys, dropped afterwards) on the generator's ")
                    .append("connection; foreign-key and unique checks are off for both. Ratio: generator time / LOAD DATA time. ")
                    .append("The generation time above is the sum of the generator's times.\n");
            return text.toString();
        }
    }

    private CoreBench() {
    }

    public static Result run(Path workDir, Size size) throws IOException {
        deleteRecursively(workDir);
        try (var server = EmbeddedMariaDb.start(workDir.resolve("mariadb"), 0, serverOptions(size));
             var database = CrmDatabase.open(new DatabaseSettings(server.jdbcUrl(), server.user(), server.password(), null,
                     workDir))) {
            DSLContext dsl = database.dsl();
            LocalDate today = LocalDate.now();
            double loadSeconds;
            List<LoadFloor.Outcome> loads;
            try (var session = LoadFloor.openSession(server)) {
                var floor = new LoadFloor(session, workDir.resolve("csv"));
                var outcomes = new ArrayList<LoadFloor.Outcome>();
                var generated = new CoreData(session, CoreData.SEED, today).generate(CoreData.Volume.of(size),
                        load -> outcomes.add(floor.measure(load)));
                loadSeconds = generated.stream().mapToDouble(CoreData.Load::seconds).sum();
                loads = outcomes;
            }
            System.out.printf("generated in %.1f s%n", loadSeconds);
            System.out.println("measuring ...");

            var clock = Clock.systemDefaultZone();
            var accounts = new AccountService(dsl, clock, event -> { });
            var lifecycle = new LifecycleRules(dsl, clock, LifecycleRules.DEFAULT_CHURN_MONTHS, event -> { });
            var manager = new UserRef(dsl.select(DSL.min(APP_USER.ID)).from(APP_USER).fetchSingle().value1(), "bench",
                    "Bench", Set.of(Role.MANAGER));
            var figures = new ArrayList<Figure>();

            // floor for list work: the cheapest page there is, by primary key
            double floorPage = median(size.queryRuns, () -> dsl.select(ACCOUNT.ID, ACCOUNT.NAME).from(ACCOUNT)
                    .orderBy(ACCOUNT.ID).limit(50).fetch().size());
            var leadsByCity = new AccountQuery("", LifecycleStage.LEAD, null, null, null, false,
                    List.of(new AccountQuery.Sort("city", true)));
            String floor = "50 rows by primary key";
            figures.add(new Figure("account grid, first 50 rows (stage = lead, sorted by city)", size.queryRuns,
                    median(size.queryRuns, () -> accounts.page(leadsByCity, manager, 0, 50).size()), floorPage, floor, ""));
            figures.add(new Figure("account grid, first page as the grid asks it: rows + count", size.queryRuns,
                    median(size.queryRuns, () -> accounts.page(leadsByCity, manager, 0, 50).size()
                            + accounts.count(leadsByCity, manager)), floorPage, floor, "< 50 ms"));
            var search = new AccountQuery("Garage Bos", null, null, null, null, false, List.of());
            figures.add(new Figure("quick search \"Garage Bos\": rows + count", size.queryRuns,
                    median(size.queryRuns, () -> accounts.page(search, manager, 0, 50).size() + accounts.count(search, manager)),
                    floorPage, floor, "< 100 ms"));

            double bareUpdate = medianOf(size.recalculationRuns, () -> {
                resetStages(dsl);
                return timed(() -> bareLifecycleUpdate(dsl, today));
            });
            double rules = medianOf(size.recalculationRuns, () -> {
                resetStages(dsl);
                return timed(lifecycle::recalculateAll);
            });
            figures.add(new Figure("lifecycle recalculation over all accounts (with history and events)",
                    size.recalculationRuns, rules, bareUpdate,
                    "bare UPDATE ... JOIN", "<= 3x floor"));
            return new Result(size, Machine.describe(), LocalDateTime.now(), loadSeconds, today, loads, figures);
        }
    }

    /** The embedded server's settings for bulk work of this size. */
    static List<String> serverOptions(Size size) {
        return List.of("--innodb-buffer-pool-size=" + (size == Size.FULL ? "2G" : "256M"),
                "--innodb-log-file-size=512M", "--innodb-flush-log-at-trx-commit=2", "--max-allowed-packet=64M");
    }

    /** The lifecycle rules as a single bare UPDATE ... JOIN: no history, no version, no events. */
    private static int bareLifecycleUpdate(DSLContext dsl, LocalDate today) {
        Table<?> stats = DSL.select(SALES_ORDER.ACCOUNT_ID, DSL.max(SALES_ORDER.ORDER_DATE).as("last_order"),
                        DSL.countDistinct(DSL.year(SALES_ORDER.ORDER_DATE)).as("order_years"))
                .from(SALES_ORDER).groupBy(SALES_ORDER.ACCOUNT_ID).asTable("s");
        Field<String> target = DSL.when(stats.field("last_order", LocalDate.class).lt(today.minusMonths(24)), "EX_CUSTOMER")
                .when(stats.field("order_years", Integer.class).ge(2), "LOYAL_CUSTOMER").otherwise("NEW_CUSTOMER");
        return dsl.update(ACCOUNT.join(stats).on(ACCOUNT.ID.eq(stats.field(SALES_ORDER.ACCOUNT_ID))))
                .set(ACCOUNT.LIFECYCLE_STAGE, target)
                .where(ACCOUNT.STAGE_MANUAL.isFalse().and(ACCOUNT.LIFECYCLE_STAGE.ne(target)))
                .execute();
    }

    /** Puts every account with orders back to "hot lead" (not timed), so each run changes the same accounts. */
    private static void resetStages(DSLContext dsl) {
        dsl.update(ACCOUNT).set(ACCOUNT.LIFECYCLE_STAGE, "HOT_LEAD").set(ACCOUNT.STAGE_MANUAL, false)
                .where(DSL.exists(DSL.selectOne().from(SALES_ORDER).where(SALES_ORDER.ACCOUNT_ID.eq(ACCOUNT.ID))))
                .execute();
        dsl.truncate(ACCOUNT_STAGE_HISTORY).execute();
    }

    static double median(int runs, IntSupplier work) {
        work.getAsInt(); // warm-up: caches, JIT, plans
        return medianOf(runs, () -> timed(work));
    }

    static double medianOf(int runs, java.util.function.DoubleSupplier run) {
        var times = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            times.add(run.getAsDouble());
        }
        times.sort(Comparator.naturalOrder());
        int mid = times.size() / 2;
        return times.size() % 2 == 1 ? times.get(mid) : (times.get(mid - 1) + times.get(mid)) / 2;
    }

    static double timed(IntSupplier work) {
        long start = System.nanoTime();
        work.getAsInt();
        return (System.nanoTime() - start) / 1e6;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package org.crmworkbench.bench;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.DemoAccounts;
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
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/**
 * {@code ./crm bench core}: generates accounts, orders and order lines set-based in SQL (MariaDB's
 * SEQUENCE engine, deterministic multiplicative hashing, no randomness), then measures the account
 * grid's first page with a filter and sort, the quick search and the lifecycle recalculation, each
 * against a bare-SQL floor on the same data in the same run.
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
    public record Result(Size size, String machine, LocalDateTime at, double loadSeconds, List<Figure> figures) {

        public String markdown() {
            var text = new StringBuilder();
            text.append("## core (").append(size.name().toLowerCase()).append(")\n\n");
            text.append("Run ").append(at.withNano(0)).append(" on ").append(machine).append(".\n");
            text.append(String.format("Data: %,d accounts, %,d orders, %,d order lines, generated in %.1f s.%n%n",
                    size.accounts, size.orderLines / LINES_PER_ORDER, size.orderLines, loadSeconds));
            text.append("| measure | runs | median ms | floor | floor ms | ratio | target |\n|---|---:|---:|---|---:|---:|---|\n");
            for (Figure f : figures) {
                text.append(String.format("| %s | %d | %.1f | %s | %.1f | %.2f | %s |%n", f.what(), f.runs(), f.medianMs(),
                        f.floor(), f.floorMs(), f.ratio(), f.target()));
            }
            text.append("\nThe floor of the list figures is the cheapest page there is (50 rows by primary key); the floor of the ")
                    .append("recalculation is the same rules as one bare `UPDATE ... JOIN` without history, versions and events. ")
                    .append("Before each recalculation run every account with orders is put back to \"hot lead\" (not timed).\n");
            return text.toString();
        }
    }

    static final int LINES_PER_ORDER = 3;
    private static final long HASH = 2_654_435_761L; // Knuth's multiplicative hash
    private static final long MOD = 4_294_967_296L;
    private static final int CHUNK = 500_000;
    private static final int USERS = 20;
    private static final int PRODUCTS = 40;
    private static final List<String> CITIES = List.of("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen",
            "Zwolle", "Arnhem", "Breda", "Tilburg", "Nijmegen", "Haarlem", "Leeuwarden", "Maastricht", "Delft",
            "Antwerpen", "Gent", "Brugge", "Leuven", "Hasselt", "Mechelen", "Kortrijk", "Aalst", "Genk", "Zeist");

    private CoreBench() {
    }

    public static Result run(Path workDir, Size size) throws IOException {
        deleteRecursively(workDir);
        try (var server = EmbeddedMariaDb.start(workDir.resolve("mariadb"), 0, serverOptions(size));
             var database = CrmDatabase.open(new DatabaseSettings(server.jdbcUrl(), server.user(), server.password(), null,
                     workDir))) {
            DSLContext dsl = database.dsl();
            LocalDate today = LocalDate.now();
            long start = System.nanoTime();
            generate(dsl, size, today);
            System.out.println("measuring ...");
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("generated in %.1f s%n", loadSeconds);

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
            return new Result(size, Machine.describe(), LocalDateTime.now(), loadSeconds, figures);
        }
    }

    /** The embedded server's settings for bulk work of this size. */
    static List<String> serverOptions(Size size) {
        return List.of("--innodb-buffer-pool-size=" + (size == Size.FULL ? "2G" : "256M"),
                "--innodb-log-file-size=512M", "--innodb-flush-log-at-trx-commit=2", "--max-allowed-packet=64M");
    }

    static void generate(DSLContext dsl, Size size, LocalDate today) {
        dsl.execute("SET SESSION foreign_key_checks = 0");
        dsl.execute("SET SESSION unique_checks = 0");
        var users = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH);
        for (int i = 1; i <= USERS; i++) {
            users = users.values("bench" + i, "Bench user " + i, "{noop}not-for-login");
        }
        users.execute();
        long firstUser = dsl.select(DSL.min(APP_USER.ID)).from(APP_USER).fetchSingle().value1();
        var products = dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP, PRODUCT.UPDATED_BY);
        for (int i = 1; i <= PRODUCTS; i++) {
            products = products.values("B-" + i, "Product " + i, "Groep " + (1 + i % 6), "bench");
        }
        products.execute();
        long firstProduct = dsl.select(DSL.min(PRODUCT.ID)).from(PRODUCT).fetchSingle().value1();

        for (long from = 1; from <= size.accounts; from += CHUNK) {
            var seq = sequence(from, Math.min(size.accounts, from + CHUNK - 1));
            Field<Long> n = seqField();
            Field<Long> h = hash(n);
            Field<String> trade = pick(h, 1, DemoAccounts.TRADES);
            dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.COC_NUMBER, ACCOUNT.CITY, ACCOUNT.COUNTRY, ACCOUNT.INDUSTRY,
                            ACCOUNT.ACCOUNT_LEVEL, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.POTENTIAL_VALUE, ACCOUNT.ACCOUNT_MANAGER_ID,
                            ACCOUNT.UPDATED_BY)
                    .select(DSL.select(DSL.concat(trade, DSL.inline(" "), pick(h, 20, DemoAccounts.FAMILIES), DSL.inline(" "), n.cast(String.class)),
                                    DSL.lpad(n.cast(String.class), 8, "0"), pick(h, 480, CITIES), DSL.inline("NL"), trade,
                                    pick(h, 7, List.of("REGIONAL", "REGIONAL", "NATIONAL", "INTERNATIONAL")),
                                    pick(h, 29, List.of("SUSPECT", "PROSPECT", "LEAD", "HOT_LEAD", "NEW_CUSTOMER",
                                            "LOYAL_CUSTOMER", "EX_CUSTOMER")),
                                    h.mod(500L).mul(1000L).cast(java.math.BigDecimal.class),
                                    DSL.val(firstUser).plus(h.mod((long) USERS)), DSL.inline("bench"))
                            .from(seq))
                    .execute();
        }
        long firstAccount = dsl.select(DSL.min(ACCOUNT.ID)).from(ACCOUNT).fetchSingle().value1();

        int orders = size.orderLines / LINES_PER_ORDER;
        for (long from = 1; from <= orders; from += CHUNK) {
            var seq = sequence(from, Math.min(orders, from + CHUNK - 1));
            Field<Long> n = seqField();
            Field<Long> h = hash(n);
            // about 60% of the accounts buy; dates over the last three years
            dsl.insertInto(SALES_ORDER, SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_DATE, SALES_ORDER.CREATED_BY)
                    .select(DSL.select(DSL.val(firstAccount).plus(h.mod((long) (size.accounts * 6L / 10))),
                                    DSL.val(today).minus(DSL.floor(h.div(7L)).mod(1095L).cast(Integer.class)),
                                    DSL.inline("bench"))
                            .from(seq))
                    .execute();
        }
        long firstOrder = dsl.select(DSL.min(SALES_ORDER.ID)).from(SALES_ORDER).fetchSingle().value1();

        for (long from = 1; from <= size.orderLines; from += CHUNK) {
            var seq = sequence(from, Math.min(size.orderLines, from + CHUNK - 1));
            Field<Long> n = seqField();
            Field<Long> h = hash(n);
            Field<Long> zeroBased = n.minus(1L);
            dsl.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID, ORDER_LINE.QUANTITY,
                            ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT)
                    .select(DSL.select(DSL.val(firstOrder).plus(DSL.floor(zeroBased.div((long) LINES_PER_ORDER)).cast(Long.class)),
                                    zeroBased.mod((long) LINES_PER_ORDER).plus(1L).cast(Integer.class),
                                    DSL.val(firstProduct).plus(h.mod((long) PRODUCTS)),
                                    h.mod(50L).plus(1L).cast(java.math.BigDecimal.class),
                                    DSL.floor(h.div(50L)).mod(20_000L).div(100L).plus(1L).cast(java.math.BigDecimal.class),
                                    DSL.floor(h.div(1000L)).mod(60L).minus(5L).cast(java.math.BigDecimal.class))
                            .from(seq))
                    .execute();
        }
        dsl.execute("SET SESSION foreign_key_checks = 1");
        dsl.execute("SET SESSION unique_checks = 1");
        for (var table : List.of(ACCOUNT, SALES_ORDER, ORDER_LINE)) {
            dsl.query("ANALYZE TABLE {0}", table).execute();
        }
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

    private static Table<?> sequence(long from, long to) {
        // MariaDB's SEQUENCE engine: a virtual table of the numbers 1..to; the range is pushed down
        return DSL.table(DSL.name("seq_1_to_" + to)).where(seqField().ge(from)).asTable("seq");
    }

    private static Field<Long> seqField() {
        return DSL.field(DSL.name("seq"), Long.class);
    }

    private static Field<Long> hash(Field<Long> n) {
        return n.mul(HASH).mod(MOD);
    }

    /** values[(h / divisor) mod size], in SQL. */
    private static Field<String> pick(Field<Long> h, long divisor, List<String> values) {
        Field<Integer> index = DSL.floor(h.div(divisor)).mod((long) values.size()).plus(1L).cast(Integer.class);
        return DSL.choose(index, values.stream().map(DSL::inline).toArray(Field[]::new));
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

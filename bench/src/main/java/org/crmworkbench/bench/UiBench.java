package org.crmworkbench.bench;

import org.crmworkbench.bench.UiUser.Measurements;
import org.crmworkbench.bench.UiUser.Step;
import org.crmworkbench.bench.UiUser.Think;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.crmworkbench.db.jooq.Tables.INTERACTION;

/**
 * {@code ./crm bench ui}: N simulated users work in the packaged workbench at the same time over
 * loopback HTTP, as Vaadin clients ({@link UiUser}); per step the p50/p95/p99 server round trip next to
 * the floor, an empty round trip of a signed-in UI measured by the same users in the same run. Also
 * the live heap per session, the resident memory of the idle app and its database, and the startup
 * time of the packaged app.
 */
public final class UiBench {

    /** How many users, how often they repeat the script and how long they think between steps. */
    record Load(int users, int repetitions, Think think, Duration rampUp, int warmUpUsers) {
        static Load of(CoreBench.Size size) {
            return size == CoreBench.Size.FULL
                    ? new Load(200, 3, new Think(1_000, 5_000), Duration.ofSeconds(40), 40)
                    : new Load(10, 2, new Think(100, 300), Duration.ofSeconds(2), 2);
        }
    }

    /** Latencies of one step (or of all of them) in milliseconds. */
    record Latencies(String what, double requests, int count, int failed, double p50Ms, double p95Ms, double p99Ms) {
        /** @param requests requests per measured item, on average; 0 when it does not apply */
        static Latencies of(String what, double requests, List<Double> measured, int failed) {
            var sorted = new ArrayList<>(measured);
            sorted.sort(null);
            return new Latencies(what, requests, sorted.size(), failed, percentile(sorted, 50), percentile(sorted, 95),
                    percentile(sorted, 99));
        }

        private static double percentile(List<Double> sorted, int p) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /** Resident memory of the app and its database, and the live heap, in MiB. */
    record Memory(double appIdleMb, double databaseIdleMb, double appLoadedMb, double databaseLoadedMb,
                  double heapBeforeMb, double heapAfterMb) {
        double idleTotalMb() {
            return appIdleMb + databaseIdleMb;
        }

        double heapPerSessionMb(int sessions) {
            return (heapAfterMb - heapBeforeMb) / sessions;
        }
    }

    /** The outcome of a run. */
    public record Result(CoreBench.Size size, String machine, LocalDateTime at, String loadBefore, String loadAfter, Load load,
                         List<Latencies> steps, Latencies floor, Latencies allSteps, Latencies allRequests, int completed,
                         int saved, int savedInDatabase, List<String> errors, Memory memory, double firstStartSeconds,
                         double warmStartSeconds) {

        public String markdown() {
            return UiReport.markdown(this);
        }
    }

    private UiBench() {
    }

    /**
     * Starts the packaged workbench twice on a fresh data folder (the second start is the warm one),
     * then warms it up and measures.
     *
     * @return empty when the packaged app is not there (build it with {@code ./crm package})
     */
    public static Optional<Result> run(Path workDir, CoreBench.Size size) throws IOException, InterruptedException, SQLException {
        var jar = PackagedApp.jar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        CoreBench.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        var load = Load.of(size);
        String loadBefore = loadAverage();
        Path data = workDir.resolve("app");
        Path log = workDir.resolve("app.log");
        System.out.println("first start of the packaged app ...");
        double firstStart;
        try (var app = PackagedApp.start(jar.get(), data, log)) {
            firstStart = app.startSeconds;
        }
        System.out.println("warm start ...");
        try (var app = PackagedApp.start(jar.get(), data, log);
             var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()) {
            Thread.sleep(size == CoreBench.Size.FULL ? 10_000 : 2_000); // idle: let the start-up work settle
            double appIdle = PackagedApp.rssMb(app.pid());
            double databaseIdle = PackagedApp.rssMb(app.mariadbPid());
            var credentials = List.of(new String[]{"sales", "sales-demo"}, new String[]{"sales2", "sales-demo"},
                    new String[]{"manager", "manager-demo"}, new String[]{"admin", app.adminPassword()});
            System.out.println("warming up with " + load.warmUpUsers() + " users ...");
            drive(http, app.base, credentials, load.warmUpUsers(), 2, new Think(50, 150), Duration.ZERO, "Warm-up",
                    new Measurements());
            double heapBefore = app.liveHeapMb();
            String run = "Load test " + LocalDateTime.now().withNano(0);
            System.out.println(load.users() + " users ...");
            var measured = new Measurements();
            drive(http, app.base, credentials, load.users(), load.repetitions(), load.think(), load.rampUp(), run, measured);
            double heapAfter = app.liveHeapMb();
            var memory = new Memory(appIdle, databaseIdle, PackagedApp.rssMb(app.pid()), PackagedApp.rssMb(app.mariadbPid()),
                    heapBefore, heapAfter);
            int inDatabase = savedInDatabase(app, run);
            return Optional.of(result(size, load, measured, inDatabase, memory, firstStart, app.startSeconds, loadBefore));
        }
    }

    /** Starts the users spread over the ramp-up and waits until all of them are through their script. */
    private static void drive(HttpClient http, String base, List<String[]> credentials, int users, int repetitions, Think think,
                              Duration rampUp, String summaryPrefix, Measurements measured) throws InterruptedException {
        long interval = users > 1 ? rampUp.toNanos() / users : 0;
        long start = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String[] user = credentials.get(i % credentials.size());
                threads.submit(new UiUser(new UiTab(http, base), user[0], user[1], i, repetitions, think, summaryPrefix, measured));
            }
        }
    }

    private static Result result(CoreBench.Size size, Load load, Measurements measured, int inDatabase, Memory memory,
                                 double firstStart, double warmStart, String loadBefore) {
        var steps = new ArrayList<Latencies>();
        var all = new ArrayList<Double>();
        for (Step step : Step.values()) {
            if (step != Step.FLOOR) {
                var times = measured.steps.get(step);
                double requests = times.isEmpty() ? 0 : measured.requests.get(step).get() / (double) times.size();
                steps.add(Latencies.of(step.label, requests, times, measured.failures.get(step).get()));
                all.addAll(times);
            }
        }
        int failed = steps.stream().mapToInt(Latencies::failed).sum();
        var floor = Latencies.of(Step.FLOOR.label, 1, measured.steps.get(Step.FLOOR), measured.failures.get(Step.FLOOR).get());
        return new Result(size, Machine.describe(), LocalDateTime.now(), loadBefore, loadAverage(), load, steps, floor,
                Latencies.of("all steps of the script", 0, all, failed),
                Latencies.of("every single request of the script (floor excluded)", 1, measured.roundTrips, failed),
                measured.completed.get(), measured.saved.get(), inDatabase, List.copyOf(measured.errors), memory, firstStart,
                warmStart);
    }

    /** The interactions of this run that are in the database afterwards. */
    private static int savedInDatabase(PackagedApp app, String run) throws IOException, SQLException {
        try (var connection = DriverManager.getConnection(app.jdbcUrl(), "crm_app", app.appPassword())) {
            return DSL.using(connection, SQLDialect.MARIADB).fetchCount(INTERACTION, INTERACTION.SUMMARY.startsWith(run + " "));
        }
    }

    /** The 1, 5 and 15 minute load averages: the machine may be shared with other work. */
    private static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}

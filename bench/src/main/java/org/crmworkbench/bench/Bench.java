package org.crmworkbench.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./crm bench core|rating|nps|ui|all [--small]}: runs a benchmark and writes its section of
 * {@code docs/benchmarks.md}. Every figure is reported next to a floor measured in the same run.
 */
public final class Bench {

    private Bench() {
    }

    private static void core(Path work, boolean small, Path report) throws java.io.IOException {
        var result = CoreBench.run(work, small ? CoreBench.Size.SMALL : CoreBench.Size.FULL);
        Report.write(report, "core", result.markdown());
        System.out.println(result.markdown());
    }

    private static void rating(Path work, boolean small, Path report) throws java.io.IOException {
        var result = RatingBench.run(work, small ? CoreBench.Size.SMALL : CoreBench.Size.FULL);
        Report.write(report, "rating", result.markdown());
        System.out.println(result.markdown());
    }

    private static void nps(Path work, boolean small, Path report) throws java.io.IOException {
        var result = NpsBench.run(work, small ? CoreBench.Size.SMALL : CoreBench.Size.FULL);
        Report.write(report, "nps", result.markdown());
        System.out.println(result.markdown());
    }

    private static void ui(Path work, boolean small, Path report) throws Exception {
        var result = UiBench.run(work.resolve("ui"), small ? CoreBench.Size.SMALL : CoreBench.Size.FULL);
        if (result.isEmpty()) {
            System.err.println("The ui benchmark needs the packaged app: build it first (./crm package).");
            return;
        }
        Report.write(report, "ui", result.get().markdown());
        System.out.println(result.get().markdown());
    }

    public static void main(String[] args) throws Exception {
        var arguments = List.of(args);
        String which = arguments.isEmpty() ? "core" : arguments.getFirst();
        boolean small = arguments.contains("--small");
        Path report = Path.of(System.getProperty("crm.bench.report", "docs/benchmarks.md"));
        Path work = Path.of(System.getProperty("crm.bench.work", "bench/target/bench-data"));
        switch (which) {
            case "core" -> core(work, small, report);
            case "rating" -> rating(work, small, report);
            case "nps" -> nps(work, small, report);
            case "ui" -> ui(work, small, report);
            case "all" -> {
                core(work, small, report);
                rating(work, small, report);
                nps(work, small, report);
                ui(work, small, report);
            }
            default -> {
                System.err.println("usage: ./crm bench core|rating|nps|ui|all [--small]");
                System.exit(2);
            }
        }
    }
}

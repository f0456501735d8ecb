package org.crmworkbench.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./crm bench core [--small]}: runs a benchmark and writes its section of
 * {@code docs/benchmarks.md}. Every figure is reported next to a floor measured in the same run.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        var arguments = List.of(args);
        String which = arguments.isEmpty() ? "core" : arguments.getFirst();
        boolean small = arguments.contains("--small");
        Path report = Path.of(System.getProperty("crm.bench.report", "docs/benchmarks.md"));
        Path work = Path.of(System.getProperty("crm.bench.work", "bench/target/bench-data"));
        switch (which) {
            case "core", "all" -> {
                var result = CoreBench.run(work, small ? CoreBench.Size.SMALL : CoreBench.Size.FULL);
                Report.write(report, "core", result.markdown());
                System.out.println(result.markdown());
            }
            default -> {
                System.err.println("usage: ./crm bench core [--small]   (more benchmarks come with their issues)");
                System.exit(2);
            }
        }
    }
}

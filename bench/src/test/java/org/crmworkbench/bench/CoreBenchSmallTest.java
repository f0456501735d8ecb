package org.crmworkbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Keeps the benchmark harness alive in CI: the small variant generates its data, loads the same rows
 * with LOAD DATA as the generator's floor, measures every figure and writes its report section. No
 * timing is asserted.
 */
class CoreBenchSmallTest {

    @Test
    void the_small_core_benchmark_runs_and_writes_its_report_section(@TempDir Path temp) throws Exception {
        var result = CoreBench.run(temp.resolve("work"), CoreBench.Size.SMALL);

        assertThat(result.figures()).hasSize(4).allSatisfy(figure -> {
            assertThat(figure.medianMs()).isPositive();
            assertThat(figure.floorMs()).isPositive();
        });
        assertThat(result.loads()).extracting(LoadFloor.Outcome::table, LoadFloor.Outcome::rows).containsExactly(
                tuple("account", 10_000L), tuple("contact", 30_000L), tuple("sales_order", 33_333L),
                tuple("order_line", 100_000L));
        assertThat(result.loads()).allSatisfy(load -> {
            assertThat(load.generatorSeconds()).isPositive();
            assertThat(load.floorSeconds()).isPositive();
            assertThat(load.sha256()).hasSize(64);
        });
        Path report = temp.resolve("benchmarks.md");
        Report.write(report, "core", result.markdown());
        Report.write(report, "core", result.markdown()); // a second run replaces the section
        String text = Files.readString(report);
        assertThat(text).startsWith("# Benchmarks").contains("| lifecycle recalculation", "| contact | 30,000 |",
                "LOAD DATA rows/s");
        assertThat(text.split("<!-- bench:core -->", -1)).hasSize(2);
    }
}

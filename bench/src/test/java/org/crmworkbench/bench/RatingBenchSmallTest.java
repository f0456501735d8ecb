package org.crmworkbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the rating benchmark alive in CI: the small variant generates its data, runs the analysis and
 * its hand-written floor, and writes its report section. No timing is asserted.
 */
class RatingBenchSmallTest {

    @Test
    void the_small_rating_benchmark_runs_and_writes_its_report_section(@TempDir Path temp) throws Exception {
        var result = RatingBench.run(temp.resolve("work"), CoreBench.Size.SMALL);

        assertThat(result.customers()).isPositive();
        assertThat(result.differingRows()).as("the floor computes the same result").isZero();
        assertThat(result.figures()).hasSize(4).allSatisfy(figure -> {
            assertThat(figure.medianMs()).isPositive();
            assertThat(figure.floorMs()).isPositive();
        });
        Path report = temp.resolve("benchmarks.md");
        Report.write(report, "rating", result.markdown());
        assertThat(Files.readString(report)).contains("| analysis run over all customers");
    }
}

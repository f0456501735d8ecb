package org.crmworkbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the NPS benchmark alive in CI: the small variant generates its answers, measures the
 * campaign report and its floor, and writes its report section. No timing is asserted.
 */
class NpsBenchSmallTest {

    @Test
    void the_small_nps_benchmark_runs_and_writes_its_report_section(@TempDir Path temp) throws Exception {
        var result = NpsBench.run(temp.resolve("work"), CoreBench.Size.SMALL);

        assertThat(result.answers()).isEqualTo(10_000);
        assertThat(result.load().rows()).as("the generator's rows, loaded again by LOAD DATA").isEqualTo(10_000);
        assertThat(result.load().floorSeconds()).isPositive();
        assertThat(result.sameCounts()).as("the report counts what the floor counts").isTrue();
        assertThat(result.figures()).hasSize(2).allSatisfy(figure -> {
            assertThat(figure.medianMs()).isPositive();
            assertThat(figure.floorMs()).isPositive();
        });
        // the public answer page is measured when the packaged app exists (it does in ./crm test, after ui)
        result.publicPage().ifPresent(page -> {
            assertThat(page.submissions()).singleElement().satisfies(submissions -> {
                assertThat(submissions.visits()).isEqualTo(60);
                assertThat(submissions.p95Ms()).as("answers came back").isPositive();
            });
        });
        Path report = temp.resolve("benchmarks.md");
        Report.write(report, "nps", result.markdown());
        assertThat(Files.readString(report)).contains("| NPS of a campaign with breakdowns", "| answer | 10,000 |");
    }
}

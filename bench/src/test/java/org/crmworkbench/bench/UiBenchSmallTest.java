package org.crmworkbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the UI load benchmark alive in CI: the small variant starts the packaged app, drives its users
 * through the whole script and writes its report section. No timing is asserted.
 */
class UiBenchSmallTest {

    @Test
    void the_small_ui_benchmark_runs_every_step_and_writes_its_report_section(@TempDir Path temp) throws Exception {
        // the packaged app exists in ./crm test (ui is built before bench)
        assumeTrue(PackagedApp.jar().isPresent(), "the packaged app is not built");

        var result = UiBench.run(temp.resolve("work"), CoreBench.Size.SMALL).orElseThrow();

        assertThat(result.errors()).isEmpty();
        assertThat(result.completed()).as("users through the whole script").isEqualTo(result.load().users());
        assertThat(result.steps()).allSatisfy(step -> {
            assertThat(step.failed()).as(step.what()).isZero();
            assertThat(step.count()).as(step.what()).isPositive();
        });
        assertThat(result.floor().count()).isEqualTo(result.load().users() * result.load().repetitions() * 2);
        int saves = result.load().users() * result.load().repetitions();
        assertThat(result.saved()).isEqualTo(saves);
        assertThat(result.savedInDatabase()).as("saved interactions in the database").isEqualTo(saves);
        assertThat(result.memory().heapAfterMb()).isPositive();
        assertThat(result.memory().idleTotalMb()).isPositive();
        assertThat(result.warmStartSeconds()).isPositive();
        Path report = temp.resolve("benchmarks.md");
        Report.write(report, "ui", result.markdown());
        assertThat(Files.readString(report)).contains("<!-- bench:ui -->", "| quick search: field value, grid refreshed |",
                "| heap per session |", "| warm start (second start) |");
    }
}

package org.crmworkbench.ui;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./crm backup} and {@code restore} against the data folder of a running workbench (this test's
 * context); the round trip backup -> change -> restore is {@code BackupsTest} in the db module.
 */
class BackupCommandTest extends UiTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void a_backup_of_the_running_workbench_holds_every_schema_and_the_plugin_jars_and_a_restore_waits_for_it_to_stop()
            throws Exception {
        assertThat(run(BackupCommand.BACKUP, "--crm.data-dir=" + DATA_DIR)).as(err.toString()).isZero();
        Path folder = Path.of(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(folder.getParent()).isEqualTo(DATA_DIR.resolve("backups"));
        String dump = Files.readString(folder.resolve("crm.sql"));
        assertThat(dump).contains("CREATE DATABASE", "`crm_core`", "`crm_customer_rating`", "security_event_no_update");
        try (var jars = Files.list(folder.resolve("plugins"))) {
            assertThat(jars.map(jar -> jar.getFileName().toString())).anyMatch(name -> name.startsWith("crm-plugin-customer-rating"));
        }

        assertThat(run(BackupCommand.RESTORE, folder.toString(), "--crm.data-dir=" + DATA_DIR)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stop it before a restore");
    }

    private int run(String command, String... args) {
        return BackupCommand.run(command, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}

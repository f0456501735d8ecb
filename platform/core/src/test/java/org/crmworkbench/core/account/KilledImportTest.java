package org.crmworkbench.core.account;

import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.DatabaseSettings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;

/**
 * {@code kill -9} of the workbench in the middle of a CSV import: a separate JVM opens its own data
 * folder as the app does and imports 200,000 accounts; once the first chunks are written it is killed
 * with SIGKILL (its mariadbd stays behind, as after a real kill). Opening the folder again recovers the
 * server, and not one line of the file is in the account table: the import is one transaction.
 */
class KilledImportTest {

    private static final int ROWS = 200_000;
    private static final long STARTUP_LIMIT_SECONDS = 240;

    @Test
    void a_killed_import_leaves_none_of_the_files_rows_and_the_database_healthy() throws Exception {
        Path dataDir = emptied(Path.of("target", "killed-import-data").toAbsolutePath());
        String prefix = "Kill9 " + System.nanoTime();
        var output = new CopyOnWriteArrayList<String>();
        Process app = start(dataDir, prefix);
        try {
            var reader = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            Thread.ofPlatform().daemon().start(() -> reader.lines().forEach(output::add));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_LIMIT_SECONDS);
            while (output.stream().noneMatch(line -> line.startsWith(ImportingWorkbench.WRITTEN))
                    && app.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(app.isAlive()).as("the import runs; its output: %s", output).isTrue();
            assertThat(output).as("rows are being written").anyMatch(line -> line.startsWith(ImportingWorkbench.WRITTEN));
        } finally {
            app.destroyForcibly(); // SIGKILL
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(output).as("killed before the import committed").doesNotContain(ImportingWorkbench.IMPORTED);
        List<String> written = output.stream().filter(line -> line.startsWith(ImportingWorkbench.WRITTEN)).toList();
        assertThat(Integer.parseInt(written.getLast().substring(ImportingWorkbench.WRITTEN.length()))).isLessThan(ROWS);

        // the next start finds the killed app's mariadbd, stops it and starts again: InnoDB recovers
        try (var database = CrmDatabase.open(new DatabaseSettings(null, null, null, 0, dataDir))) {
            var dsl = database.dsl();
            assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.NAME.startsWith(prefix))).as("no half-imported file").isZero();
            var check = dsl.fetch("check table " + CrmDatabase.CORE_SCHEMA + ".account");
            assertThat(check.getValues(DSL.field(DSL.name("Msg_text"), String.class))).as("table intact").contains("OK");
            var admin = new UserAccounts(dsl, new BCryptPasswordEncoder(4)).findByUsername(UserAccounts.INITIAL_ADMIN)
                    .orElseThrow().user();
            new AccountService(dsl, Clock.systemUTC(), event -> { }).create(new AccountData(prefix + " after", null, null,
                    null, null, null, null, "Zwolle", "NL", AccountLevel.REGIONAL, LifecycleStage.SUSPECT, null, false, null,
                    null, null), admin);
            assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.NAME.startsWith(prefix))).as("writes work again").isOne();
        }
    }

    private static Process start(Path dataDir, String prefix) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx768m", "-XX:+UseSerialGC", "-cp", classPath,
                ImportingWorkbench.class.getName(), dataDir.toString(), prefix, String.valueOf(ROWS))
                .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("killed-import-app.log").toFile()))
                .start();
    }

    private static Path emptied(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        return dir;
    }
}

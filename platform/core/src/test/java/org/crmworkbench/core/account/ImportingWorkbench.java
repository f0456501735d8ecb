package org.crmworkbench.core.account;

import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.DatabaseSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The process {@link KilledImportTest} kills: opens the workbench database in a data folder as the app
 * does (embedded server, migrations), then imports a CSV file of {@code rows} new accounts named
 * {@code <prefix> <n>} and reports each written chunk on stdout ({@code written <n>}), finally
 * {@code imported}.
 */
final class ImportingWorkbench {

    static final String WRITTEN = "written ";
    static final String IMPORTED = "imported";

    private ImportingWorkbench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String prefix = args[1];
        int rows = Integer.parseInt(args[2]);
        var database = CrmDatabase.open(new DatabaseSettings(null, null, null, 0, dataDir));
        var dsl = database.dsl();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        users.createInitialAdminIfNoUsers(dataDir);
        var admin = users.findByUsername(UserAccounts.INITIAL_ADMIN).orElseThrow().user();
        var csv = new StringBuilder("Naam;Plaats\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append(' ').append(i).append(";Zwolle\n");
        }
        var file = CsvFile.parse(csv.toString().getBytes(StandardCharsets.UTF_8));
        var importer = new AccountImport(dsl, Clock.systemUTC(), new AccountService(dsl, Clock.systemUTC(), event -> { }),
                event -> { });
        var check = importer.check(file, importer.suggestMapping(file.header()), admin);
        importer.apply(check, admin, done -> System.out.println(WRITTEN + done));
        System.out.println(IMPORTED);
        database.close();
    }
}

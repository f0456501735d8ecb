package org.crmworkbench.core.account;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.account.AccountImport.Target;
import org.crmworkbench.core.csv.ImportAction;
import org.crmworkbench.core.csv.ImportOutcome;
import org.crmworkbench.core.csv.ImportProblem;
import org.crmworkbench.core.csv.StaleImportException;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

/** CSV import of accounts on real MariaDB: dry run, per-line problems, all or nothing, re-import updates. */
class AccountImportTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final List<AccountEvent> events = new ArrayList<>();
    private final AccountService accounts = new AccountService(dsl, Clock.systemUTC(), events::add);
    private final AccountImport importer = new AccountImport(dsl, Clock.systemUTC(), accounts, events::add);
    private UserRef manager;
    private UserRef sales;

    @BeforeEach
    void users() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("marieke", "Marieke", "pw-manager-1", Set.of(Role.MANAGER)), "marieke", "Marieke",
                Set.of(Role.MANAGER));
        sales = new UserRef(users.create("sanne", "Sanne", "pw-sales-1", Set.of(Role.SALES)), "sanne", "Sanne", Set.of(Role.SALES));
    }

    @Test
    void a_good_file_is_checked_then_imported_and_a_second_import_updates_instead_of_duplicating() throws Exception {
        var file = csv("Naam;KvK;Plaats;Fase;Potentie;Accountmanager\n"
                + "Bakkerij Jansen;12345678;Utrecht;lead;1.250,50;sanne\n"
                + "Garage Bos;87654321;Gent;Nieuwe klant;;\n");
        var mapping = importer.suggestMapping(file.header());
        assertThat(mapping).containsEntry(Target.NAME, 0).containsEntry(Target.COC_NUMBER, 1).containsEntry(Target.CITY, 2)
                .containsEntry(Target.STAGE, 3).containsEntry(Target.POTENTIAL_VALUE, 4).containsEntry(Target.ACCOUNT_MANAGER, 5);

        var check = importer.check(file, mapping, manager);
        assertThat(check.problems()).isEmpty();
        assertThat(check.count(ImportAction.CREATE)).isEqualTo(2);
        assertThat(dsl.fetchCount(ACCOUNT)).as("a dry run changes nothing").isZero();

        var progress = new ArrayList<Integer>();
        assertThat(importer.apply(check, manager, progress::add)).isEqualTo(new ImportOutcome(2, 0));
        assertThat(progress).containsExactly(2);
        var jansen = dsl.selectFrom(ACCOUNT).where(ACCOUNT.COC_NUMBER.eq("12345678")).fetchSingle();
        assertThat(jansen.getPotentialValue()).isEqualByComparingTo("1250.50");
        assertThat(jansen.getAccountManagerId()).isEqualTo(sales.id());
        assertThat(jansen.getLifecycleStage()).isEqualTo("LEAD");
        assertThat(accounts.stageHistory(jansen.getId(), manager).getFirst().cause()).isEqualTo(StageChangeCause.IMPORT);

        var again = csv("KvK;Plaats\n12345678;Amersfoort\n");
        var second = importer.check(again, importer.suggestMapping(again.header()), manager);
        assertThat(second.count(ImportAction.UPDATE)).isEqualTo(1);
        importer.apply(second, manager, done -> { });
        var updated = accounts.find(jansen.getId(), manager).orElseThrow();
        assertThat(updated.data().city()).isEqualTo("Amersfoort");
        assertThat(updated.data().name()).as("unmapped columns keep their value").isEqualTo("Bakkerij Jansen");
        assertThat(updated.version()).isEqualTo(1);
        assertThat(dsl.fetchCount(ACCOUNT)).isEqualTo(2);
        assertThat(events).contains(new AccountEvent.AccountChanged(jansen.getId(), events.getLast().at()));
    }

    @Test
    void a_file_with_bad_lines_reports_each_line_and_column_and_imports_nothing() throws Exception {
        accounts.create(new AccountData("Van iemand anders", "11112222", null, null, null, null, null, null, "NL",
                AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, null, null, manager.id()), manager);
        var file = csv("name,cocNumber,stage,potentialValue,accountManager\n"
                + "Goed BV,22223333,LEAD,10,\n"
                + ",3333444,SUSPECT,,\n"
                + "Dubbel BV,22223333,LEAD,,\n"
                + "Raar BV,44445555,blij,veel,nobody\n"
                + "Niet van mij,11112222,LEAD,,\n");

        var check = importer.check(file, importer.suggestMapping(file.header()), sales);

        assertThat(check.problems()).containsExactly(
                new ImportProblem(3, "name", "account.error.name-required", null),
                new ImportProblem(3, "cocNumber", "account.error.coc-number", null),
                new ImportProblem(4, "cocNumber", "import.error.duplicate-kvk", "22223333"),
                new ImportProblem(5, "stage", "import.error.stage", "blij"),
                new ImportProblem(5, "potentialValue", "import.error.amount", "veel"),
                new ImportProblem(5, "accountManager", "import.error.manager", "nobody"),
                new ImportProblem(6, "cocNumber", "import.error.not-yours", "11112222"));
        assertThat(check.count(ImportAction.CREATE)).isEqualTo(1);
        assertThat(check.count(ImportAction.REJECT)).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.apply(check, sales, done -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dsl.fetchCount(ACCOUNT)).isEqualTo(1);
    }

    @Test
    void an_account_changed_after_the_check_is_not_overwritten_and_nothing_is_imported() throws Exception {
        long id = accounts.create(new AccountData("Houthandel Bos", "55556666", null, null, null, null, null, "Zwolle", "NL",
                AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, null, null, manager.id()), manager);
        var file = csv("kvk;plaats\n55556666;Deventer\n");
        var check = importer.check(file, importer.suggestMapping(file.header()), manager);
        var now = accounts.find(id, manager).orElseThrow();
        accounts.update(id, now.version(), now.data().withNeverInterested(), sales.hasRole(Role.MANAGER) ? sales : manager);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.apply(check, manager, done -> { }))
                .isInstanceOf(StaleImportException.class);
        var after = accounts.find(id, manager).orElseThrow();
        assertThat(after.data().city()).isEqualTo("Zwolle");
        assertThat(after.data().neverInterested()).isTrue();
    }

    private static CsvFile csv(String text) throws CsvFile.UnreadableException {
        return CsvFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}

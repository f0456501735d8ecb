package org.crmworkbench.core.contact;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.core.csv.ImportAction;
import org.crmworkbench.core.csv.ImportProblem;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.CONTACT;

/** CSV import of contacts on real MariaDB. */
class ContactImportTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final ContactService contacts = new ContactService(dsl, Clock.systemUTC());
    private final ContactImport importer = new ContactImport(dsl, Clock.systemUTC());
    private UserRef sales;
    private long own;

    @BeforeEach
    void data() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        var manager = new UserRef(users.create("m", "M", "pw-manager-1", Set.of(Role.MANAGER)), "m", "M", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "S", "pw-sales-1", Set.of(Role.SALES)), "s", "S", Set.of(Role.SALES));
        var accounts = new AccountService(dsl, Clock.systemUTC(), event -> { });
        own = accounts.create(account("Eigen", "12121212", sales.id()), manager);
        accounts.create(account("Ander", "34343434", manager.id()), manager);
    }

    @Test
    void contacts_are_added_then_updated_by_account_and_e_mail_and_bad_lines_block_the_file() throws Exception {
        var file = csv("KvK;Voornaam;Achternaam;E-mail;DMU-rol;Toestemming\n"
                + "12121212;Anna;Visser;Anna@Example.com;inkoper;ja\n"
                + "12121212;Bert;Bakker;;beslisser;nee\n");
        var check = importer.check(file, importer.suggestMapping(file.header()), sales);
        assertThat(check.problems()).isEmpty();
        assertThat(check.count(ImportAction.CREATE)).isEqualTo(2);
        importer.apply(check, sales, done -> { });
        assertThat(contacts.forAccount(own, sales)).extracting(Contact::fullName).containsExactly("Bert Bakker", "Anna Visser");
        assertThat(contacts.forAccount(own, sales).get(1).data().email()).isEqualTo("anna@example.com");

        var again = csv("KvK;E-mail;Functie\n12121212;anna@example.com;Hoofd inkoop\n");
        var second = importer.check(again, importer.suggestMapping(again.header()), sales);
        assertThat(second.count(ImportAction.UPDATE)).isEqualTo(1);
        importer.apply(second, sales, done -> { });
        var anna = contacts.forAccount(own, sales).get(1);
        assertThat(anna.data().jobTitle()).isEqualTo("Hoofd inkoop");
        assertThat(anna.data().dmuRole()).as("unmapped columns keep their value").isEqualTo(DmuRole.BUYER);
        assertThat(dsl.fetchCount(CONTACT)).isEqualTo(2);
        var byName = csv("KvK;Voornaam;Achternaam;Telefoon\n12121212;Bert;Bakker;+31 6 1111 2222\n");
        var third = importer.check(byName, importer.suggestMapping(byName.header()), sales);
        assertThat(third.count(ImportAction.UPDATE)).as("without e-mail the name matches").isEqualTo(1);
        importer.apply(third, sales, done -> { });
        assertThat(dsl.fetchCount(CONTACT)).isEqualTo(2);

        var bad = csv("KvK;Achternaam;E-mail;DMU-rol\n"
                + "34343434;Claes;c@example.com;inkoper\n"
                + "12121212;;d@example;baas\n"
                + "12121212;Dekker;x@example.com;\n");
        var rejected = importer.check(bad, importer.suggestMapping(bad.header()), sales);
        assertThat(rejected.problems()).containsExactly(
                new ImportProblem(2, "KvK", "import.error.account-unknown", "34343434"),
                new ImportProblem(3, "DMU-rol", "import.error.dmu-role", "baas"),
                new ImportProblem(3, "Achternaam", "contact.error.last-name-required", null),
                new ImportProblem(3, "E-mail", "contact.error.email", null));
        assertThat(rejected.count(ImportAction.CREATE)).isEqualTo(1);
        assertThat(dsl.fetchCount(CONTACT)).isEqualTo(2);
    }

    private static CsvFile csv(String text) throws CsvFile.UnreadableException {
        return CsvFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static AccountData account(String name, String kvk, Long managerId) {
        return new AccountData(name, kvk, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL,
                LifecycleStage.LEAD, null, false, null, null, managerId);
    }
}

package org.crmworkbench.ui.imports;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountImport.Target;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "manager", roles = "MANAGER")
class AccountImportViewTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;

    @Test
    void a_bad_file_is_reported_per_line_and_a_fixed_file_is_imported_in_the_background() throws InterruptedException {
        UserRef manager = users.findByUsername("manager").orElseThrow().user();
        var view = navigate(AccountImportView.class);
        view.load("naam;kvk\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(view.fileStatus.getText()).startsWith("The file is not UTF-8 text (line 2)");
        assertThat(view.check.isVisible()).isFalse();

        long suffix = System.nanoTime() % 1_000_000;
        String kvkA = String.valueOf(70_000_000 + suffix);
        String kvkB = String.valueOf(80_000_000 + suffix);
        view.load(("\uFEFFNaam;KvK-nummer;Plaats;Fase\n"
                + "Import Een " + suffix + ";" + kvkA + ";Gent;lead\n"
                + "Import Twee " + suffix + ";" + kvkB + ";Brugge;verkeerd\n").getBytes(StandardCharsets.UTF_8));
        assertThat(view.mapping.get(Target.NAME).getValue()).isEqualTo(0);
        assertThat(view.mapping.get(Target.COC_NUMBER).getValue()).isEqualTo(1);
        assertThat(view.mapping.get(Target.STAGE).getValue()).isEqualTo(3);
        int before = accounts.count(AccountQuery.all(), manager);

        test(view.check).click();
        awaitBackground(() -> view.progress.isVisible() || !view.check.isEnabled());
        assertThat(view.summary.getText()).isEqualTo("1 to create, 0 to update, 1 rejected");
        assertThat(test(view.problems).size()).isEqualTo(1);
        assertThat(test(view.problems).getRow(0).line()).isEqualTo(3);
        assertThat(view.importButton.isEnabled()).isFalse();

        view.load(("Naam;KvK-nummer;Plaats;Fase\n"
                + "Import Een " + suffix + ";" + kvkA + ";Gent;lead\n"
                + "Import Twee " + suffix + ";" + kvkB + ";Brugge;prospect\n").getBytes(StandardCharsets.UTF_8));
        test(view.check).click();
        awaitBackground(() -> view.progress.isVisible() || !view.check.isEnabled());
        assertThat(view.importButton.isEnabled()).isTrue();
        assertThat(accounts.count(AccountQuery.all(), manager)).as("the dry run saved nothing").isEqualTo(before);

        test(view.importButton).click();
        awaitBackground(() -> view.progress.isVisible() || !view.check.isEnabled());
        assertThat(view.summary.getText()).isEqualTo("Imported: 2 created, 0 updated");
        assertThat(accounts.count(new AccountQuery("Import ", null, null, null, null, false, List.of()), manager))
                .isGreaterThanOrEqualTo(2);
        assertThat(accounts.count(AccountQuery.all(), manager)).isEqualTo(before + 2);
    }
}

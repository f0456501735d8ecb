package org.crmworkbench.ui.imports;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.contact.ContactImport.Target;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "manager", roles = "MANAGER")
class ContactImportViewTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ContactService contacts;
    @Autowired
    UserAccounts users;

    @Test
    void contacts_are_imported_to_the_account_named_by_its_kvk_number() throws InterruptedException {
        UserRef manager = users.findByUsername("manager").orElseThrow().user();
        var account = accounts.page(AccountQuery.all(), manager, 0, 1).getFirst();
        int before = contacts.forAccount(account.id(), manager).size();
        var view = navigate(ContactImportView.class);

        view.load(("KvK;Voornaam;Achternaam;E-mail;DMU-rol\n"
                + account.cocNumber() + ";Import;Persoon;import." + System.nanoTime() + "@example.com;beslisser\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(view.mapping.get(Target.ACCOUNT_KVK).getValue()).isEqualTo(0);
        assertThat(view.mapping.get(Target.DMU_ROLE).getValue()).isEqualTo(4);
        test(view.check).click();
        awaitBackground(() -> view.progress.isVisible() || !view.check.isEnabled());
        assertThat(view.summary.getText()).isEqualTo("1 to create, 0 to update, 0 rejected");
        test(view.importButton).click();
        awaitBackground(() -> view.progress.isVisible() || !view.check.isEnabled());

        assertThat(view.summary.getText()).isEqualTo("Imported: 1 created, 0 updated");
        assertThat(contacts.forAccount(account.id(), manager)).hasSize(before + 1);
    }
}

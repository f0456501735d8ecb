package org.crmworkbench.ui.contact;

import com.vaadin.flow.component.UI;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.contact.DmuRole;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "manager", roles = "MANAGER")
class AccountContactsTest extends UiTest {

    @Autowired
    ContactService contacts;
    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;

    @Test
    void a_contact_is_added_in_the_dialog_and_a_bad_e_mail_is_flagged_without_saving() {
        UserRef manager = users.findByUsername("manager").orElseThrow().user();
        long accountId = accounts.page(AccountQuery.all(), manager, 0, 1).getFirst().id();
        int before = contacts.forAccount(accountId, manager).size();
        var tab = new AccountContacts(contacts, accountId, manager);
        UI.getCurrent().add(tab);

        var dialog = new ContactDialog(contacts, accountId, null, manager, tab::refresh);
        dialog.open();
        roundTrip();
        test(dialog.lastName).setValue("Hermans");
        test(dialog.email).setValue("h@");
        test(dialog.save).click();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(contacts.forAccount(accountId, manager)).hasSize(before);

        test(dialog.email).setValue("hermans@example.com");
        dialog.dmuRole.setValue(DmuRole.GATEKEEPER);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(contacts.forAccount(accountId, manager)).hasSize(before + 1)
                .anySatisfy(c -> assertThat(c.data().dmuRole()).isEqualTo(DmuRole.GATEKEEPER));
        assertThat(test(tab.grid).size()).isEqualTo(before + 1);
    }
}

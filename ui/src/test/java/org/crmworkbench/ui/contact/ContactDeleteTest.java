package org.crmworkbench.ui.contact;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.contact.ContactData;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "manager", roles = "MANAGER")
class ContactDeleteTest extends UiTest {

    @Autowired
    ContactService contacts;
    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;

    @Test
    void a_contact_is_deleted_after_confirmation_but_not_when_someone_changed_it_meanwhile() {
        UserRef manager = users.findByUsername("manager").orElseThrow().user();
        long accountId = accounts.page(AccountQuery.all(), manager, 1, 1).getFirst().id();
        long id = contacts.add(accountId, new ContactData("Wim", "Verbruggen", null, null, null, null, false, true), manager);
        var tab = new AccountContacts(contacts, accountId, manager);
        UI.getCurrent().add(tab);
        var read = contacts.find(id, manager).orElseThrow();

        var dialog = new ContactDialog(contacts, accountId, read, manager, tab::refresh);
        dialog.open();
        roundTrip();
        contacts.update(id, read.version(), new ContactData("Wim", "Verbruggen", "Inkoper", null, null, null, false, true), manager);
        test($(Button.class).withText("Delete").single()).click();
        roundTrip();
        var confirm = $(ConfirmDialog.class).last();
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Delete \"Wim Verbruggen\"?");
        test(confirm).confirm();
        assertThat(test($(Notification.class).last()).getText()).startsWith("Not deleted: manager changed it meanwhile");
        assertThat(contacts.find(id, manager)).as("kept").isPresent();
        dialog.close();

        var fresh = new ContactDialog(contacts, accountId, contacts.find(id, manager).orElseThrow(), manager, tab::refresh);
        fresh.open();
        roundTrip();
        test($(Button.class).withText("Delete").single()).click();
        roundTrip();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(fresh.isOpened()).isFalse();
        assertThat(contacts.find(id, manager)).isEmpty();
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText()).contains("\"Wim Verbruggen\" deleted");
    }
}

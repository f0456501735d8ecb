package org.crmworkbench.ui.contact;

import com.vaadin.flow.component.UI;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.contact.ContactData;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.BadInput;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL meta characters, markup and over-long text in the contact dialog, the contact lists and their search. */
@WithMockUser(username = "manager", roles = "MANAGER")
class ContactBadInputTest extends UiTest {

    @Autowired
    ContactService contacts;
    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;

    @Test
    void sql_meta_characters_and_markup_are_saved_from_the_dialog_and_shown_as_text() {
        long accountId = newAccount();
        var tab = new AccountContacts(contacts, accountId, manager());
        UI.getCurrent().add(tab);
        var dialog = new ContactDialog(contacts, accountId, null, manager(), tab::refresh);
        dialog.open();
        roundTrip();
        String last = "Vq" + System.nanoTime() + " " + BadInput.SQL;
        test(dialog.firstName).setValue(BadInput.HTML);
        test(dialog.lastName).setValue(last);
        test(dialog.jobTitle).setValue(BadInput.HTML);
        test(dialog.email).setValue("o.brien@example.com");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        var saved = contacts.forAccount(accountId, manager()).getFirst().data();
        assertThat(saved.lastName()).isEqualTo(last);
        assertThat(saved.firstName()).isEqualTo(BadInput.HTML);
        assertThat(test(tab.grid).getCellText(0, 0)).isEqualTo(BadInput.HTML + " " + last);
        assertThat(test(tab.grid).getCellText(0, 1)).isEqualTo(BadInput.HTML);
        assertThat(BadInput.asMarkup(UI.getCurrent(), "onerror")).isEmpty();

        String markupAddress = "<b>o'brien</b>@example.com"; // the service's rule lets it through, e.g. from the API
        contacts.add(accountId, new ContactData(null, last + "2", null, markupAddress, null, null, false, true), manager());
        var list = navigate(ContactsView.class);
        test(list.search).setValue(last);
        assertThat(test(list.grid).size()).isEqualTo(2);
        assertThat(test(list.grid).getCellText(0, 2)).isEqualTo(BadInput.HTML);
        assertThat(test(list.grid).getCellText(1, 4)).isEqualTo(markupAddress);
        assertThat(BadInput.asMarkup(UI.getCurrent(), "onerror")).isEmpty();
    }

    @Test
    void percent_and_underscore_in_the_search_match_themselves_not_anything() {
        long accountId = newAccount();
        String prefix = "Uq" + System.nanoTime();
        for (String last : new String[]{prefix + "100%", prefix + "1000", prefix + "a_b", prefix + "axb"}) {
            contacts.add(accountId, new ContactData(null, last, null, null, null, null, false, true), manager());
        }
        var list = navigate(ContactsView.class);
        test(list.search).setValue(prefix + "100%");
        assertThat(test(list.grid).size()).isEqualTo(1);
        test(list.search).setValue(prefix + "a_");
        assertThat(test(list.grid).size()).isEqualTo(1);
        assertThat(test(list.grid).getCellText(0, 0)).isEqualTo(prefix + "a_b");
        test(list.search).setValue(prefix + "%");
        assertThat(test(list.grid).size()).isZero();
        assertThat(list.empty.isVisible()).isTrue();
    }

    @Test
    void over_long_names_and_a_bad_address_get_a_message_and_nothing_is_saved() {
        long accountId = newAccount();
        var dialog = new ContactDialog(contacts, accountId, null, manager(), () -> { });
        dialog.open();
        roundTrip();
        test(dialog.lastName).setValue(BadInput.ofLength(101));
        test(dialog.jobTitle).setValue(BadInput.ofLength(101));
        test(dialog.email).setValue("h@");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.lastName.getErrorMessage()).isEqualTo("At most 100 characters");
        assertThat(dialog.jobTitle.getErrorMessage()).isEqualTo("At most 100 characters");
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).isEqualTo("Not an e-mail address");
        assertThat(contacts.forAccount(accountId, manager())).isEmpty();
    }

    private long newAccount() {
        return accounts.create(new AccountData("Contactloos " + System.nanoTime(), null, null, null, null, null, null,
                "Gent", "BE", AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, null, null, manager().id()), manager());
    }

    private UserRef manager() {
        return users.findByUsername("manager").orElseThrow().user();
    }
}

package org.crmworkbench.ui.contact;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.contact.ContactQuery;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.contact.DmuRole;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountEditorView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContactsViewTest extends UiTest {

    @Autowired
    ContactService contacts;
    @Autowired
    UserAccounts users;

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void sales_lists_the_contacts_of_its_accounts_filters_by_dmu_role_and_opens_the_account() {
        UserRef sales = users.findByUsername("sales").orElseThrow().user();
        var view = navigate(ContactsView.class);
        int visible = contacts.count(new ContactQuery(null, "", null, true, false, List.of()), sales);
        assertThat(visible).isPositive().isLessThan(contacts.count(ContactQuery.all(),
                users.findByUsername("manager").orElseThrow().user()));
        assertThat(test(view.grid).size()).isEqualTo(visible);

        view.dmuRole.setValue(DmuRole.DECIDER);
        assertThat(test(view.grid).size()).isEqualTo(contacts.count(new ContactQuery(null, "", DmuRole.DECIDER, true, false, List.of()), sales));
        long accountId = test(view.grid).getRow(0).contact().accountId();
        test(view.grid).clickRow(0);
        assertThat(getCurrentView()).isInstanceOf(AccountEditorView.class);
        assertThat(((AccountEditorView) getCurrentView()).getPageTitle()).isNotBlank();
        assertThat(accountId).isPositive();
    }
}

package org.crmworkbench.ui.account;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class AccountDeleteTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void sales_cannot_delete_an_account() {
        long id = create(user("sales").id());
        var view = navigate(AccountEditorView.class, String.valueOf(id));
        assertThat(view.delete.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_deletes_an_account_after_confirmation_and_returns_to_the_list() {
        long id = create(null);
        var view = navigate(AccountEditorView.class, String.valueOf(id));
        assertThat(view.delete.isVisible()).isTrue();

        test(view.delete).click();
        roundTrip();
        var confirm = $(ConfirmDialog.class).last();
        assertThat(confirm.getElement().getProperty("header")).startsWith("Delete \"Te Verwijderen");
        test(confirm).confirm();
        roundTrip();
        assertThat(accounts.find(id, user("manager"))).isEmpty();
        assertThat(getCurrentView()).isInstanceOf(AccountsView.class);
    }

    private long create(Long managerId) {
        return accounts.create(new AccountData("Te Verwijderen " + System.nanoTime(), null, null, null, null, null, null,
                "Gouda", "NL", AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, null, null, managerId),
                user("manager"));
    }

    private UserRef user(String name) {
        return users.findByUsername(name).orElseThrow().user();
    }
}

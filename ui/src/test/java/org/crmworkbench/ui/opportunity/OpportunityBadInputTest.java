package org.crmworkbench.ui.opportunity;

import com.vaadin.flow.component.UI;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.opportunity.OpportunityQuery;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.BadInput;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL meta characters, markup and over-long text in the opportunity dialog, the lists and the search. */
@WithMockUser(username = "manager", roles = "MANAGER")
class OpportunityBadInputTest extends UiTest {

    @Autowired
    OpportunityService opportunities;
    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;

    @Test
    void sql_meta_characters_and_markup_are_saved_and_shown_as_text_and_found_literally() {
        String account = "Tq" + System.nanoTime() + BadInput.HTML;
        long accountId = newAccount(account);
        var tab = new AccountOpportunities(opportunities, accountId, manager(), users.activeUsers());
        UI.getCurrent().add(tab);
        test(tab.add).click();
        roundTrip();
        var dialog = $(OpportunityDialog.class).first();
        String name = "Sq" + System.nanoTime() + " " + BadInput.SQL + BadInput.HTML;
        test(dialog.name).setValue(name);
        dialog.amount.setValue(new BigDecimal("100"));
        test(dialog.notes).setValue(BadInput.HTML);
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(tab.grid).getCellText(0, 0)).isEqualTo(name);
        var saved = opportunities.page(OpportunityQuery.ofAccount(accountId), manager(), 0, 1).getFirst();
        assertThat(saved.data().notes()).isEqualTo(BadInput.HTML);
        assertThat(BadInput.asMarkup(UI.getCurrent(), "onerror")).isEmpty();

        var list = navigate(OpportunitiesView.class);
        test(list.search).setValue(name);
        assertThat(test(list.grid).size()).isEqualTo(1);
        test(list.search).setValue(account);
        assertThat(test(list.grid).size()).as("by account name").isEqualTo(1);
        assertThat(test(list.grid).getCellText(0, 1)).isEqualTo(account);
        test(list.search).setValue(name.substring(0, name.indexOf(' ')) + "%");
        assertThat(test(list.grid).size()).as("% is no wildcard").isZero();
        assertThat(BadInput.asMarkup(UI.getCurrent(), "onerror")).isEmpty();
    }

    @Test
    void an_over_long_name_gets_a_message_and_nothing_is_saved() {
        long accountId = newAccount("Lq" + System.nanoTime());
        var dialog = new OpportunityDialog(opportunities, accountId, null, manager(), users.activeUsers(), () -> { });
        dialog.open();
        roundTrip();
        test(dialog.name).setValue(BadInput.ofLength(201));
        dialog.amount.setValue(new BigDecimal("100"));
        test(dialog.notes).setValue(BadInput.ofLength(2001));
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Use at most 200 characters");
        assertThat(dialog.notes.getErrorMessage()).isEqualTo("Use at most 2,000 characters");
        assertThat(opportunities.count(OpportunityQuery.ofAccount(accountId), manager())).isZero();
    }

    private long newAccount(String name) {
        return accounts.create(new AccountData(name, null, null, null, null, null, null, "Gent", "BE",
                AccountLevel.REGIONAL, LifecycleStage.HOT_LEAD, null, false, null, null, manager().id()), manager());
    }

    private UserRef manager() {
        return users.findByUsername("manager").orElseThrow().user();
    }
}

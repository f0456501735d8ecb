package org.crmworkbench.ui.interaction;

import com.vaadin.flow.component.UI;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.BadInput;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL meta characters, markup and over-long text in the interaction dialog and the account's interaction list. */
@WithMockUser(username = "manager", roles = "MANAGER")
class InteractionBadInputTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ContactService contacts;
    @Autowired
    InteractionService interactions;
    @Autowired
    UserAccounts users;

    @Test
    void sql_meta_characters_and_markup_in_the_summary_are_saved_and_shown_as_text() {
        long accountId = newAccount();
        var tab = new AccountInteractions(interactions, contacts, accountId, manager());
        UI.getCurrent().add(tab);
        test(tab.add).click();
        roundTrip();
        var dialog = $(InteractionDialog.class).first();
        String summary = BadInput.SQL + " " + BadInput.HTML;
        test(dialog.summary).setValue(summary);
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(interactions.page(accountId, manager(), 0, 1).getFirst().data().summary()).isEqualTo(summary);
        assertThat(test(tab.grid).getCellText(0, 2)).isEqualTo(summary);
        assertThat(BadInput.asMarkup(UI.getCurrent(), "onerror")).isEmpty();
    }

    @Test
    void an_over_long_summary_gets_a_message_and_nothing_is_saved() {
        long accountId = newAccount();
        var tab = new AccountInteractions(interactions, contacts, accountId, manager());
        UI.getCurrent().add(tab);
        test(tab.add).click();
        roundTrip();
        var dialog = $(InteractionDialog.class).first();
        test(dialog.summary).setValue(BadInput.ofLength(2001));
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.summary.isInvalid()).isTrue();
        assertThat(dialog.summary.getErrorMessage()).isEqualTo("Use at most 2,000 characters");
        assertThat(interactions.count(accountId, manager())).isZero();
    }

    private long newAccount() {
        return accounts.create(new AccountData("Gesprek " + System.nanoTime(), null, null, null, null, null, null, "Gent", "BE",
                AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, null, null, manager().id()), manager());
    }

    private UserRef manager() {
        return users.findByUsername("manager").orElseThrow().user();
    }
}

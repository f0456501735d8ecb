package org.crmworkbench.ui.interaction;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.contact.ContactData;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.interaction.FollowUp;
import org.crmworkbench.core.interaction.InteractionKind;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountsView;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "manager", roles = "MANAGER")
class InteractionViewsTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ContactService contacts;
    @Autowired
    InteractionService interactions;
    @Autowired
    UserAccounts users;

    @Test
    void a_complaint_is_logged_with_an_open_follow_up_that_shows_on_the_dashboard() {
        UserRef manager = users.findByUsername("manager").orElseThrow().user();
        String name = "Kantoorinrichting Klacht " + System.nanoTime();
        long accountId = accounts.create(new AccountData(name, null, null, null, null, null, null, "Gent", "BE",
                AccountLevel.REGIONAL, LifecycleStage.LOYAL_CUSTOMER, null, false, null, null, manager.id()), manager);
        long contactId = contacts.add(accountId, new ContactData("Els", "Maes", null, null, null, null, false, true), manager);
        var tab = new AccountInteractions(interactions, contacts, accountId, manager);
        UI.getCurrent().add(tab);
        assertThat(tab.empty.isVisible()).isTrue();

        test(tab.add).click();
        roundTrip();
        var dialog = $(InteractionDialog.class).first();
        dialog.kind.setValue(InteractionKind.COMPLAINT);
        assertThat(dialog.followUp.getValue()).as("complaints are followed up").isEqualTo(FollowUp.OPEN);
        test(dialog.save).click();
        assertThat(dialog.summary.isInvalid()).isTrue();
        assertThat(dialog.summary.getErrorMessage()).isEqualTo("Write a short summary");
        assertThat(interactions.count(accountId, manager)).isZero();

        test(dialog.summary).setValue("Levering incompleet");
        dialog.due.setValue(LocalDate.now().minusDays(30)); // overdue: first on the dashboard
        dialog.contactPicker.setValue(Set.copyOf(dialog.contactPicker.getListDataView().getItems().toList()));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(tab.grid).size()).isEqualTo(1);
        var saved = interactions.page(accountId, manager, 0, 1).getFirst().data();
        assertThat(saved.contactIds()).containsExactly(contactId);
        assertThat(saved.followUpDue()).isEqualTo(LocalDate.now().minusDays(30));

        navigate(AccountsView.class); // the UI opened on the dashboard: leave it so it is built afresh
        navigate(DashboardView.class);
        assertThat($(H3.class).withText("My open follow-ups").exists()).isTrue();
        assertThat($(ListItem.class).withCondition(item -> item.getElement().getTextRecursively().startsWith(name)).exists())
                .as("the overdue complaint is listed").isTrue();
    }
}

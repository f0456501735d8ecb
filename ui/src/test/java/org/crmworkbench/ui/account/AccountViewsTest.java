package org.crmworkbench.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountRow;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.CustomerGroup;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.api.csv.CsvWriter;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

class AccountViewsTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;
    @Autowired
    CrmDatabase database;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_lists_all_accounts_and_the_quick_search_narrows_them_in_sql() {
        var view = navigate(AccountsView.class);
        UserRef manager = user("manager");
        int all = accounts.count(AccountQuery.all(), manager);
        assertThat(all).as("demo accounts").isGreaterThanOrEqualTo(2_000);
        assertThat(test(view.grid).size()).isEqualTo(all);

        test(view.search).setValue("Bakkerij");
        int bakeries = accounts.count(new AccountQuery("Bakkerij", null, null, null, null, false, List.of()), manager);
        assertThat(bakeries).isBetween(1, all - 1);
        assertThat(test(view.grid).size()).isEqualTo(bakeries);
        assertThat(test(view.grid).getRow(0).name()).startsWith("Bakkerij");
        assertThat(view.total.getText()).isEqualTo(bakeries + " accounts");

        var csv = new StringWriter();
        view.export(new AccountQuery("Bakkerij", null, null, null, null, false, List.of()), new CsvWriter(csv, ';'),
                Locale.of("nl"));
        var lines = csv.toString().split("\r\n");
        assertThat(lines).hasSize(bakeries + 1);
        assertThat(lines[0]).as("in the language of the download, not the server's")
                .isEqualTo("Naam;KvK-nummer;Plaats;Levenscyclusfase;Accountniveau;Klantgroep;Accountmanager");
        assertThat(lines[1]).startsWith("Bakkerij");

        view.stage.setValue(LifecycleStage.LEAD);
        assertThat(test(view.grid).size())
                .isEqualTo(accounts.count(new AccountQuery("Bakkerij", LifecycleStage.LEAD, null, null, null, false, List.of()), manager));
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_filters_by_customer_group_and_applies_the_lifecycle_rules_in_the_background() throws InterruptedException {
        UserRef manager = user("manager");
        var view = navigate(AccountsView.class);
        view.group.setValue(CustomerGroup.ACTIVE);
        int active = accounts.count(new AccountQuery("", null, null, CustomerGroup.ACTIVE, null, false, List.of()), manager);
        assertThat(active).as("demo customers with orders this year").isPositive();
        assertThat(test(view.grid).size()).isEqualTo(active);
        assertThat(test(view.grid).getRow(0).group()).isEqualTo(CustomerGroup.ACTIVE);
        view.group.clear();

        long churned = accounts.create(new AccountData("Loonbedrijf Churn " + System.nanoTime(), null, null, null, null, null,
                null, "Hasselt", "BE", AccountLevel.REGIONAL, LifecycleStage.LOYAL_CUSTOMER, null, false, null, null, null), manager);
        database.dsl().insertInto(SALES_ORDER, SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_DATE)
                .values(churned, LocalDate.now().minusMonths(30)).execute();
        assertThat(view.recalculate.isVisible()).isTrue();
        test(view.recalculate).click();
        awaitBackground(view.recalculating::isVisible);
        assertThat(test($(Notification.class).last()).getText()).matches("\\d+ accounts? changed stage");
        assertThat(accounts.find(churned, manager).orElseThrow().data().stage()).isEqualTo(LifecycleStage.EX_CUSTOMER);
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void a_sales_user_lists_only_the_accounts_it_manages() {
        var view = navigate(AccountsView.class);
        UserRef sales = user("sales");
        int own = accounts.count(AccountQuery.all(), sales);
        assertThat(own).isPositive().isLessThan(accounts.count(AccountQuery.all(), user("manager")));
        assertThat(test(view.grid).size()).isEqualTo(own);
        assertThat(view.recalculate.isVisible()).isFalse();
        assertThat(view.manager.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_new_account_is_saved_from_the_form_and_opens_in_the_editor() {
        var editor = navigate(AccountEditorView.class, AccountEditorView.NEW);
        roundTrip(); // the tab sheet attaches the selected tab's content on the round trip
        test(editor.form.name).setValue("Drukkerij Test " + System.nanoTime());
        test(editor.form.cocNumber).setValue(uniqueKvk());
        test(editor.form.save).click();

        assertThat(getCurrentView()).isInstanceOf(AccountEditorView.class);
        var opened = (AccountEditorView) getCurrentView();
        assertThat(opened.title.getText()).startsWith("Drukkerij Test");
        assertThat(test($(Notification.class).last()).getText()).contains("created");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void invalid_input_is_shown_next_to_the_field_and_nothing_is_saved() {
        int before = accounts.count(AccountQuery.all(), user("manager"));
        var editor = navigate(AccountEditorView.class, AccountEditorView.NEW);
        roundTrip(); // the tab sheet attaches the selected tab's content on the round trip

        test(editor.form.save).click();
        assertThat(editor.form.name.isInvalid()).as("name required").isTrue();

        test(editor.form.name).setValue("Bad KvK BV");
        test(editor.form.cocNumber).setValue("123");
        test(editor.form.save).click();
        assertThat(editor.form.cocNumber.isInvalid()).isTrue();
        assertThat(editor.form.cocNumber.getErrorMessage()).isEqualTo("A KvK number has 8 digits");
        assertThat(accounts.count(AccountQuery.all(), user("manager"))).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_stale_save_says_who_changed_the_account_and_keeps_the_input() {
        UserRef manager = user("manager");
        long id = accounts.create(new AccountData("Garage Stale " + System.nanoTime(), null, null, null, null, null, null,
                "Gent", "BE", AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, null, null, null), manager);
        var editor = navigate(AccountEditorView.class, String.valueOf(id));
        roundTrip();

        UserRef sales2 = new UserRef(user("sales2").id(), "sales2", "Sanne", Set.of(Role.MANAGER));
        var theirs = accounts.find(id, manager).orElseThrow();
        accounts.update(id, theirs.version(), theirs.data().inCity("Brugge"), sales2);

        test(editor.form.city).setValue("Leuven");
        test(editor.form.save).click();

        assertThat(test($(Notification.class).last()).getText()).startsWith("Not saved: sales2 changed this account at");
        assertThat(editor.form.city.getValue()).isEqualTo("Leuven");
        assertThat(accounts.find(id, manager).orElseThrow().data().city()).isEqualTo("Brugge");

        // the history tab shows who changed what
        $(AccountPluginTabs.class).first().setSelectedIndex(7);
        roundTrip();
        var changes = test(editor.history.changes);
        assertThat(changes.size()).isEqualTo(2);
        assertThat(changes.getCellText(0, 3)).isEqualTo("City: Gent → Brugge");
        assertThat(changes.getCellText(0, 4)).isEqualTo("sales2");
        assertThat(changes.getCellText(1, 2)).isEqualTo("Created");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_colleague_is_added_to_the_team_and_then_sees_the_account() {
        UserRef manager = user("manager");
        UserRef sales2 = user("sales2");
        long id = accounts.create(new AccountData("Transport Team " + System.nanoTime(), null, null, null, null, null, null,
                "Breda", "NL", AccountLevel.NATIONAL, LifecycleStage.PROSPECT, null, false, null, null, user("sales").id()), manager);
        assertThat(accounts.find(id, sales2)).isEmpty();
        var team = new AccountTeam(accounts, id, "Sanne", manager, users.activeUsers());
        UI.getCurrent().add(team);
        assertThat(team.empty.isVisible()).isTrue();

        test(team.add).click();
        assertThat(team.colleague.isInvalid()).as("choose someone first").isTrue();
        team.colleague.setValue(users.activeUsers().stream().filter(u -> u.id() == sales2.id()).findFirst().orElseThrow());
        test(team.role).setValue("Planning");
        test(team.add).click();

        assertThat(test(team.grid).size()).isEqualTo(1);
        assertThat(accounts.find(id, sales2)).isPresent();
        assertThat(accounts.team(id, manager).getFirst().role()).isEqualTo("Planning");
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void an_account_of_someone_else_cannot_be_opened() {
        long othersAccount = accounts.page(AccountQuery.all(), user("manager"), 0, 50).stream()
                .filter(row -> !"Jeroen Peeters".equals(row.managerName())).map(AccountRow::id).findFirst().orElseThrow();
        navigateExpectingError(othersAccount);
        assertThat(getCurrentView()).isNotInstanceOf(AccountEditorView.class);
    }

    private void navigateExpectingError(long id) {
        try {
            navigate(AccountEditorView.class, String.valueOf(id));
        } catch (RuntimeException expected) {
            // browserless rethrows the not-found error a browser would show as a page
        }
    }

    private UserRef user(String username) {
        return users.findByUsername(username).orElseThrow().user();
    }

    private static String uniqueKvk() {
        return String.valueOf(90_000_000 + (System.nanoTime() % 9_000_000));
    }
}

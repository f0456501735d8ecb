package org.crmworkbench.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.BadInput;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQL meta characters, markup and over-long text in the account form and the quick search. */
@WithMockUser(username = "manager", roles = "MANAGER")
class AccountBadInputTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;

    @Test
    void sql_meta_characters_are_saved_from_the_form_and_found_literally() {
        String name = "Zq" + System.nanoTime() + " " + BadInput.SQL;
        var editor = navigate(AccountEditorView.class, AccountEditorView.NEW);
        roundTrip();
        test(editor.form.name).setValue(name);
        test(editor.form.city).setValue("'; --");
        test(editor.form.notes).setValue(BadInput.SQL);
        test(editor.form.save).click();
        assertThat(test($(Notification.class).last()).getText()).contains("created");

        var found = accounts.page(new AccountQuery(name, null, null, null, null, false, List.of()), manager(), 0, 10);
        assertThat(found).singleElement().satisfies(row -> assertThat(row.name()).isEqualTo(name));
        var saved = accounts.find(found.getFirst().id(), manager()).orElseThrow().data();
        assertThat(saved.city()).isEqualTo("'; --");
        assertThat(saved.notes()).isEqualTo(BadInput.SQL);

        var list = navigate(AccountsView.class);
        test(list.search).setValue(name);
        assertThat(test(list.grid).size()).isEqualTo(1);
        assertThat(test(list.grid).getRow(0).name()).isEqualTo(name);
    }

    @Test
    void percent_and_underscore_in_the_quick_search_match_themselves_not_anything() {
        String prefix = "Wq" + System.nanoTime();
        create(prefix + " 100% Bouw");
        create(prefix + " 1000 Bouw");
        create(prefix + " a_b Bouw");
        create(prefix + " axb Bouw");
        create(prefix + " back\\slash Bouw");
        create(prefix + " backslash Bouw");

        var list = navigate(AccountsView.class);
        for (String search : List.of(" 100%", " a_b", " back\\s")) {
            test(list.search).setValue(prefix + search);
            assertThat(test(list.grid).size()).as(search).isEqualTo(1);
            assertThat(test(list.grid).getRow(0).name()).startsWith(prefix + search);
        }
        test(list.search).setValue(prefix + "%");
        assertThat(test(list.grid).size()).as("a lone % is no wildcard").isZero();
        test(list.search).setValue("%");
        assertThat(test(list.grid).size()).isZero();
        test(list.search).setValue("'");
        assertThat(list.total.getText()).as("no SQL error, just no match").isEqualTo("no accounts");
    }

    @Test
    void markup_in_every_text_field_is_shown_as_text_in_the_editor_and_the_list() {
        String name = "Hq" + System.nanoTime() + BadInput.HTML;
        String h = BadInput.HTML;
        long id = accounts.create(new AccountData(name, null, null, "https://example.com/" + h.replace(" ", ""), h, h,
                null, h, "NL", AccountLevel.REGIONAL, LifecycleStage.LEAD, h, false, null, h, manager().id()), manager());

        var editor = navigate(AccountEditorView.class, String.valueOf(id));
        roundTrip();
        assertThat(editor.title.getText()).isEqualTo(name);
        assertThat(editor.form.name.getValue()).isEqualTo(name);
        assertThat(editor.form.industry.getValue()).isEqualTo(h);
        assertThat(editor.form.street.getValue()).isEqualTo(h);
        assertThat(editor.form.city.getValue()).isEqualTo(h);
        assertThat(editor.form.leadSource.getValue()).isEqualTo(h);
        assertThat(editor.form.notes.getValue()).isEqualTo(h);
        assertThat(BadInput.asMarkup(UI.getCurrent(), "onerror")).as("nothing set as innerHTML").isEmpty();

        var list = navigate(AccountsView.class);
        test(list.search).setValue(name);
        assertThat(test(list.grid).getCellText(0, 0)).isEqualTo(name);
        assertThat(test(list.grid).getCellText(0, 1)).isEqualTo(h);
        assertThat(BadInput.asMarkup(UI.getCurrent(), "onerror")).isEmpty();
    }

    @Test
    void over_long_text_gets_a_message_next_to_the_field_and_nothing_is_saved() {
        int before = accounts.count(AccountQuery.all(), manager());
        var editor = navigate(AccountEditorView.class, AccountEditorView.NEW);
        roundTrip();
        test(editor.form.name).setValue(BadInput.ofLength(201));
        test(editor.form.city).setValue(BadInput.ofLength(101));
        test(editor.form.save).click();

        assertThat(editor.form.name.isInvalid()).isTrue();
        assertThat(editor.form.name.getErrorMessage()).isEqualTo("At most 200 characters");
        assertThat(editor.form.city.isInvalid()).isTrue();
        assertThat(editor.form.city.getErrorMessage()).isEqualTo("At most 100 characters");
        assertThat(accounts.count(AccountQuery.all(), manager())).isEqualTo(before);
    }

    @Test
    void over_long_notes_from_elsewhere_than_the_form_are_refused_by_the_service() {
        int before = accounts.count(AccountQuery.all(), manager());
        assertThatThrownBy(() -> accounts.create(new AccountData("Lang " + System.nanoTime(), null, null, null, null, null,
                null, "Gent", "BE", AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, null,
                BadInput.ofLength(10_001), null), manager()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("notes", "account.error.too-long"));
        assertThat(accounts.count(AccountQuery.all(), manager())).isEqualTo(before);
    }

    private void create(String name) {
        accounts.create(new AccountData(name, null, null, null, null, null, null, "Gent", "BE", AccountLevel.REGIONAL,
                LifecycleStage.LEAD, null, false, null, null, null), manager());
    }

    private UserRef manager() {
        return users.findByUsername("manager").orElseThrow().user();
    }
}

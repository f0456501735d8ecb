package com.example.crm.notes;

import com.vaadin.flow.component.html.Paragraph;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.test.PluginTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static com.example.crm.notes.jooq.Tables.NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plugin on a real MariaDB through the SDK's harness: its schema migrated, a context as the workbench gives. */
class NotesTest {

    private static final PluginTestHarness harness = PluginTestHarness.start("account-notes");

    private final Notes notes = new Notes(harness.context());
    private AccountRef bakker;
    private AccountRef jansen;

    @BeforeEach
    void fresh() {
        harness.reset();
        var sam = harness.signIn("sam", Role.SALES);
        bakker = harness.createAccount("Bakker BV", sam);
        jansen = harness.createAccount("Jansen Installatie", sam);
    }

    @Test
    void notes_are_listed_per_account_newest_first_and_searched_over_all_accounts() {
        harness.setClock(Instant.parse("2026-03-01T09:00:00Z"));
        notes.add(bakker.id(), "  Called about the offer  ");
        harness.setClock(Instant.parse("2026-03-02T09:00:00Z"));
        notes.add(bakker.id(), "Sent the price list");
        notes.add(jansen.id(), "Visit planned: offer follows");

        assertThat(notes.ofAccount(bakker.id(), 10)).extracting(Note::text).containsExactly("Sent the price list", "Called about the offer");
        assertThat(notes.ofAccount(bakker.id(), 10).getFirst().author()).isEqualTo("sam");
        assertThat(notes.count("offer")).isEqualTo(2);
        assertThat(notes.page("jansen", 0, 10)).extracting(Note::accountName).containsExactly("Jansen Installatie");
        assertThat(notes.page(null, 1, 1)).extracting(Note::text).containsExactly("Sent the price list");
        assertThat(notes.count("100%")).isZero();
    }

    @Test
    void a_bad_note_is_refused_with_its_reason_and_nothing_is_stored() {
        assertRefused(bakker.id(), "   ", "error.blank");
        assertRefused(bakker.id(), "x".repeat(Notes.MAX_LENGTH + 1), "error.too-long");
        assertRefused(999_999, "Hello", "error.no-account");
        harness.signIn("guest");
        assertRefused(bakker.id(), "Hello", "error.not-allowed");
        harness.signOut();
        assertRefused(bakker.id(), "Hello", "error.not-allowed");

        assertThat(harness.dsl().fetchCount(NOTE)).isZero();
    }

    @Test
    void a_sales_user_sees_and_writes_notes_only_on_the_accounts_it_manages_a_manager_on_all() {
        notes.add(bakker.id(), "Called");
        var eva = harness.signIn("eva", Role.SALES);
        AccountRef evasOwn = harness.createAccount("Eva's account", eva);
        notes.add(evasOwn.id(), "Eva's note");

        assertThat(notes.page(null, 0, 10)).extracting(Note::text).containsExactly("Eva's note");
        assertThat(notes.ofAccount(bakker.id(), 10)).isEmpty();
        assertRefused(bakker.id(), "Hello", "error.no-account");

        harness.signIn("maria", Role.MANAGER);
        assertThat(notes.count(null)).isEqualTo(2);
    }

    @Test
    void the_notes_of_a_deleted_account_go_with_it() {
        notes.add(bakker.id(), "Called");
        notes.add(jansen.id(), "Visited");

        harness.publish(new AccountEvent.AccountDeleted(bakker.id(), Instant.now()));

        assertThat(harness.dsl().selectFrom(NOTE).fetch(NOTE.ACCOUNT_ID)).containsExactly(jansen.id());
    }

    @Test
    void the_view_and_the_account_tab_are_contributed_with_their_labels_in_english_and_dutch() {
        assertThat(harness.extensions(ViewContribution.class)).singleElement()
                .satisfies(views -> assertThat(views.views()).singleElement().satisfies(view -> {
                    assertThat(view.path()).isEqualTo("notes");
                    assertThat(view.viewClass()).isEqualTo(NotesView.class);
                }));
        AccountTabContribution tab = harness.extensions(AccountTabContribution.class).getFirst();
        assertThat(harness.context().message(tab.labelKey())).isEqualTo("Notes");
        harness.setLocale(Locale.of("nl"));
        assertThat(harness.context().message(tab.labelKey())).isEqualTo("Notities");
    }

    @Test
    void the_tab_adds_a_note_and_keeps_a_refused_text_for_correction() {
        var content = (NotesTab.Content) new NotesTab().createTab(bakker, harness.context());
        assertThat(content.list.getChildren()).singleElement().isInstanceOf(Paragraph.class);

        content.text.setValue("Asked for references");
        content.add.click();

        assertThat(notes.ofAccount(bakker.id(), 10)).extracting(Note::text).containsExactly("Asked for references");
        assertThat(content.text.getValue()).isEmpty();
        assertThat(content.status.getText()).isEqualTo("Note added.");
        assertThat(content.list.getChildren().count()).isEqualTo(1);

        content.text.setValue(" ");
        content.add.click();
        assertThat(content.text.isInvalid()).isTrue();
        assertThat(content.text.getErrorMessage()).isEqualTo("Write something first.");
        assertThat(content.text.getValue()).as("kept for correction").isEqualTo(" ");
        assertThat(content.status.getText()).isEmpty();
    }

    private void assertRefused(long account, String text, String key) {
        assertThatThrownBy(() -> notes.add(account, text)).isInstanceOfSatisfying(NoteRejectedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}

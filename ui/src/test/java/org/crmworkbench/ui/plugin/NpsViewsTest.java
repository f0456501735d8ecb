package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountEditorView;
import org.crmworkbench.ui.account.AccountPluginTabs;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The nps-surveys plugin's campaign editor, results, follow-ups, account tab and public answer page,
 * loaded from the plugin jar, on the demo data.
 */
class NpsViewsTest extends UiTest {

    @Autowired
    CrmDatabase database;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_creates_a_campaign_whose_bad_input_is_refused_then_starts_it() {
        UI.getCurrent().navigate("nps-surveys/campaigns");
        int before = campaigns();
        test($(Button.class).withText("New campaign").single()).click();
        var name = $(TextField.class).withCaption("Name").single();
        assertThat($(TextArea.class).withCaption("Question (English)").single().getValue())
                .startsWith("How likely is it, on a scale of 0 to 10, that you would recommend");
        test($(Button.class).withText("Save").single()).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter a name.");
        assertThat(campaigns()).as("nothing saved").isEqualTo(before);

        name.setValue("Browserless survey");
        test($(Button.class).withText("Save").single()).click();
        assertThat(campaigns()).isEqualTo(before + 1);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Starting now would invite"));
        test($(Button.class).withText("Start").single()).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(database.dsl().fetchValue("SELECT status FROM crm_nps_surveys.campaign WHERE name = 'Browserless survey'"))
                .isEqualTo("RUNNING");
        assertThat($(Button.class).withText("Export links (CSV)").exists()).isTrue();
        assertThat($(Button.class).withText("Close campaign").exists()).isTrue();
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void the_results_show_the_score_the_database_gives_and_a_dash_for_a_campaign_without_answers() {
        database.dsl().execute("INSERT INTO crm_nps_surveys.campaign (name, question_en, question_nl, opens_on, closes_on)"
                + " VALUES ('Empty survey', 'q', 'v', CURRENT_DATE, CURRENT_DATE)");
        UI.getCurrent().navigate("nps-surveys/results");
        var counts = database.dsl().fetchSingle("SELECT SUM(score >= 9), SUM(score <= 6), COUNT(*) FROM crm_nps_surveys.answer");
        double expected = 100.0 * (counts.get(0, Long.class) - counts.get(1, Long.class)) / counts.get(2, Long.class);
        String shown = $(Span.class).id("nps-score").getText();
        assertThat(Double.parseDouble(shown)).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));

        @SuppressWarnings("unchecked")
        Select<Object> campaign = $(Select.class).withCaption("Campaign").single();
        test(campaign).selectItem("Empty survey");
        assertThat($(Span.class).id("nps-score").getText()).isEqualTo("—");
        assertThat($(Span.class).id("response-rate").getText()).isEqualTo("—");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_follow_up_is_closed_with_its_outcome_and_the_account_tab_lists_the_answers() {
        UI.getCurrent().navigate("nps-surveys/follow-ups");
        test($(com.vaadin.flow.component.checkbox.Checkbox.class).withCaption("Everyone's").single()).click();
        var grid = $(Grid.class).single();
        assertThat(test(grid).size()).isPositive();
        @SuppressWarnings("unchecked")
        var close = (Button) test((Grid<Object>) grid).getCellComponent(0, 7);
        assertThat(close.getText()).isEqualTo("Close...");
        test(close).click();
        var dialog = $(Dialog.class).single();
        test($(Button.class).from(dialog).withText("Close follow-up").single()).click();
        assertThat($(TextArea.class).from(dialog).single().isInvalid()).as("an outcome is required").isTrue();
        $(TextArea.class).from(dialog).single().setValue("Called, sent a discount");
        test($(Button.class).from(dialog).withText("Close follow-up").single()).click();
        assertThat(database.dsl().fetchValue("SELECT COUNT(*) FROM crm_nps_surveys.follow_up WHERE outcome = 'Called, sent a discount'"))
                .isEqualTo(1L);

        long account = database.dsl().fetchSingle("SELECT a.account_id FROM crm_nps_surveys.answer a JOIN crm_nps_surveys.follow_up f"
                + " ON f.answer_id = a.id WHERE f.outcome = 'Called, sent a discount'").get(0, Long.class);
        assertThat(database.dsl().fetchValue("SELECT i.follow_up FROM crm_core.interaction i JOIN crm_nps_surveys.follow_up f"
                + " ON f.interaction_id = i.id WHERE f.outcome = 'Called, sent a discount'")).isEqualTo("CLOSED");
        navigate(AccountEditorView.class, String.valueOf(account));
        var tabs = $(AccountPluginTabs.class).single();
        tabs.setSelectedIndex($(Tab.class).from(tabs).all().stream().map(Tab::getLabel).toList().indexOf("NPS"));
        roundTrip();
        assertThat($(Span.class).id("account-nps").getText()).matches("-?\\d+(\\.\\d)?|—");
        var answers = $(Grid.class).all().stream().filter(g -> g.getColumns().size() == 7).findFirst().orElseThrow();
        assertThat(test(answers).size()).isEqualTo(database.dsl().fetchCount(DSL.table(DSL.name("crm_nps_surveys", "answer")),
                DSL.field(DSL.name("account_id")).eq(account)));
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void sales_users_see_their_follow_ups_but_neither_campaigns_nor_results() {
        assertThatThrownBy(() -> UI.getCurrent().navigate("nps-surveys/campaigns"))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("nps-surveys/results"))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
        UI.getCurrent().navigate("nps-surveys/follow-ups");
        assertThat($(com.vaadin.flow.component.checkbox.Checkbox.class).withCaption("Everyone's").exists()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void the_public_page_takes_one_answer_per_link_and_a_made_up_link_changes_nothing() throws Exception {
        var dsl = database.dsl();
        long invitation = dsl.fetchSingle("SELECT MIN(i.id) FROM crm_nps_surveys.invitation i JOIN crm_nps_surveys.campaign c"
                + " ON c.id = i.campaign_id WHERE c.status = 'RUNNING' AND c.closes_on >= CURRENT_DATE AND NOT EXISTS"
                + " (SELECT 1 FROM crm_nps_surveys.answer a WHERE a.invitation_id = i.id)").get(0, Long.class);
        String token = token();
        dsl.execute("INSERT INTO crm_nps_surveys.invitation_token VALUES (?, ?, ?)", sha256(token), invitation, LocalDateTime.now());
        long answers = dsl.fetchCount(DSL.table(DSL.name("crm_nps_surveys", "answer")));

        UI.getCurrent().navigate("public/nps-surveys/answer/" + token());
        assertThat($(H1.class).single().getText()).isIn("Link not found", "Link niet gevonden");

        UI.getCurrent().navigate("public/nps-surveys/answer/" + token);
        var send = $(Button.class).all().stream().filter(b -> b.getText().equals("Send") || b.getText().equals("Versturen"))
                .findFirst().orElseThrow();
        assertThat(send.isEnabled()).as("a score first").isFalse();
        assertThat($(Button.class).withText("9").single().getElement().getAttribute("aria-pressed")).isEqualTo("false");
        test($(Button.class).withText("9").single()).click();
        assertThat($(Button.class).withText("9").single().getElement().getAttribute("aria-pressed")).isEqualTo("true");
        $(TextArea.class).single().setValue("Fine");
        test(send).click();
        assertThat($(H1.class).single().getText()).isIn("Thank you!", "Dank u wel!");
        assertThat(dsl.fetchCount(DSL.table(DSL.name("crm_nps_surveys", "answer")))).isEqualTo(answers + 1);
        assertThat(dsl.fetchSingle("SELECT score, comment FROM crm_nps_surveys.answer WHERE invitation_id = ?", invitation).intoList())
                .containsExactly(9, "Fine");

        // the same link again: the answer is shown and may change, still one answer
        UI.getCurrent().navigate("public/nps-surveys/answer/" + token);
        assertThat($(Button.class).withText("9").single().getElement().getAttribute("aria-pressed")).isEqualTo("true");
        test($(Button.class).withText("10").single()).click();
        test($(Button.class).all().stream().filter(b -> b.getText().equals("Change my answer") || b.getText().equals("Mijn antwoord wijzigen"))
                .findFirst().orElseThrow()).click();
        assertThat(dsl.fetchCount(DSL.table(DSL.name("crm_nps_surveys", "answer")))).isEqualTo(answers + 1);
        assertThat(dsl.fetchValue("SELECT score FROM crm_nps_surveys.answer WHERE invitation_id = ?", invitation)).isEqualTo(10);
    }

    private int campaigns() {
        return database.dsl().fetchCount(DSL.table(DSL.name("crm_nps_surveys", "campaign")));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    }
}

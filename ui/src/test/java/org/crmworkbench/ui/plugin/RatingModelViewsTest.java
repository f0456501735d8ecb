package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountEditorView;
import org.crmworkbench.ui.account.AccountPluginTabs;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customer-rating plugin's model editor, rating results and account tab, loaded from the plugin
 * jar, on the demo data.
 */
class RatingModelViewsTest extends UiTest {

    @Autowired
    CrmDatabase database;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_adds_a_computed_criterion_runs_the_model_and_reads_an_accounts_breakdown() throws InterruptedException {
        UI.getCurrent().navigate("customer-rating/models");
        var criteria = $(Grid.class).all().stream().filter(g -> g.getColumns().size() == 8).findFirst().orElseThrow();
        int before = test(criteria).size();
        assertThat(before).as("the demo model's criteria").isEqualTo(defaultModelCriteria());
        String version = status();
        assertThat(version).startsWith("Default model. Version ");

        test($(Button.class).withText("Add criterion").single()).click();
        var dialog = $(Dialog.class).single();
        $(TextField.class).from(dialog).withCaption("Name (English)").single().setValue("Margin");
        $(TextField.class).from(dialog).withCaption("Name (Dutch)").single().setValue("Marge");
        $(BigDecimalField.class).from(dialog).withCaption("Weight").single().setValue(new BigDecimal("2"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> kind = $(RadioButtonGroup.class).from(dialog).single();
        kind.setValue(kind.getListDataView().getItems().filter(k -> k.toString().equals("COMPUTED")).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Select<Object> rule = $(Select.class).from(dialog).withCaption("Computed from").single();
        test(rule).selectItem("Contribution margin in the period");
        var thresholds = $(TextField.class).from(dialog).withCaption("Thresholds (score: from value)").single();
        thresholds.setValue("8: 100; 4: 500");
        test($(Button.class).from(dialog).withText("Save").single()).click();

        assertThat(thresholds.isInvalid()).isTrue();
        assertThat(thresholds.getErrorMessage()).isEqualTo("A higher score needs a higher bound");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(defaultModelCriteria()).as("nothing saved").isEqualTo(before);

        thresholds.setValue("4: 100; 8: 500");
        test($(Button.class).from(dialog).withText("Save").single()).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(defaultModelCriteria()).isEqualTo(before + 1);
        assertThat(status()).as("a new version").isNotEqualTo(version);
        criteria = $(Grid.class).all().stream().filter(g -> g.getColumns().size() == 8).findFirst().orElseThrow();
        assertThat(test(criteria).size()).isEqualTo(before + 1);

        UI.getCurrent().navigate("customer-rating/results");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("This model has not run yet.");
        var run = $(Button.class).withText("Run rating").single();
        test(run).click();
        awaitBackground(() -> !run.isEnabled());
        int accounts = database.dsl().fetchCount(DSL.table(DSL.name("crm_core", "account")));
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Last run ")
                        .contains(String.format(java.util.Locale.ENGLISH, "%,d accounts", accounts)));
        var results = $(Grid.class).all().stream().filter(g -> g.getColumns().size() == 5).findFirst().orElseThrow();
        assertThat(test(results).size()).isEqualTo(accounts);
        @SuppressWarnings("unchecked")
        Select<Boolean> qualifies = $(Select.class).withCaption("Qualifies").single();
        qualifies.setValue(Boolean.TRUE);
        roundTrip();
        int qualifying = database.dsl().fetchCount(DSL.table(DSL.name("crm_customer_rating", "rating_result")),
                DSL.field(DSL.name("qualifies")).isTrue());
        assertThat(test(results).size()).isEqualTo(qualifying);

        // an account the demo account manager scored: its tab explains the value
        long scored = database.dsl().select(DSL.min(DSL.field(DSL.name("account_id"), Long.class)))
                .from(DSL.table(DSL.name("crm_customer_rating", "manual_score"))).fetchSingle().value1();
        navigate(AccountEditorView.class, String.valueOf(scored));
        var editorTabs = $(AccountPluginTabs.class).single();
        editorTabs.setSelectedIndex($(Tab.class).from(editorTabs).all().stream().map(Tab::getLabel).toList().indexOf("Rating"));
        roundTrip();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Value ").containsAnyOf(": qualifies (cut-off 50)",
                        ": does not qualify (cut-off 50)"));
        var breakdown = $(Grid.class).all().stream().filter(g -> g.hasClassName("rating-breakdown")).findFirst().orElseThrow();
        assertThat(test(breakdown).size()).isEqualTo(before + 1);
        var history = $(Grid.class).all().stream().filter(g -> g.hasClassName("rating-history")).findFirst().orElseThrow();
        assertThat(test(history).size()).isEqualTo(1);

        // the manager changes a manual score: a score off the scale is refused, a good one is kept with who gave it
        var market = $(IntegerField.class).withCaption("Market position").single();
        market.setValue(11);
        test($(Button.class).withText("Save scores").single()).click();
        assertThat(market.isInvalid()).isTrue();
        market.setValue(9);
        test($(Button.class).withText("Save scores").single()).click();
        assertThat(database.dsl().select(DSL.field(DSL.name("score"), Integer.class), DSL.field(DSL.name("scored_by"), String.class))
                .from(DSL.table(DSL.name("crm_customer_rating", "manual_score")))
                .join(DSL.table(DSL.name("crm_customer_rating", "criterion")))
                .on(DSL.field(DSL.name("criterion", "id")).eq(DSL.field(DSL.name("manual_score", "criterion_id"))))
                .where(DSL.field(DSL.name("account_id")).eq(scored).and(DSL.field(DSL.name("name")).eq("Market position")))
                .fetchSingle().intoList()).containsExactly(9, "manager");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_model_saved_elsewhere_in_the_meantime_is_detected_and_the_input_is_kept_for_a_second_save() {
        UI.getCurrent().navigate("customer-rating/models");
        var cutOff = $(BigDecimalField.class).withCaption("Cut-off (minimum value)").single();
        test(cutOff).setValue(new BigDecimal("55"));
        // another manager saves the model first
        database.dsl().execute("UPDATE crm_customer_rating.rating_model SET version = version + 1, updated_by = 'anna' "
                + "WHERE is_default");

        test($(Button.class).withText("Save model").single()).click();
        assertThat(test($(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .startsWith("anna changed this model in the meantime");
        assertThat(cutOff.getValue()).as("input kept").isEqualByComparingTo("55");
        assertThat(minimumTotal()).as("nothing saved over anna's version").isEqualByComparingTo("50");

        test($(Button.class).withText("Save model").single()).click();
        assertThat(minimumTotal()).isEqualByComparingTo("55");
        // back to the demo's cut-off, as a saved version like any other
        test($(BigDecimalField.class).withCaption("Cut-off (minimum value)").single()).setValue(new BigDecimal("50"));
        test($(Button.class).withText("Save model").single()).click();
        assertThat(minimumTotal()).isEqualByComparingTo("50");
    }

    private BigDecimal minimumTotal() {
        return database.dsl().select(DSL.field(DSL.name("minimum_total"), BigDecimal.class))
                .from(DSL.table(DSL.name("crm_customer_rating", "rating_model"))).where(DSL.field(DSL.name("is_default")).isTrue())
                .fetchSingle().value1();
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void following_an_account_brings_its_alerts_to_the_dashboard_until_they_are_marked_read() {
        long account = database.dsl().select(DSL.min(DSL.field(DSL.name("id"), Long.class)))
                .from(DSL.table(DSL.name("crm_core", "account"))).fetchSingle().value1();
        navigate(AccountEditorView.class, String.valueOf(account));
        var editorTabs = $(AccountPluginTabs.class).single();
        editorTabs.setSelectedIndex($(Tab.class).from(editorTabs).all().stream().map(Tab::getLabel).toList().indexOf("Rating"));
        roundTrip();
        var follow = $(com.vaadin.flow.component.checkbox.Checkbox.class)
                .withCaption("Alert me when this account crosses a cut-off or changes quadrant or pyramid layer").single();
        test(follow).click();
        long user = database.dsl().select(DSL.field(DSL.name("user_id"), Long.class))
                .from(DSL.table(DSL.name("crm_customer_rating", "alert_subscription")))
                .where(DSL.field(DSL.name("account_id")).eq(account)).fetchSingle().value1();
        // what the customer analysis writes when the followed account changes layer
        database.dsl().execute("INSERT INTO crm_customer_rating.rating_alert (user_id, account_id, kind, old_value, new_value) "
                + "VALUES (?, ?, 'LAYER', 'SMALL', 'MEDIUM')", user, account);

        navigate(DashboardView.class);
        assertThat($(com.vaadin.flow.component.html.Span.class).all()).extracting(span -> span.getText())
                .anySatisfy(text -> assertThat(text).startsWith(" moved in the pyramid from Small to Medium"));
        test($(Button.class).withText("Mark all read").single()).click();
        assertThat($(com.vaadin.flow.component.html.Span.class).all()).extracting(span -> span.getText())
                .contains("No new alerts on the accounts you follow.");
        database.dsl().execute("DELETE FROM crm_customer_rating.alert_subscription WHERE user_id = ?", user);
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void sales_users_read_the_models_but_neither_edit_them_nor_run_the_rating() {
        UI.getCurrent().navigate("customer-rating/models");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).anySatisfy(t -> assertThat(t).startsWith("Default model."));
        assertThat($(Button.class).withText("Add criterion").exists()).isFalse();
        assertThat($(Button.class).withText("Save model").exists()).isFalse();
        assertThatThrownBy(() -> UI.getCurrent().navigate("customer-rating/results"))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Rating models")
                .doesNotContain("Account rating");
    }

    private String status() {
        return $(Paragraph.class).all().stream().map(Paragraph::getText).filter(t -> t.contains("Version ")).findFirst()
                .orElseThrow();
    }

    /** Criteria of the default model. */
    private int defaultModelCriteria() {
        return database.dsl().fetchCount(DSL.table(DSL.name("crm_customer_rating", "criterion")), DSL.field(DSL.name("model_id"))
                .in(DSL.select(DSL.field(DSL.name("id"))).from(DSL.table(DSL.name("crm_customer_rating", "rating_model")))
                        .where(DSL.field(DSL.name("is_default")).isTrue())));
    }
}

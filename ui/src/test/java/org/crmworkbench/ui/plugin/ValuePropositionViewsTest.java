package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountEditorView;
import org.crmworkbench.ui.account.AccountPluginTabs;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value-proposition plugin's sellogram builder, canvas editor, account tab and catalogue,
 * loaded from the plugin jar, on the demo data.
 */
class ValuePropositionViewsTest extends UiTest {

    @Autowired
    CrmDatabase database;
    @Autowired
    PluginHost host;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_sellogram_is_built_row_by_row_and_published_only_once_it_passes_the_rule() {
        UI.getCurrent().navigate("value-proposition/sellograms");
        test($(Button.class).withText("New sellogram").single()).click();
        var dialog = $(Dialog.class).single();
        value($(RadioButtonGroup.class).from(dialog).single(), true);
        $(TextField.class).from(dialog).withCaption("Service").single().setValue("Browserless tool repair");
        var motives = $(MultiSelectComboBox.class).from(dialog).single();
        value(motives, Set.of(item(motives, "Comfort")));
        test($(Button.class).from(dialog).withText("Create draft").single()).click();
        assertThat($(H2.class).single().getText()).isEqualTo("Browserless tool repair");
        long id = database.dsl().fetchSingle("SELECT id FROM crm_value_proposition.sellogram WHERE service_name = 'Browserless tool repair'")
                .get(0, Long.class);

        test($(Button.class).withText("Add row").single()).click();
        var rowDialog = $(Dialog.class).last();
        test($(Button.class).from(rowDialog).withText("Save").single()).click();
        var feature = $(TextArea.class).from(rowDialog).withCaption("Feature").single();
        assertThat(feature.isInvalid()).isTrue();
        assertThat(feature.getErrorMessage()).isEqualTo("Fill in at least one of feature, advantage and benefit.");
        assertThat(rows(id)).as("nothing saved").isZero();
        feature.setValue("Repair within 48 hours");
        $(TextArea.class).from(rowDialog).withCaption("Advantage").single().setValue("tools back fast");
        test($(Button.class).from(rowDialog).withText("Save").single()).click();
        assertThat(rows(id)).isEqualTo(1);
        assertThat($(Div.class).id("publish-check").getElement().getTextRecursively())
                .contains("No row serves Comfort.", "Row 1: the customer benefit is empty.", "Row 1 has no buying motive.");

        test($(Button.class).withText("Publish").single()).click();
        assertThat(status(id)).as("refused").isEqualTo("DRAFT");

        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).single();
        var actions = (HorizontalLayout) test(grid).getCellComponent(0, 5);
        test(button(actions, "Edit row")).click();
        var edit = $(Dialog.class).last();
        $(TextArea.class).from(edit).withCaption("Customer benefit").single().setValue("your crew keeps working");
        var rowMotives = $(CheckboxGroup.class).from(edit).single();
        value(rowMotives, Set.of(item(rowMotives, "Comfort")));
        test($(Button.class).from(edit).withText("Save").single()).click();
        assertThat($(Div.class).id("publish-check").getElement().getTextRecursively()).startsWith("Ready to publish");

        test($(Button.class).withText("Publish").single()).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat($(Button.class).withText("Add row").exists()).as("published is read-only").isFalse();
        assertThat($(Button.class).withText("New revision").single().isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void the_canvas_shows_its_statement_and_fit_and_takes_new_pains_and_their_answers() {
        var dsl = database.dsl();
        long canvas = dsl.fetchSingle("SELECT id FROM crm_value_proposition.canvas WHERE name = 'Construction companies'").get(0, Long.class);
        UI.getCurrent().navigate("value-proposition/canvas", QueryParameters.of("id", String.valueOf(canvas)));
        assertThat($(Div.class).id("statement").getText()).isEqualTo("For Construction companies who finish projects on time and within budget, "
                + "our professional cordless tools with a maintenance contract puts a replacement tool on site within 24 hours, "
                + "unlike buying tools at the DIY store.");
        assertThat($(Div.class).id("fit-check").getElement().getTextRecursively()).contains("too many suppliers and invoices");

        var newPain = $(TextField.class).all().stream().filter(f -> "New pain".equals(f.getPlaceholder())).findFirst().orElseThrow();
        newPain.setValue("late deliveries");
        test($(Button.class).from((Component) newPain.getParent().orElseThrow()).withText("Add").single()).click();
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_value_proposition.canvas_item WHERE canvas_id = ? AND kind = 'PAIN'"
                + " AND text = 'late deliveries' AND severity = 3", canvas)).isEqualTo(1L);
        assertThat($(Div.class).id("fit-check").getElement().getTextRecursively()).contains("late deliveries");

        var line = $(HorizontalLayout.class).all().stream().filter(l -> l.hasClassName("canvas-item")
                && l.getElement().getTextRecursively().contains("too many suppliers and invoices")).findFirst().orElseThrow();
        test(button(line, "What answers it")).click();
        var dialog = $(Dialog.class).last();
        var relievers = $(CheckboxGroup.class).from(dialog).single();
        value(relievers, Set.of(item(relievers, "puts a replacement tool on site within 24 hours")));
        test($(Button.class).from(dialog).withText("Save").single()).click();
        assertThat(dsl.fetchValue("SELECT COUNT(*) FROM crm_value_proposition.canvas_fit f JOIN crm_value_proposition.canvas_item i"
                + " ON i.id = f.customer_item_id WHERE i.text = 'too many suppliers and invoices'")).isEqualTo(1L);
        assertThat($(Div.class).id("fit-check").getElement().getTextRecursively()).doesNotContain("too many suppliers and invoices");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void the_account_tab_builds_the_argumentation_offers_the_files_and_logs_it_as_sent() {
        var dsl = database.dsl();
        long account = dsl.fetchSingle("SELECT MIN(c.account_id) FROM crm_core.contact c JOIN crm_value_proposition.contact_motive m"
                + " ON m.contact_id = c.id WHERE c.active AND c.dmu_role IN ('DECIDER', 'USER')").get(0, Long.class);
        String name = dsl.fetchSingle("SELECT name FROM crm_core.account WHERE id = ?", account).get(0, String.class);
        long interactions = dsl.fetchCount(dsl.selectFrom("crm_core.interaction").where("account_id = ?", account));
        navigate(AccountEditorView.class, String.valueOf(account));
        var tabs = $(AccountPluginTabs.class).single();
        tabs.setSelectedIndex($(Tab.class).from(tabs).all().stream().map(Tab::getLabel).toList().indexOf("Value proposition"));
        roundTrip();

        var products = $(MultiSelectComboBox.class).withCaption("Products and services").single();
        value(products, Set.of(item(products, "Accuboormachine"), item(products, "Onderhoudscontract (jaar)")));
        test($(Button.class).withText("Build argumentation").single()).click();
        String preview = $(Div.class).id("argumentation-preview").getElement().getTextRecursively();
        assertThat(preview).startsWith("Sales argumentation for " + name).contains("Security").contains("For: ");
        assertThat($(Anchor.class).id("download-markdown").getText()).isEqualTo("Download Markdown");
        assertThat($(Anchor.class).id("print-page").getElement().getAttribute("target")).isEqualTo("_blank");

        test($(Button.class).withText("Log as sent").single()).click();
        assertThat(dsl.fetchCount(dsl.selectFrom("crm_core.interaction").where("account_id = ?", account))).isEqualTo(interactions + 1);
        assertThat(dsl.fetchSingle("SELECT kind, summary FROM crm_core.interaction WHERE account_id = ? ORDER BY id DESC LIMIT 1", account)
                .intoList()).satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo("EMAIL");
                    assertThat((String) row.get(1)).startsWith("Sales argumentation sent for Accuboormachine (GR-100), Onderhoudscontract (jaar) (DI-100).");
                });
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void the_disabled_plugin_leaves_neither_menu_entries_nor_an_account_tab() {
        long account = database.dsl().fetchSingle("SELECT MIN(id) FROM crm_core.account").get(0, Long.class);
        navigate(DashboardView.class);
        assertThat(menuLabels()).contains("Sellograms", "Value propositions", "Buying motives");
        host.disable("value-proposition");
        try {
            navigate(DashboardView.class);
            assertThat(menuLabels()).doesNotContain("Sellograms", "Value propositions", "Buying motives");
            navigate(AccountEditorView.class, String.valueOf(account));
            assertThat($(Tab.class).from($(AccountPluginTabs.class).single()).all()).extracting(Tab::getLabel)
                    .doesNotContain("Value proposition");
        } finally {
            host.enable("value-proposition");
        }
        navigate(AccountEditorView.class, String.valueOf(account));
        assertThat($(Tab.class).from($(AccountPluginTabs.class).single()).all()).extracting(Tab::getLabel).contains("Value proposition");
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void sales_users_edit_drafts_but_neither_publish_nor_change_the_motives() {
        long published = database.dsl().fetchSingle("SELECT MIN(id) FROM crm_value_proposition.sellogram WHERE status = 'PUBLISHED'")
                .get(0, Long.class);
        long draft = database.dsl().fetchSingle("SELECT MIN(id) FROM crm_value_proposition.sellogram WHERE status = 'DRAFT'")
                .get(0, Long.class);
        UI.getCurrent().navigate("value-proposition/sellogram", QueryParameters.of("id", String.valueOf(draft)));
        assertThat($(Button.class).withText("Add row").single().isVisible()).isTrue();
        assertThat($(Button.class).withText("Publish").exists()).isFalse();
        UI.getCurrent().navigate("value-proposition/sellogram", QueryParameters.of("id", String.valueOf(published)));
        assertThat($(Button.class).withText("New revision").single().isVisible()).isTrue();
        UI.getCurrent().navigate("value-proposition/motives");
        assertThat($(Button.class).withText("Add motive").exists()).isFalse();
        UI.getCurrent().navigate("value-proposition/sellogram", QueryParameters.of("id", "999999"));
        assertThat($(H2.class).single().getText()).isEqualTo("Sellogram not found");
    }

    private int rows(long sellogram) {
        return database.dsl().fetchSingle("SELECT COUNT(*) FROM crm_value_proposition.sellogram_row WHERE sellogram_id = ?", sellogram)
                .get(0, Integer.class);
    }

    private String status(long sellogram) {
        return database.dsl().fetchSingle("SELECT status FROM crm_value_proposition.sellogram WHERE id = ?", sellogram).get(0, String.class);
    }

    private List<String> menuLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private static Button button(Component parent, String ariaLabel) {
        return parent.getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> ariaLabel.equals(b.getElement().getAttribute("aria-label"))).findFirst().orElseThrow();
    }

    /** The item of a selection field whose label is {@code label}; the items are plugin classes the test cannot name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object item(Component field, String label) {
        Collection<Object> items;
        com.vaadin.flow.component.ItemLabelGenerator<Object> labels;
        if (field instanceof MultiSelectComboBox combo) {
            items = (Collection<Object>) combo.getListDataView().getItems().toList();
            labels = combo.getItemLabelGenerator();
        } else {
            var group = (CheckboxGroup) field;
            items = (Collection<Object>) group.getListDataView().getItems().toList();
            labels = group.getItemLabelGenerator();
        }
        return items.stream().filter(i -> label.equals(labels.apply(i))).findFirst().orElseThrow(() -> new AssertionError("no " + label));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void value(HasValue field, Object value) {
        field.setValue(value);
    }
}

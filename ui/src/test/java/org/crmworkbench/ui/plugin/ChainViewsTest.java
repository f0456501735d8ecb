package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.QueryParameters;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wholesale-chain plugin's map editor, roles dialog, scorecard and menu, loaded from its jar, on the demo data. */
class ChainViewsTest extends UiTest {

    @Autowired
    CrmDatabase database;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_link_is_added_only_with_both_parties_and_then_gets_its_roles() {
        var dsl = database.dsl();
        String group = dsl.fetchSingle("SELECT MIN(product_group) FROM crm_wholesale_chain.chain_link").get(0, String.class);
        int before = count(group);
        UI.getCurrent().navigate("wholesale-chain/map", QueryParameters.of("group", group));
        assertThat(test($(Grid.class).single()).size()).isEqualTo(before);
        assertThat($(Div.class).id("chain-diagram").getElement().getChildren().findFirst().orElseThrow().getOuterHTML())
                .contains("class=\"node\"", "class=\"edge\"");

        test($(Button.class).withText("Add link").single()).click();
        var dialog = $(Dialog.class).last();
        test($(Button.class).from(dialog).withText("Save").single()).click();
        @SuppressWarnings("unchecked")
        var pickers = $(ComboBox.class).from(dialog).all().stream().filter(c -> "From".equals(c.getLabel()) || "To".equals(c.getLabel())).toList();
        // a new link runs from an account to our company until chosen otherwise
        assertThat(pickers.get(0).getErrorMessage()).isEqualTo("Choose an account, or tick our company.");
        assertThat($(Checkbox.class).from(dialog).withCaption("Our company").all()).extracting(Checkbox::getValue).containsExactly(false, true);
        assertThat(count(group)).as("nothing saved").isEqualTo(before);

        @SuppressWarnings("unchecked")
        ComboBox<Object> from = (ComboBox<Object>) pickers.get(0);
        var tester = test(from);
        tester.setFilter("");
        tester.selectItem(tester.getSuggestions().getFirst());
        $(BigDecimalField.class).from(dialog).withCaption("Revenue per year").single().setValue(new BigDecimal("12345"));
        test($(Button.class).from(dialog).withText("Save").single()).click();
        assertThat(count(group)).isEqualTo(before + 1);
        long link = dsl.fetchSingle("SELECT MAX(id) FROM crm_wholesale_chain.chain_link").get(0, Long.class);
        assertThat(dsl.fetchSingle("SELECT to_account_id IS NULL, revenue FROM crm_wholesale_chain.chain_link WHERE id = ?", link)
                .intoList()).extracting(Object::toString).containsExactly("1", "12345.00");

        // the new link's row: the only one with this revenue
        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).single();
        int row = -1;
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getCellText(i, 5).replace('\u00a0', ' ').equals("€ 12.345")) {
                row = i;
            }
        }
        assertThat(row).as("the new link is listed").isNotNegative();
        var actions = (Component) test(grid).getCellComponent(row, 7);
        test(actions.getChildren().map(Button.class::cast).filter(b -> "Our roles in this link".equals(b.getElement().getAttribute("aria-label")))
                .findFirst().orElseThrow()).click();
        var roles = $(Dialog.class).last();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> steering = $(RadioButtonGroup.class).from(roles).first();
        steering.setValue(4);
        test($(Button.class).from(roles).withText("Save").single()).click();
        assertThat(dsl.fetchSingle("SELECT strength FROM crm_wholesale_chain.link_role WHERE link_id = ? AND role = 'STEERING'", link)
                .get(0, Integer.class)).isEqualTo(4);
        assertThat(dsl.fetchCount(dsl.selectFrom("crm_wholesale_chain.role_change").where("link_id = ?", link))).isEqualTo(3);
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void the_scorecard_of_a_product_group_shows_the_averages_and_the_action_for_each_gap() {
        var dsl = database.dsl();
        String group = dsl.fetchSingle("SELECT MAX(product_group) FROM crm_wholesale_chain.chain_link").get(0, String.class);
        UI.getCurrent().navigate("wholesale-chain/scorecard");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> scope = $(RadioButtonGroup.class).single();
        scope.setValue(scope.getListDataView().getItems().toList().get(1));
        @SuppressWarnings("unchecked")
        Select<String> groups = $(Select.class).withCaption("Product group").single();
        groups.setValue(group);

        // our running links in the group, a role not recorded counting 0: the same average the panel shows
        var steering = dsl.fetchSingle("""
                SELECT ROUND(COALESCE(SUM(r.strength), 0) / COUNT(DISTINCT l.id), 1)
                FROM crm_wholesale_chain.chain_link l
                LEFT JOIN crm_wholesale_chain.link_role r ON r.link_id = l.id AND r.role = 'STEERING'
                WHERE l.product_group = ? AND (l.from_account_id IS NULL OR l.to_account_id IS NULL)
                  AND (l.start_date IS NULL OR l.start_date <= CURRENT_DATE) AND (l.end_date IS NULL OR l.end_date >= CURRENT_DATE)""", group)
                .get(0, BigDecimal.class);
        // the demo's second chain: steering 0, 0 and 2 on its three running links of ours
        assertThat(steering).isEqualByComparingTo("0.7");
        String averages = $(Div.class).id("scorecard-averages").getElement().getTextRecursively();
        assertThat(averages).contains("Steering role0.7 of 5");
        assertThat($(Div.class).id("scorecard-gaps").getElement().getTextRecursively())
                .contains("Steering role: 0.7, below the target of 3. Offer category management or assortment advice");
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void sales_users_map_chains_but_do_not_see_the_service_catalogue() {
        navigate(DashboardView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Chain maps", "Chain risks", "Role scorecard")
                .doesNotContain("Value added services");
        UI.getCurrent().navigate("wholesale-chain/map");
        assertThat($(Button.class).withText("Add link").single().isVisible()).isTrue();
        assertThatThrownBy(() -> UI.getCurrent().navigate("wholesale-chain/services")).as("the catalogue needs wholesale-chain.manage")
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }

    private int count(String group) {
        var dsl = database.dsl();
        return dsl.fetchCount(dsl.selectFrom("crm_wholesale_chain.chain_link").where("product_group = ?", group));
    }
}

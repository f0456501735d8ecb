package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.TabSheet;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountEditorView;
import org.crmworkbench.ui.account.AccountPluginTabs;
import org.crmworkbench.ui.dashboard.DashboardView;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customer-rating plugin's analysis view, loaded from the plugin jar, on the demo data. */
class CustomerAnalysisViewTest extends UiTest {

    @Autowired
    CrmDatabase database;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_runs_the_analysis_and_sees_the_pyramid_the_abc_curve_and_the_scores() throws InterruptedException {
        UI.getCurrent().navigate("customer-rating/analysis");
        var run = $(Button.class).withText("Run analysis").single();
        var buying = $(com.vaadin.flow.component.textfield.BigDecimalField.class).withCaption("Buying strong from").single();
        buying.setValue(new java.math.BigDecimal("6"));
        test(run).click();
        assertThat(run.isEnabled()).as("a threshold off the 1-5 scale starts nothing").isTrue();
        buying.clear();
        test(run).click();
        awaitBackground(() -> !run.isEnabled());

        int customers = database.dsl().fetchCount(DSL.table(DSL.name("crm_customer_rating", "customer_score")));
        assertThat(customers).as("demo customers with orders in the last year").isPositive();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Period ").contains(customers + " customers"));
        var tabs = $(TabSheet.class).single();
        assertThat($(Html.class).all()).extracting(html -> html.getElement().getOuterHTML())
                .anySatisfy(svg -> assertThat(svg).contains("<svg").contains("Top: ").contains("Suspects: "));

        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Since the analysis before: "));
        tabs.setSelectedIndex(1);
        roundTrip();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).contains("of the customers").contains("80 % of the revenue"));

        tabs.setSelectedIndex(2);
        roundTrip();
        var partners = $(Button.class).all().stream().filter(b -> b.getText().endsWith(" customers")).findFirst().orElseThrow();
        int inCell = Integer.parseInt(partners.getText().split(" ")[0]);
        test(partners).click(); // opens the customers of that cell
        roundTrip();
        var inQuadrant = $(Grid.class).all().stream().filter(g -> g.getColumns().size() > 10).findFirst().orElseThrow();
        assertThat(test(inQuadrant).size()).isEqualTo(inCell);
        $(Select.class).withCaption("Matrix cell").single().clear();
        roundTrip();
        var scores = $(Grid.class).all().stream().filter(g -> g.getColumns().size() > 10).findFirst().orElseThrow();
        assertThat(test(scores).size()).isEqualTo(customers);
        assertThat(test(scores).getCellText(0, 0)).isEqualTo("1");
        assertThat(test(scores).getCellText(0, 14)).as("CLV").startsWith("€");

        navigate(DashboardView.class);
        assertThat($(com.vaadin.flow.component.html.Span.class).all()).extracting(span -> span.getText())
                .anySatisfy(text -> assertThat(text).startsWith("Matrix: ").endsWith(" dogs"))
                .anySatisfy(text -> assertThat(text).startsWith("Largest customer: "))
                .anySatisfy(text -> assertThat(text).startsWith("Largest CLV: ").contains("€"));

        // the top customer's account tab explains its scores and takes the manager's judgement
        long top = database.dsl().select(DSL.field(DSL.name("account_id"), Long.class))
                .from(DSL.table(DSL.name("crm_customer_rating", "customer_score")))
                .where(DSL.field(DSL.name("revenue_rank")).eq(1)).fetchSingle().value1();
        navigate(AccountEditorView.class, String.valueOf(top));
        var editorTabs = $(AccountPluginTabs.class).single();
        editorTabs.setSelectedIndex($(Tab.class).from(editorTabs).all().stream().map(Tab::getLabel).toList()
                .indexOf("Customer analysis"));
        roundTrip();
        assertThat($(Div.class).all()).extracting(Div::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Pyramid layer Top, ABC class A, revenue rank 1"));
        @SuppressWarnings("unchecked")
        Select<Integer> judgement = $(Select.class).withCaption("Your judgement of the relationship").single();
        test(judgement).selectItem("4 - strong");
        assertThat(database.dsl().select(DSL.field(DSL.name("score"), Integer.class))
                .from(DSL.table(DSL.name("crm_customer_rating", "relationship_judgement")))
                .where(DSL.field(DSL.name("account_id")).eq(top)).fetchSingle().value1()).isEqualTo(4);
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void sales_users_do_not_get_the_analysis() {
        assertThatThrownBy(() -> UI.getCurrent().navigate("customer-rating/analysis"))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
        assertThat($(Button.class).withText("Run analysis").exists()).isFalse();
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).doesNotContain("Customer analysis");
    }
}

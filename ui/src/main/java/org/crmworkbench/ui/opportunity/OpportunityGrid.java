package org.crmworkbench.ui.opportunity;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import org.crmworkbench.core.opportunity.Opportunity;
import org.crmworkbench.core.opportunity.OpportunityQuery;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** Opportunities in a grid with SQL sorting on the sortable columns; the caller supplies the data. */
class OpportunityGrid extends Grid<Opportunity> {

    OpportunityGrid(boolean showAccount) {
        var locale = UI.getCurrent().getLocale();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(o -> o.data().name()).setKey("name").setHeader(getTranslation("opportunity.name")).setSortable(true)
                .setFlexGrow(2);
        if (showAccount) {
            addColumn(Opportunity::accountName).setKey("account").setHeader(getTranslation("opportunity.account"))
                    .setSortable(true).setFlexGrow(2);
        }
        addColumn(o -> getTranslation(o.data().stage().labelKey())).setKey("stage").setHeader(getTranslation("opportunity.stage"))
                .setSortable(true).setWidth("9em").setFlexGrow(0);
        addColumn(o -> getTranslation(o.data().status().labelKey())).setKey("status").setHeader(getTranslation("opportunity.status"))
                .setWidth("6em").setFlexGrow(0);
        addColumn(o -> Money.whole(o.data().amount(), locale)).setKey("amount").setHeader(getTranslation("opportunity.amount"))
                .setSortable(true).setTextAlign(ColumnTextAlign.END).setWidth("8em").setFlexGrow(0);
        addColumn(o -> o.data().probability() + " %").setKey("probability").setHeader(getTranslation("opportunity.probability"))
                .setSortable(true).setTextAlign(ColumnTextAlign.END).setWidth("7em").setFlexGrow(0);
        addColumn(o -> Money.whole(o.weightedAmount(), locale)).setHeader(getTranslation("opportunity.weighted"))
                .setTextAlign(ColumnTextAlign.END).setWidth("8em").setFlexGrow(0);
        addColumn(o -> o.data().expectedClose() == null ? "—" : dates.format(o.data().expectedClose())).setKey("expectedClose")
                .setHeader(getTranslation("opportunity.expected-close")).setSortable(true).setWidth("9em").setFlexGrow(0);
        addColumn(Opportunity::ownerName).setKey("owner").setHeader(getTranslation("opportunity.owner")).setSortable(true)
                .setFlexGrow(1);
    }

    static List<OpportunityQuery.Sort> sorts(List<QuerySortOrder> orders) {
        return orders.stream().map(o -> new OpportunityQuery.Sort(o.getSorted(), o.getDirection() == SortDirection.ASCENDING)).toList();
    }
}

package org.crmworkbench.ui.opportunity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.opportunity.OpportunityQuery;
import org.crmworkbench.core.opportunity.OpportunityService;

import java.util.List;

/** The account editor's opportunities tab: the account's opportunities, paged and sorted in SQL; add and edit in a dialog. */
public class AccountOpportunities extends VerticalLayout {

    final OpportunityGrid grid = new OpportunityGrid(false);
    final Button add = new Button();
    final Paragraph empty = new Paragraph();

    public AccountOpportunities(OpportunityService opportunities, long accountId, UserRef user, List<UserRef> users) {
        setSizeFull();
        add.setText(getTranslation("opportunities.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(click -> new OpportunityDialog(opportunities, accountId, null, user, users,
                grid.getDataProvider()::refreshAll).open());
        grid.setItems(query -> opportunities.page(query(accountId, query.getSortOrders()), user, query.getOffset(),
                        query.getLimit()).stream(),
                query -> {
                    int count = opportunities.count(OpportunityQuery.ofAccount(accountId), user);
                    empty.setVisible(count == 0);
                    return count;
                });
        grid.addItemClickListener(click -> new OpportunityDialog(opportunities, accountId, click.getItem(), user, users,
                grid.getDataProvider()::refreshAll).open());
        empty.setText(getTranslation("opportunities.empty-account"));
        add(add, empty, grid);
    }

    private static OpportunityQuery query(long accountId, List<QuerySortOrder> orders) {
        return new OpportunityQuery(accountId, "", null, null, null, OpportunityGrid.sorts(orders));
    }
}

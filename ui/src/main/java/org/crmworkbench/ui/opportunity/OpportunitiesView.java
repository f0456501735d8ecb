package org.crmworkbench.ui.opportunity;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.opportunity.FunnelStage;
import org.crmworkbench.core.opportunity.OpportunityQuery;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.opportunity.OpportunityStatus;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.editing.CsvDownload;
import org.crmworkbench.ui.editing.MaxLength;

import java.util.Arrays;
import java.util.List;

/**
 * All opportunities the user may see at {@code /opportunities}: the funnel (value and weighted value
 * per stage) above a grid paged, sorted and filtered in SQL (search, stage, status, "only mine").
 */
@Route("opportunities")
@PermitAll
public class OpportunitiesView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Select<FunnelStage> stage = new Select<>();
    final Select<OpportunityStatus> status = new Select<>();
    final Checkbox onlyMine = new Checkbox();
    final OpportunityGrid grid = new OpportunityGrid(true);
    final Div funnel = new Div();
    final Span total = new Span();
    final Paragraph empty = new Paragraph();
    private final OpportunityService opportunities;
    private final UserRef user;

    public OpportunitiesView(OpportunityService opportunities, UserAccounts users, CurrentUser currentUser,
                             SecurityLog securityLog) {
        this.opportunities = opportunities;
        this.user = currentUser.user().orElseThrow();
        setSizeFull();
        List<UserRef> activeUsers = users.activeUsers();
        search.setPlaceholder(getTranslation("opportunities.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        MaxLength.of(search, 100);
        stage.setLabel(getTranslation("opportunity.stage"));
        stage.setItems(FunnelStage.values());
        stage.setEmptySelectionAllowed(true);
        stage.setEmptySelectionCaption(getTranslation("accounts.all"));
        stage.setItemLabelGenerator(s -> s == null ? getTranslation("accounts.all") : getTranslation(s.labelKey()));
        status.setLabel(getTranslation("opportunity.status"));
        status.setItems(OpportunityStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("accounts.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("accounts.all") : getTranslation(s.labelKey()));
        status.setValue(OpportunityStatus.OPEN);
        onlyMine.setLabel(getTranslation("opportunities.only-mine"));
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        stage.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        onlyMine.addValueChangeListener(change -> refresh());

        grid.setItems(query -> opportunities.page(query(OpportunityGrid.sorts(query.getSortOrders())), user,
                        query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = opportunities.count(query(List.of()), user);
                    total.setText(getTranslation("opportunities.total", count));
                    empty.setVisible(count == 0);
                    return count;
                });
        grid.addItemClickListener(click -> new OpportunityDialog(opportunities, click.getItem().accountId(), click.getItem(),
                user, activeUsers, this::refresh).open());
        empty.setText(getTranslation("opportunities.empty"));
        funnel.setMaxWidth("48em");
        funnel.setWidthFull();
        funnel.addClassNames(LumoUtility.Padding.SMALL);

        var filters = new HorizontalLayout(search, stage, status, onlyMine);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        filters.expand(search);
        var export = CsvDownload.link(getTranslation("action.export-csv"), "opportunities.csv", () -> query(List.of()),
                (query, csv, locale) -> {
                    csv.row(List.of(getTranslation(locale, "opportunity.name"), getTranslation(locale, "opportunity.account"),
                            getTranslation(locale, "opportunity.stage"), getTranslation(locale, "opportunity.status"),
                            getTranslation(locale, "opportunity.amount"), getTranslation(locale, "opportunity.probability"),
                            getTranslation(locale, "opportunity.weighted"), getTranslation(locale, "opportunity.expected-close"),
                            getTranslation(locale, "opportunity.owner")));
                    CsvDownloads.paged(1_000, (offset, limit) -> opportunities.page(query, user, offset, limit), o ->
                            csv.row(Arrays.asList(o.data().name(), o.accountName(),
                                    getTranslation(locale, o.data().stage().labelKey()), getTranslation(locale, o.data().status().labelKey()),
                                    o.data().amount().toPlainString(), o.data().probability(), o.weightedAmount().toPlainString(),
                                    o.data().expectedClose(), o.ownerName())));
                }, securityLog, user);
        var heading = new HorizontalLayout(new H2(getTranslation("nav.opportunities")), total, export);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading, funnel, filters, empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.opportunities") + " | " + getTranslation("app.name");
    }

    private void refresh() {
        funnel.removeAll();
        funnel.add(new FunnelChart(opportunities.funnel(user, onlyMine.getValue() ? user.id() : null), getLocale()));
        grid.getDataProvider().refreshAll();
    }

    private OpportunityQuery query(List<OpportunityQuery.Sort> sorts) {
        return new OpportunityQuery(null, search.getValue(), stage.getValue(), status.getValue(),
                onlyMine.getValue() ? user.id() : null, sorts);
    }
}

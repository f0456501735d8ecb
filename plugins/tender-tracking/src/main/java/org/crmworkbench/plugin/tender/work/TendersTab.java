package org.crmworkbench.plugin.tender.work;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.plugin.tender.Amounts;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.crmworkbench.plugin.tender.TenderViews;
import org.crmworkbench.plugin.tender.analysis.Analysis;
import org.crmworkbench.plugin.tender.decision.BidDecisions;
import org.crmworkbench.plugin.tender.register.Tender;
import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.crmworkbench.plugin.tender.register.Tenders;


/** The account tab "Tenders": what the account as contracting authority has out, our record with it and what falls due. */
final class TendersTab extends VerticalLayout {

    final Paragraph summary = new Paragraph();
    final Grid<Tender> grid = new Grid<>();

    TendersTab(AccountRef account, PluginContext context) {
        setPadding(false);
        var locale = context.locale();
        var tenders = new Tenders(context.dsl(), context.clock(), null, context::requirePermission);
        var search = Tenders.Search.of(account.id());
        var totals = tenders.totals(search);
        int open = TenderStatus.OPEN.stream().mapToInt(s -> totals.get(s).count()).sum();
        Amounts pipeline = TenderStatus.OPEN.stream().map(s -> totals.get(s).value()).reduce(Amounts.NONE, Amounts::plus);
        int won = totals.get(TenderStatus.WON).count();
        int lost = totals.get(TenderStatus.LOST).count();
        var rate = Analysis.rate(won, lost);
        summary.setId("tenders-summary");
        summary.setText(context.message("tab.summary", open, pipeline.format(locale), won, lost,
                rate == null ? "—" : Formats.oneDecimal(rate, locale) + " %"));
        int days = new BidDecisions(context.dsl(), context.clock()).thresholds().warningDays();
        var warnings = new Deadlines(context.dsl(), context.clock()).warnings(days, account.id());

        grid.addColumn(Tender::title).setHeader(context.message("tender.title")).setFlexGrow(3);
        grid.addComponentColumn(t -> Formats.badge(context, t.status())).setHeader(context.message("tender.status")).setAutoWidth(true);
        grid.addColumn(t -> Formats.date(t.input().dates().submissionDeadline(), locale)).setHeader(context.message("tender.date.submissionDeadline"))
                .setAutoWidth(true);
        grid.addColumn(t -> Formats.money(t.input().estimatedValue(), t.input().currency(), locale)).setHeader(context.message("tender.value"))
                .setAutoWidth(true);
        grid.setItems(query -> tenders.search(search, Tenders.Sort.DEADLINE, true, query.getOffset(), query.getLimit()).stream(),
                query -> tenders.count(search));
        grid.addItemClickListener(click -> UI.getCurrent().navigate(TenderViews.TENDER,
                QueryParameters.of("id", String.valueOf(click.getItem().id()))));
        grid.setHeight("20rem");
        grid.setEmptyStateText(context.message("tab.none"));
        var create = new Button(context.message("tab.new"), VaadinIcon.PLUS.create(), click -> UI.getCurrent().navigate(TenderViews.TENDER,
                QueryParameters.of("authority", String.valueOf(account.id()))));
        create.setVisible(context.hasPermission(TenderPermissions.EDIT));
        add(summary);
        if (!warnings.isEmpty()) {
            add(new H4(context.message("tab.warnings", days)), new WarningList(context, warnings, false));
        }
        add(create, grid);
    }
}

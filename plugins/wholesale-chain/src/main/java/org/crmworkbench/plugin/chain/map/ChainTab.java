package org.crmworkbench.plugin.chain.map;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.ChainSettings;
import org.crmworkbench.plugin.chain.ChainViews;
import org.crmworkbench.plugin.chain.Feedback;
import org.crmworkbench.plugin.chain.Formats;
import org.crmworkbench.plugin.chain.risk.Risks;
import org.crmworkbench.plugin.chain.scorecard.ScorecardPanel;
import org.crmworkbench.plugin.chain.scorecard.Scorecards;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The account tab "Chain": whether the account is a supplier, its links in every chain with our roles,
 * the risks about it and, for a customer of ours, its role scorecard.
 */
final class ChainTab extends VerticalLayout {

    final Checkbox supplier = new Checkbox();
    final Grid<Link> links = new Grid<>();
    final Div risks = new Div();

    ChainTab(AccountRef account, PluginContext context) {
        setPadding(false);
        var chains = new Chains(context.dsl(), context.clock(), context::requirePermission);
        var settings = new ChainSettings(context.dsl()).get();
        var locale = context.locale();
        supplier.setLabel(context.message("tab.supplier"));
        supplier.setValue(chains.isSupplier(account.id()));
        supplier.setReadOnly(!context.hasPermission(ChainPermissions.EDIT));
        supplier.addValueChangeListener(change -> {
            chains.markSupplier(account.id(), change.getValue(), Feedback.by(context));
            Feedback.success(context.message(change.getValue() ? "tab.marked" : "tab.unmarked", account.name()));
        });
        links.addComponentColumn(l -> new Anchor(ChainViews.MAP + "?group=" + URLEncoder.encode(l.productGroup(), StandardCharsets.UTF_8),
                l.productGroup())).setHeader(context.message("link.group")).setAutoWidth(true);
        // named from this account's side: "supplies Our company" or "is supplied by Our company"
        links.addColumn(l -> relation(context, account.id(), l)).setHeader(context.message("tab.relation")).setFlexGrow(3);
        links.addColumn(l -> Formats.number(l.volume(), locale)).setHeader(context.message("link.volume")).setAutoWidth(true);
        links.addColumn(l -> Formats.euros(l.revenue(), locale)).setHeader(context.message("link.revenue")).setAutoWidth(true);
        links.addComponentColumn(l -> RoleBadges.of(context, l)).setHeader(context.message("link.roles")).setAutoWidth(true);
        links.setItems(query -> chains.linksOf(account.id(), query.getOffset(), query.getLimit()).stream(),
                query -> chains.countOf(account.id()));
        links.setHeight("16rem");
        links.setEmptyStateText(context.message("tab.no-links"));
        risks.setId("chain-tab-risks");
        var flags = new Risks(context.dsl(), context.clock()).flags(null, account.id(), settings.roleThreshold());
        if (flags.isEmpty()) {
            risks.add(new Paragraph(context.message("tab.no-risks")));
        }
        flags.forEach(f -> risks.add(new Paragraph(context.message("tab.risk", context.message(f.type().labelKey()), f.productGroup(),
                f.supplierId() == null ? context.message("party.us") : f.supplierName(),
                f.customerId() == null ? context.message("party.us") : f.customerName(), context.message(f.type().labelKey() + ".what")))));
        add(supplier, new H4(context.message("tab.links")), links, new H4(context.message("tab.risks")), risks);
        if (chains.isCustomer(account.id())) {
            add(new H4(context.message("tab.scorecard")),
                    new ScorecardPanel(context, new Scorecards(context.dsl(), context.clock()).forCustomer(account.id(), settings.targetStrength()),
                            settings.targetStrength()));
        }
    }

    static String relation(PluginContext context, long accountId, Link link) {
        boolean first = Long.valueOf(accountId).equals(link.from().accountId());
        Party other = first ? link.to() : link.from();
        return context.message(first ? link.kind().forwardKey() : link.kind().backwardKey()) + " "
                + (other.us() ? context.message("party.us") : other.name() == null ? context.message("party.unknown") : other.name());
    }
}

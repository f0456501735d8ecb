package org.crmworkbench.plugin.nps.results;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.crmworkbench.plugin.nps.NpsPermissions;
import org.pf4j.Extension;

import java.time.LocalDate;

/** Dashboard card: the NPS over the last twelve months and its monthly trend as a sparkline. */
@Extension
public class NpsWidget implements DashboardWidgetContribution {

    static final int MONTHS = 12;

    @Override
    public String titleKey() {
        return "widget.title";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public Component createWidget(PluginContext context) {
        var results = new NpsResults(context.dsl());
        LocalDate today = LocalDate.now(context.clock());
        var filter = new ResultFilter(null, today.minusMonths(MONTHS).plusDays(1), today);
        var nps = results.overall(filter);
        var score = new Span(nps.format(context.locale()));
        score.setId("nps-widget-score");
        score.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600").set("margin-right", "1rem");
        var trend = results.trend(ResultFilter.ALL, today, MONTHS).stream().map(row -> row.nps().score()).toList();
        var card = new Div(score, Charts.image(Charts.sparkline(trend, 180, 40), context.message("widget.sparkline")),
                new Div(new Span(context.message("widget.counts", nps.responses(), nps.promoters(), nps.passives(),
                        nps.detractors()))));
        if (context.hasPermission(NpsPermissions.RESULTS)) {
            card.add(new Div(new Anchor("nps-surveys/results", context.message("widget.open-results"))));
        }
        return card;
    }
}

package org.crmworkbench.plugin.rating.analysis;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.pf4j.Extension;

import java.util.Locale;

/** Dashboard card for managers: the relations matrix, the pyramid and the top customer of the last analysis. */
@Extension
public class AnalysisWidget implements DashboardWidgetContribution {

    /** Where the card links to, relative to the plugin's namespace. */
    static final String VIEW = "analysis"; // RatingViews.ANALYSIS

    @Override
    public String titleKey() {
        return "widget.analysis.title";
    }

    @Override
    public String requiredPermission() {
        return org.crmworkbench.plugin.rating.RatingPermissions.ANALYSE;
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public Component createWidget(PluginContext context) {
        var analysis = new CustomerAnalysis(context.dsl(), context.clock());
        var card = new Div();
        var run = analysis.lastRun();
        if (run.isEmpty()) {
            card.add(new Div(new Span(context.message("widget.analysis.none"))));
        } else {
            var matrix = analysis.matrix();
            card.add(new Div(new Span(context.message("widget.analysis.matrix",
                    matrix.get(Quadrant.PARTNER), matrix.get(Quadrant.ECONOMICUS), matrix.get(Quadrant.FRIEND),
                    matrix.get(Quadrant.DOG)))));
            var pyramid = analysis.pyramid();
            card.add(new Div(new Span(context.message("widget.analysis.pyramid",
                    pyramid.get(PyramidLayer.TOP).customers(), pyramid.get(PyramidLayer.LARGE).customers(),
                    pyramid.get(PyramidLayer.MEDIUM).customers(), pyramid.get(PyramidLayer.SMALL).customers()))));
            Locale locale = context.locale();
            var money = Euros.format(locale);
            money.setMaximumFractionDigits(0);
            analysis.page(CustomerAnalysis.ScoreQuery.all(), 0, 1).stream().findFirst().ifPresent(top ->
                    card.add(new Div(new Span(context.message("widget.analysis.top", top.name(), money.format(top.monetary()))))));
            // the largest CLVs with the default parameters and the retention kept with the run
            var last = run.get();
            if (last.retention() != null) {
                var clv = new Clv(last.retention(), Clv.DEFAULT_DISCOUNT_RATE, Clv.DEFAULT_HORIZON);
                long days = java.time.temporal.ChronoUnit.DAYS.between(last.from(), last.to()) + 1;
                var top = analysis.topByMargin(Clv.DEFAULT_MARGIN_PCT, 3).stream()
                        .map(s -> s.name() + " (" + money.format(clv.of(Clv.yearlyMargin(s.margin(), s.monetary(),
                                Clv.DEFAULT_MARGIN_PCT, days))) + ")")
                        .collect(java.util.stream.Collectors.joining(", "));
                if (!top.isEmpty()) {
                    card.add(new Div(new Span(context.message("widget.analysis.top-clv", top))));
                }
            }
        }
        card.add(new Anchor(context.pluginId() + "/" + VIEW, context.message("widget.analysis.open")));
        return card;
    }
}

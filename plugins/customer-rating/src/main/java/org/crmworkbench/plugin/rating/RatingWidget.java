package org.crmworkbench.plugin.rating;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.crmworkbench.plugin.rating.model.AssessmentMethod;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.crmworkbench.plugin.rating.model.RatingModels.MethodTotal;
import org.crmworkbench.plugin.rating.score.RatingResults;
import org.pf4j.Extension;

import java.math.BigDecimal;

/**
 * Dashboard card of the default rating model: criteria and weight per assessment method and, after a
 * run, how many accounts qualify.
 */
@Extension
public class RatingWidget implements DashboardWidgetContribution {

    @Override
    public String titleKey() {
        return "widget.title";
    }

    @Override
    public Component createWidget(PluginContext context) {
        var models = new RatingModels(context.dsl(), context.clock());
        var card = new Div();
        var model = models.defaultModel();
        if (model.isEmpty()) {
            card.add(new Div(new Span(context.message("widget.empty"))));
        } else {
            card.add(new Div(new Span(context.message("widget.model", model.get().name(), model.get().version()))));
            var totals = models.totalsByMethod(model.get().id());
            for (AssessmentMethod method : AssessmentMethod.values()) {
                MethodTotal total = totals.getOrDefault(method, new MethodTotal(0, BigDecimal.ZERO));
                var line = new Div(new Span(context.message("widget.line", context.message(method.labelKey()),
                        total.count(), total.totalWeight())));
                line.addClassName("rating-widget-line");
                card.add(line);
            }
            new RatingResults(context.dsl(), models).lastRun(model.get().id()).ifPresent(run ->
                    card.add(new Div(new Span(context.message("widget.qualifying", run.qualifying(), run.accounts())))));
        }
        card.add(new Anchor(context.pluginId() + "/" + RatingViews.MODELS, context.message("widget.open")));
        return card;
    }
}

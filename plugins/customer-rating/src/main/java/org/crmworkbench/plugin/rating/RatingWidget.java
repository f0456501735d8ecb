package org.crmworkbench.plugin.rating;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.crmworkbench.plugin.rating.criteria.AssessmentMethod;
import org.crmworkbench.plugin.rating.criteria.CriteriaRepository;
import org.crmworkbench.plugin.rating.criteria.CriteriaRepository.MethodTotal;
import org.pf4j.Extension;

import java.math.BigDecimal;

/** Dashboard card: how many criteria and how much weight each assessment method has. */
@Extension
public class RatingWidget implements DashboardWidgetContribution {

    @Override
    public String titleKey() {
        return "widget.title";
    }

    @Override
    public Component createWidget(PluginContext context) {
        var totals = new CriteriaRepository(context.dsl()).totalsByMethod();
        var card = new Div();
        if (totals.isEmpty()) {
            card.add(new Span(context.message("widget.empty")));
        }
        for (AssessmentMethod method : AssessmentMethod.values()) {
            MethodTotal total = totals.getOrDefault(method, new MethodTotal(0, BigDecimal.ZERO));
            var line = new Div(new Span(context.message("widget.line", context.message(method.labelKey()),
                    total.count(), total.totalWeight())));
            line.addClassName("rating-widget-line");
            card.add(line);
        }
        card.add(new Anchor(context.pluginId() + "/" + RatingViews.CRITERIA, context.message("widget.open")));
        return card;
    }
}

package org.crmworkbench.plugin.value.sellogram;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.crmworkbench.plugin.value.ValueViews;
import org.pf4j.Extension;

import java.text.NumberFormat;
import java.util.stream.Collectors;

/** Dashboard card: the share of active products with a published sellogram, and the motives with the fewest arguments. */
@Extension
public class CoverageWidget implements DashboardWidgetContribution {

    static final int WEAKEST = 3;

    @Override
    public String titleKey() {
        return "widget.title";
    }

    @Override
    public int order() {
        return 130;
    }

    @Override
    public Component createWidget(PluginContext context) {
        var coverage = new Sellograms(context.dsl(), context.clock()).coverage(context.locale(), WEAKEST);
        var share = new Span(NumberFormat.getPercentInstance(context.locale()).format(coverage.share()));
        share.setId("coverage-share");
        share.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600").set("margin-right", "1rem");
        var card = new Div(share, new Span(context.message("widget.covered", coverage.covered(), coverage.activeProducts())));
        if (!coverage.weakest().isEmpty()) {
            card.add(new Div(new Span(context.message("widget.weakest", coverage.weakest().stream()
                    .map(m -> context.message("widget.motive-count", m.name(), m.arguments())).collect(Collectors.joining(", "))))));
        }
        card.add(new Div(new Anchor(ValueViews.SELLOGRAMS, context.message("widget.open"))));
        return card;
    }
}

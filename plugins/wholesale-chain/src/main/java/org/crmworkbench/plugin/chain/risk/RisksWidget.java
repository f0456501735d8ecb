package org.crmworkbench.plugin.chain.risk;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.crmworkbench.plugin.chain.ChainSettings;
import org.crmworkbench.plugin.chain.ChainViews;
import org.pf4j.Extension;

/** Dashboard card: how many chain relationships are at risk, per kind, linking to the list. */
@Extension
public class RisksWidget implements DashboardWidgetContribution {

    @Override
    public String titleKey() {
        return "widget.title";
    }

    @Override
    public Component createWidget(PluginContext context) {
        var counts = new Risks(context.dsl(), context.clock()).counts(new ChainSettings(context.dsl()).get().roleThreshold());
        var card = new Div();
        card.setId("chain-risks");
        counts.forEach((type, count) -> card.add(new Paragraph(context.message("widget.count", context.message(type.labelKey()), count))));
        card.add(new Anchor(ChainViews.RISKS, context.message("widget.open")));
        return card;
    }

    @Override
    public int order() {
        return 150;
    }
}

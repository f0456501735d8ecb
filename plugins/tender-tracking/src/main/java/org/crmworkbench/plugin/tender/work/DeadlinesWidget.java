package org.crmworkbench.plugin.tender.work;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.crmworkbench.plugin.tender.TenderViews;
import org.crmworkbench.plugin.tender.decision.BidDecisions;
import org.pf4j.Extension;

/** Dashboard card: the tender deadlines within the warning period (settings, default 14 days) and overdue tasks. */
@Extension
public class DeadlinesWidget implements DashboardWidgetContribution {

    static final int SHOWN = 6;

    @Override
    public String titleKey() {
        return "widget.title";
    }

    @Override
    public Component createWidget(PluginContext context) {
        int days = new BidDecisions(context.dsl(), context.clock()).thresholds().warningDays();
        var deadlines = new Deadlines(context.dsl(), context.clock());
        int count = deadlines.countWarnings(days, null);
        var card = new Div();
        card.setId("tender-deadlines");
        if (count == 0) {
            card.add(new Paragraph(context.message("widget.none", days)));
        } else {
            card.add(new Paragraph(context.message("widget.count", count, days)));
            card.add(new WarningList(context, deadlines.warnings(days, null, SHOWN), true));
        }
        card.add(new Anchor(TenderViews.CALENDAR, context.message("widget.calendar")));
        return card;
    }

    @Override
    public int order() {
        return 140;
    }
}

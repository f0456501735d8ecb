package org.crmworkbench.plugin.nps.followup;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.pf4j.Extension;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Dashboard card: the signed-in user's open follow-ups of detractor answers, due first. */
@Extension
public class FollowUpsWidget implements DashboardWidgetContribution {

    private static final int SHOWN = 6;

    @Override
    public String titleKey() {
        return "follow-ups.widget-title";
    }

    @Override
    public int order() {
        return 111;
    }

    @Override
    public Component createWidget(PluginContext context) {
        var card = new Div();
        var user = context.currentUser();
        if (user.isEmpty()) {
            return card;
        }
        var loop = new FollowUpLoop(context.dsl(), context.clock(), context::followUps);
        long me = user.map(UserRef::id).orElseThrow();
        var open = loop.page(me, true, 0, SHOWN);
        if (open.isEmpty()) {
            card.add(new Div(new Span(context.message("follow-ups.widget-none"))));
            return card;
        }
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(context.locale());
        LocalDate today = LocalDate.now(context.clock());
        for (var item : open) {
            var due = new Span(" · " + context.message(item.dueOn().isBefore(today) ? "follow-ups.widget-overdue"
                    : "follow-ups.widget-due", dates.format(item.dueOn())));
            card.add(new Div(new Anchor("accounts/" + item.accountId(), item.accountName()),
                    new Span(" · " + context.message("follow-ups.widget-score", item.score())), due));
        }
        int count = loop.count(me, true);
        card.add(new Div(new Anchor("nps-surveys/follow-ups", count > open.size()
                ? context.message("follow-ups.widget-more", count - open.size()) : context.message("follow-ups.widget-all"))));
        return card;
    }
}

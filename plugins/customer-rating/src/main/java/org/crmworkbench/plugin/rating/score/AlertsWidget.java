package org.crmworkbench.plugin.rating.score;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.pf4j.Extension;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Dashboard card with the signed-in user's unread rating alerts: followed accounts that crossed a
 * cut-off or changed quadrant or pyramid layer.
 */
@Extension
public class AlertsWidget implements DashboardWidgetContribution {

    private static final int SHOWN = 8;

    @Override
    public String titleKey() {
        return "alerts.title";
    }

    @Override
    public Component createWidget(PluginContext context) {
        var card = new Div();
        var user = context.currentUser();
        if (user.isEmpty()) {
            return card;
        }
        var alerts = new Alerts(context.dsl(), context.clock());
        long userId = user.get().id();
        fill(card, alerts, userId, context);
        return card;
    }

    private static void fill(Div card, Alerts alerts, long userId, PluginContext context) {
        card.removeAll();
        var unread = alerts.unread(userId, SHOWN);
        if (unread.isEmpty()) {
            card.add(new Div(new Span(context.message("alerts.none"))));
            return;
        }
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(context.locale());
        for (var alert : unread) {
            var line = new Div(new Anchor("accounts/" + alert.accountId(), alert.accountName()),
                    new Span(" " + text(alert, context) + " (" + dates.format(alert.at()) + ")"));
            line.addClassName("rating-alert");
            card.add(line);
        }
        int count = alerts.unreadCount(userId);
        if (count > unread.size()) {
            card.add(new Div(new Span(context.message("alerts.more", count - unread.size()))));
        }
        long newestShown = unread.getFirst().id();
        var read = new Button(context.message("alerts.mark-read"), click -> {
            alerts.markReadUpTo(userId, newestShown);
            fill(card, alerts, userId, context);
        });
        read.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        card.add(read);
    }

    static String text(Alerts.Alert alert, PluginContext context) {
        return switch (alert.kind()) {
            case QUALIFIES, DISQUALIFIED -> context.message(alert.kind().messageKey(), alert.modelName(), alert.before(), alert.after());
            case QUADRANT -> context.message(alert.kind().messageKey(), label(context, "quadrant.", alert.before()),
                    label(context, "quadrant.", alert.after()));
            case LAYER -> context.message(alert.kind().messageKey(), label(context, "pyramid.", alert.before()),
                    label(context, "pyramid.", alert.after()));
        };
    }

    private static String label(PluginContext context, String prefix, String value) {
        return value == null ? "—" : context.message(prefix + value.toLowerCase());
    }
}

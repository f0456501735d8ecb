package org.crmworkbench.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.core.interaction.OpenFollowUp;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.ui.opportunity.FunnelChart;
import org.crmworkbench.ui.account.AccountEditorView;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.crmworkbench.core.plugin.StartedPlugin;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home: the sales funnel, the user's open follow-ups and the accounts per lifecycle stage, then a card per dashboard
 * widget of the started plugins; a failing widget shows an error in its card only.
 */
@Route("")
@PermitAll
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(DashboardView.class);
    static final int FOLLOW_UPS_SHOWN = 6;
    final FlexLayout coreCards = new FlexLayout();
    final FlexLayout cards = new FlexLayout();
    final Paragraph empty = new Paragraph();

    public DashboardView(AccountService accounts, InteractionService interactions, OpportunityService opportunities, PluginHost host,
                         Permissions permissions, CurrentUser currentUser) {
        UserRef user = currentUser.user().orElseThrow();
        add(new H2(getTranslation("dashboard.welcome", user.displayName())));
        coreCards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        coreCards.addClassNames(LumoUtility.Gap.MEDIUM);
        var funnel = card(getTranslation("dashboard.funnel"), new FunnelChart(opportunities.funnel(user, null), UI.getCurrent().getLocale()));
        funnel.setWidth("34em");
        coreCards.add(funnel,
                card(getTranslation("dashboard.follow-ups"), followUps(interactions, user)),
                card(getTranslation("dashboard.stages"), stages(accounts, user)));
        add(coreCards);
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassNames(LumoUtility.Gap.MEDIUM);
        for (StartedPlugin plugin : host.startedPlugins()) {
            for (DashboardWidgetContribution widget : plugin.widgets()) {
                if (permissions.has(user, widget.requiredPermission())) {
                    cards.add(card(plugin, widget));
                }
            }
        }
        empty.setText(getTranslation("dashboard.empty"));
        empty.setVisible(cards.getComponentCount() == 0);
        add(empty, cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard") + " | " + getTranslation("app.name");
    }

    private Component followUps(InteractionService interactions, UserRef user) {
        var list = interactions.openFollowUps(user, FOLLOW_UPS_SHOWN);
        if (list.isEmpty()) {
            return new Paragraph(getTranslation("dashboard.follow-ups.none"));
        }
        var format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(UI.getCurrent().getLocale());
        var items = new UnorderedList();
        items.addClassNames(LumoUtility.Padding.Left.MEDIUM, LumoUtility.Margin.NONE);
        for (OpenFollowUp followUp : list) {
            var link = new RouterLink(followUp.accountName(), AccountEditorView.class, String.valueOf(followUp.accountId()));
            String due = followUp.due() == null ? "" : " · " + getTranslation("dashboard.follow-ups.due", format.format(followUp.due()));
            var item = new ListItem(link, new Span(": " + getTranslation(followUp.kind().labelKey()) + due));
            item.setTitle(followUp.summary());
            items.add(item);
        }
        int total = interactions.openFollowUpCount(user);
        var content = new Div(items);
        if (total > list.size()) {
            content.add(new Paragraph(getTranslation("dashboard.follow-ups.more", total - list.size())));
        }
        return content;
    }

    private Component stages(AccountService accounts, UserRef user) {
        var items = new UnorderedList();
        items.addClassNames(LumoUtility.Padding.Left.MEDIUM, LumoUtility.Margin.NONE);
        accounts.stageCounts(user).forEach((stage, count) ->
                items.add(new ListItem(getTranslation(stage.labelKey()) + ": " + count)));
        return items;
    }

    private Div card(String title, Component content) {
        var card = new Div(new H3(title), content);
        card.addClassNames("dashboard-card", LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.CONTRAST_5);
        card.setWidth("22em");
        return card;
    }

    private Div card(StartedPlugin plugin, DashboardWidgetContribution widget) {
        var card = new Div(new H3(plugin.message(UI.getCurrent().getLocale(), widget.titleKey())));
        card.addClassNames("dashboard-card", LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.CONTRAST_5);
        card.setWidth("22em");
        try {
            Component content = widget.createWidget(plugin.context());
            card.add(content);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Dashboard widget of plugin {} failed: {}", plugin.id(), e.toString(), e);
            var error = new Paragraph(getTranslation("dashboard.widget-failed", plugin.id()));
            error.addClassNames(LumoUtility.TextColor.ERROR);
            card.add(error);
        }
        return card;
    }
}

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
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.StartedPlugin;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Home: a card per dashboard widget of the started plugins; a failing widget shows an error in its card only. */
@Route("")
@PermitAll
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(DashboardView.class);
    final FlexLayout cards = new FlexLayout();
    final Paragraph empty = new Paragraph();

    public DashboardView(PluginHost host, Permissions permissions, CurrentUser currentUser) {
        UserRef user = currentUser.user().orElseThrow();
        add(new H2(getTranslation("dashboard.welcome", user.displayName())));
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

package org.crmworkbench.testplugins.good;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.dashboard.DashboardWidgetContribution;
import org.pf4j.Extension;

@Extension
public class GoodWidget implements DashboardWidgetContribution {
    @Override
    public String titleKey() {
        return "widget.title";
    }

    @Override
    public Component createWidget(PluginContext context) {
        return new Span(context.message("notes.count", context.dsl().fetchCount(context.dsl().selectFrom("note"))));
    }
}

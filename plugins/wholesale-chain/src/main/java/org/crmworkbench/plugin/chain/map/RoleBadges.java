package org.crmworkbench.plugin.chain.map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.chain.role.Role;

/** The strengths of the three roles in a link as small badges (green from 3), and "ended" when it no longer runs. */
final class RoleBadges {

    private RoleBadges() {
    }

    static Component of(PluginContext context, Link link) {
        var line = new HorizontalLayout();
        line.setSpacing(false);
        line.getStyle().set("gap", "4px");
        if (link.ours()) {
            for (Role role : Role.values()) {
                var badge = new Span(context.message(role.labelKey() + ".short", link.strength(role)));
                badge.getElement().setAttribute("theme", link.strength(role) >= 3 ? "badge success small" : "badge small");
                badge.getElement().setAttribute("title", context.message(role.labelKey()) + ": " + link.strength(role));
                line.add(badge);
            }
        }
        if (!link.active()) {
            var ended = new Span(context.message("link.not-running"));
            ended.getElement().setAttribute("theme", "badge contrast small");
            line.add(ended);
        }
        return line;
    }
}

package org.crmworkbench.plugin.tender.work;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.TenderViews;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Deadline warnings as lines: what falls due, when and in how many days, linking to the tender. */
final class WarningList extends Div {

    WarningList(PluginContext context, List<Deadline> warnings, boolean withAuthority) {
        LocalDate today = LocalDate.now(context.clock());
        for (Deadline d : warnings) {
            long days = ChronoUnit.DAYS.between(today, d.date());
            String what = d.task() != null ? context.message("warning.task", d.task()) : context.message(d.kind().labelKey());
            String when = days < 0 ? context.message("warning.overdue", -days) : days == 0 ? context.message("warning.today")
                    : context.message("warning.in-days", days);
            var line = new Div(new Span(Formats.date(d.date(), context.locale()) + " · " + when + " · " + what + ": "),
                    new Anchor(TenderViews.TENDER + "?id=" + d.tenderId(), d.tenderTitle() + (withAuthority ? " (" + d.authorityName() + ")" : "")));
            line.addClassName("tender-warning");
            if (days <= 3) {
                line.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            add(line);
        }
    }
}

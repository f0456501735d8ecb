package org.crmworkbench.plugin.chain.scorecard;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.chain.Formats;
import org.crmworkbench.plugin.chain.role.Role;

import java.time.format.DateTimeFormatter;

/** A scorecard shown: the average per role as a bar against the target, the gaps with their actions, and the history by month. */
public final class ScorecardPanel extends VerticalLayout {

    final Div averages = new Div();
    final Div gaps = new Div();
    final Grid<Scorecard.Month> history = new Grid<>();

    public ScorecardPanel(PluginContext context, Scorecard card, int target) {
        setPadding(false);
        var locale = context.locale();
        var months = DateTimeFormatter.ofPattern("LLL uuuu", locale);
        history.addColumn(m -> m.month().format(months)).setHeader(context.message("scorecard.month")).setAutoWidth(true);
        history.addColumn(Scorecard.Month::links).setHeader(context.message("scorecard.links")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        for (Role role : Role.values()) {
            history.addColumn(m -> Formats.average(m.averages().get(role), locale)).setHeader(context.message(role.labelKey()))
                    .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        }
        history.setItems(card.history().reversed());
        history.setAllRowsVisible(true);
        if (card.links() == 0) { // e.g. a customer we lost: no averages today, but the history shows how it went
            add(new Paragraph(context.message("scorecard.no-links")));
            if (card.history().stream().anyMatch(m -> m.links() > 0)) {
                add(new H4(context.message("scorecard.history")), history);
            }
            return;
        }
        averages.setId("scorecard-averages");
        for (Role role : Role.values()) {
            var average = card.averages().get(role);
            var bar = new Div();
            bar.getStyle().set("height", "0.7rem").set("border-radius", "var(--lumo-border-radius-s)")
                    .set("width", Math.round(average.doubleValue() / Role.MAX_STRENGTH * 100) + "%")
                    .set("background", average.doubleValue() >= target ? "var(--lumo-success-color)" : "var(--lumo-error-color-50pct)");
            var track = new Div(bar);
            track.getStyle().set("background", "var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-s)")
                    .set("width", "16rem").set("display", "inline-block").set("margin", "0 0.6rem");
            var label = new Span(context.message(role.labelKey()));
            label.getStyle().set("display", "inline-block").set("width", "11rem");
            averages.add(new Div(label, track,
                    new Span(context.message("scorecard.average", Formats.average(average, locale), Role.MAX_STRENGTH))));
        }
        gaps.setId("scorecard-gaps");
        if (card.gaps().isEmpty()) {
            gaps.add(new Paragraph(context.message("scorecard.no-gaps", target)));
        }
        for (Scorecard.Gap gap : card.gaps()) {
            gaps.add(new Paragraph(context.message("scorecard.gap", context.message(gap.role().labelKey()), Formats.average(gap.average(), locale),
                    target, context.message(gap.actionKey()))));
        }
        add(new Paragraph(context.message("scorecard.over", card.links())), averages, new H4(context.message("scorecard.gaps")), gaps,
                new H4(context.message("scorecard.history")), history);
    }
}

package org.crmworkbench.plugin.tender.register;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.crmworkbench.plugin.tender.TenderViews;
import org.crmworkbench.plugin.tender.decision.Decision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The tender pipeline as a board (route {@code /tender-tracking/board}): a column per open status with
 * its number of tenders and their value, cards ordered by submission deadline that move on through a
 * "Move to" choice (the pipeline's rules apply), and the closed statuses' totals below.
 */
@PermitAll
public class BoardView extends VerticalLayout implements HasDynamicTitle {

    static final int CARDS_PER_COLUMN = 50;

    final HorizontalLayout columns = new HorizontalLayout();
    final HorizontalLayout closed = new HorizontalLayout();
    private final PluginContext context;
    private final Tenders tenders;

    public BoardView(PluginContext context) {
        this.context = context;
        this.tenders = new Tenders(context.dsl(), context.clock(), context.accounts(), context::requirePermission);
        setSizeFull();
        columns.setWidthFull();
        columns.getStyle().set("overflow-x", "auto").set("align-items", "flex-start");
        closed.setWrap(true);
        add(new H2(context.message("board.title")), new Paragraph(context.message("board.intro")), columns, new H4(context.message("board.closed")),
                closed);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("board.title");
    }

    void refresh() {
        var locale = context.locale();
        var totals = tenders.totals(Tenders.Search.ALL);
        columns.removeAll();
        for (TenderStatus status : TenderStatus.OPEN) {
            var total = totals.get(status);
            var column = new Div();
            column.addClassName("board-column");
            column.getStyle().set("flex", "1 1 0").set("min-width", "10rem").set("background", "var(--lumo-contrast-5pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-s)");
            var head = new Div(new Span(context.message(status.labelKey())),
                    new Span(" · " + context.message("board.column-total", total.count(), total.value().format(locale))));
            head.getStyle().set("font-weight", "600").set("margin-bottom", "var(--lumo-space-s)");
            column.add(head);
            var shown = tenders.search(new Tenders.Search("", Set.of(status), null), Tenders.Sort.DEADLINE, false, 0, CARDS_PER_COLUMN);
            var decisions = tenders.decisions(shown.stream().map(Tender::id).toList());
            shown.forEach(tender -> column.add(card(tender, decisions.get(tender.id()))));
            if (total.count() > shown.size()) {
                column.add(new Paragraph(context.message("board.more", total.count() - shown.size())));
            }
            columns.add(column);
        }
        closed.removeAll();
        for (TenderStatus status : TenderStatus.values()) {
            if (!status.open()) {
                var total = totals.get(status);
                var line = new Span(context.message(status.labelKey()) + ": "
                        + context.message("board.column-total", total.count(), total.value().format(locale)));
                line.getElement().setAttribute("theme", "badge contrast");
                closed.add(line);
            }
        }
    }

    private Div card(Tender tender, Decision decision) {
        var locale = context.locale();
        var card = new Div();
        card.addClassName("board-card");
        card.getStyle().set("background", "var(--lumo-base-color)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)").set("padding", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-s)");
        var title = new Anchor(TenderViews.TENDER + "?id=" + tender.id(), tender.title());
        title.getStyle().set("font-weight", "600");
        var authority = new Div(tender.authorityName());
        authority.getStyle().set("font-size", "var(--lumo-font-size-s)");
        var deadline = tender.input().dates().submissionDeadline();
        long days = deadline == null ? 0 : ChronoUnit.DAYS.between(LocalDate.now(context.clock()), deadline);
        String due = deadline == null ? context.message("board.no-deadline")
                : context.message(days < 0 ? "board.deadline-passed" : "board.deadline", Formats.date(deadline, locale), days);
        var facts = new Div(Formats.money(tender.input().estimatedValue(), tender.input().currency(), locale) + " · " + due);
        facts.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        card.add(title, authority, facts);
        if (context.hasPermission(TenderPermissions.EDIT)) {
            var move = new Select<TenderStatus>();
            move.setAriaLabel(context.message("board.move", tender.title()));
            move.setPlaceholder(context.message("tender.move-to"));
            var allowed = tenders.moves(tender, decision);
            move.setItems(allowed.keySet());
            move.setItemLabelGenerator(s -> context.message(s.labelKey()));
            move.setItemEnabledProvider(s -> allowed.get(s).isEmpty());
            move.addValueChangeListener(change -> {
                if (change.getValue() != null) {
                    MoveAction.run(context, tenders, tender, change.getValue(), this::refresh);
                }
            });
            move.setWidthFull();
            card.add(move);
        }
        return card;
    }
}

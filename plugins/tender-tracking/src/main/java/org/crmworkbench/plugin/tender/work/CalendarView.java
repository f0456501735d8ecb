package org.crmworkbench.plugin.tender.work;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.tender.TenderViews;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The deadline calendar (route {@code /tender-tracking/calendar}): a month of questions and
 * submission deadlines, award decisions, standstill ends and open tasks, each linking to its tender.
 */
@PermitAll
public class CalendarView extends VerticalLayout implements HasDynamicTitle {

    final H3 month = new H3();
    final Div days = new Div();
    final Paragraph empty = new Paragraph();
    private final PluginContext context;
    private final Deadlines deadlines;
    private YearMonth shown;

    public CalendarView(PluginContext context) {
        this.context = context;
        this.deadlines = new Deadlines(context.dsl(), context.clock());
        this.shown = YearMonth.now(context.clock());
        var previous = new Button(VaadinIcon.ANGLE_LEFT.create(), click -> show(shown.minusMonths(1)));
        previous.setAriaLabel(context.message("calendar.previous"));
        var next = new Button(VaadinIcon.ANGLE_RIGHT.create(), click -> show(shown.plusMonths(1)));
        next.setAriaLabel(context.message("calendar.next"));
        var today = new Button(context.message("calendar.today"), click -> show(YearMonth.now(context.clock())));
        var bar = new HorizontalLayout(previous, month, next, today);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        days.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(0, 1fr))").set("gap", "4px").set("width", "100%");
        add(new H2(context.message("calendar.title")), new Paragraph(context.message("calendar.intro")), bar, empty, days);
        show(shown);
    }

    @Override
    public String getPageTitle() {
        return context.message("calendar.title");
    }

    void show(YearMonth target) {
        shown = target;
        var locale = context.locale();
        month.setText(target.format(DateTimeFormatter.ofPattern("LLLL uuuu", locale)));
        LocalDate first = target.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = target.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Map<LocalDate, List<Deadline>> byDay = deadlines.between(first, last, null).stream()
                .collect(Collectors.groupingBy(Deadline::date));
        days.removeAll();
        for (int i = 0; i < 7; i++) {
            var name = new Div(DayOfWeek.MONDAY.plus(i).getDisplayName(TextStyle.SHORT, locale));
            name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");
            days.add(name);
        }
        LocalDate today = LocalDate.now(context.clock());
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            var cell = new Div();
            cell.addClassName("calendar-day");
            cell.getStyle().set("min-height", "5.5rem").set("padding", "4px").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("background", day.getMonth() == target.getMonth() ? "var(--lumo-contrast-5pct)" : "transparent")
                    .set("overflow", "hidden");
            if (day.equals(today)) {
                cell.getStyle().set("outline", "2px solid var(--lumo-primary-color)");
            }
            var number = new Span(String.valueOf(day.getDayOfMonth()));
            number.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            cell.add(number);
            for (Deadline deadline : byDay.getOrDefault(day, List.of())) {
                cell.add(chip(deadline));
            }
            days.add(cell);
        }
        empty.setText(context.message("calendar.none"));
        empty.setVisible(byDay.isEmpty());
    }

    private Anchor chip(Deadline deadline) {
        String what = deadline.task() != null ? deadline.task() : context.message(deadline.kind().labelKey());
        var chip = new Anchor(TenderViews.TENDER + "?id=" + deadline.tenderId(), what + " · " + deadline.tenderTitle());
        chip.getElement().setAttribute("title", deadline.authorityName() + ": " + deadline.tenderTitle());
        chip.getElement().setAttribute("theme", deadline.kind() == DeadlineKind.SUBMISSION ? "badge error small" : "badge small");
        chip.getStyle().set("display", "block").set("margin-top", "2px").set("white-space", "nowrap").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("max-width", "100%");
        return chip;
    }
}

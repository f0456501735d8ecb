package org.crmworkbench.plugin.tender.analysis;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.register.LostReason;
import org.crmworkbench.plugin.tender.register.ProcedureType;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * Tender analysis (route {@code /tender-tracking/analysis}): win rate and average effort by authority,
 * CPV division, procedure or value band; why we lost; the open pipeline by month of submission deadline.
 */
@PermitAll
public class AnalysisView extends VerticalLayout implements HasDynamicTitle {

    final Select<Analysis.Dimension> dimension = new Select<>();
    final Grid<Analysis.WinRate> winRates = new Grid<>();
    final Grid<Analysis.Count> lost = new Grid<>();
    final Grid<Analysis.Count> pipeline = new Grid<>();
    private final PluginContext context;
    private final Analysis analysis;

    public AnalysisView(PluginContext context) {
        this.context = context;
        this.analysis = new Analysis(context.dsl());
        var locale = context.locale();
        dimension.setLabel(context.message("analysis.by"));
        dimension.setItems(Analysis.Dimension.values());
        dimension.setItemLabelGenerator(d -> context.message(d.labelKey()));
        dimension.setValue(Analysis.Dimension.AUTHORITY);
        dimension.addValueChangeListener(change -> winRates.setItems(analysis.winRates(change.getValue())));
        winRates.addColumn(r -> group(dimension.getValue(), r.group())).setHeader(context.message("analysis.group")).setFlexGrow(3);
        winRates.addColumn(Analysis.WinRate::won).setHeader(context.message("status.won")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        winRates.addColumn(Analysis.WinRate::lost).setHeader(context.message("status.lost")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        winRates.addColumn(r -> r.winRate() == null ? "—" : Formats.oneDecimal(r.winRate(), locale) + " %").setHeader(context.message("analysis.win-rate"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        winRates.addColumn(r -> r.averageEffort() == null ? "—" : context.message("analysis.hours", Formats.oneDecimal(r.averageEffort(), locale)))
                .setHeader(context.message("analysis.effort")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        winRates.setAllRowsVisible(true);
        winRates.setEmptyStateText(context.message("analysis.none-decided"));
        winRates.setItems(analysis.winRates(dimension.getValue()));

        lost.addColumn(c -> c.key() == null ? context.message("analysis.no-reason") : context.message(LostReason.valueOf(c.key()).labelKey()))
                .setHeader(context.message("tender.lost-reason")).setFlexGrow(3);
        lost.addColumn(Analysis.Count::count).setHeader(context.message("analysis.count")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        lost.addColumn(c -> c.value().format(locale)).setHeader(context.message("analysis.value")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        lost.setAllRowsVisible(true);
        lost.setEmptyStateText(context.message("analysis.none-lost"));
        lost.setItems(analysis.lostReasons());

        var months = analysis.pipelineByMonth();
        int most = months.stream().mapToInt(Analysis.Count::count).max().orElse(1);
        var monthFormat = DateTimeFormatter.ofPattern("LLL uuuu", locale);
        pipeline.addColumn(c -> YearMonth.parse(c.key()).format(monthFormat)).setHeader(context.message("analysis.month")).setAutoWidth(true);
        pipeline.addColumn(Analysis.Count::count).setHeader(context.message("analysis.count")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        pipeline.addColumn(c -> c.value().format(locale)).setHeader(context.message("analysis.value")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        pipeline.addComponentColumn(c -> bar(c.count(), most)).setFlexGrow(3);
        pipeline.setAllRowsVisible(true);
        pipeline.setEmptyStateText(context.message("analysis.none-open"));
        pipeline.setItems(months);

        add(new H2(context.message("analysis.title")), new Paragraph(context.message("analysis.intro")), dimension, winRates,
                new H4(context.message("analysis.lost-reasons")), lost, new H4(context.message("analysis.pipeline")), pipeline);
    }

    @Override
    public String getPageTitle() {
        return context.message("analysis.title");
    }

    String group(Analysis.Dimension dimension, String group) {
        if (group == null) {
            return context.message("analysis.not-set");
        }
        return switch (dimension) {
            case AUTHORITY -> group;
            case CPV_DIVISION -> context.message("analysis.cpv-division", group);
            case PROCEDURE -> context.message(ProcedureType.valueOf(group).labelKey());
            case VALUE_BAND -> context.message("analysis.band." + group);
        };
    }

    /** A bar as long as the month's number of tenders relative to the busiest month (values may be in several currencies). */
    private static Div bar(int count, int most) {
        var bar = new Div();
        double share = (double) count / most;
        bar.getStyle().set("height", "0.8rem").set("width", Math.round(share * 100) + "%").set("background", "var(--lumo-primary-color-50pct)")
                .set("border-radius", "var(--lumo-border-radius-s)");
        return bar;
    }
}

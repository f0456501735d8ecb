package org.crmworkbench.ui.opportunity;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.crmworkbench.core.opportunity.FunnelRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The sales funnel as horizontal bars, one line per stage: stage and count, the bar (the stage's value
 * relative to the largest stage, the darker part its weighted value), then value / weighted value.
 */
public class FunnelChart extends Div {

    public FunnelChart(List<FunnelRow> rows, Locale locale) {
        addClassNames(LumoUtility.FontSize.SMALL);
        getStyle().set("display", "grid").set("grid-template-columns", "minmax(8em, max-content) 1fr max-content")
                .set("column-gap", "var(--lumo-space-s)").set("row-gap", "var(--lumo-space-xs)").set("align-items", "center");
        BigDecimal max = rows.stream().map(FunnelRow::value).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal totalValue = BigDecimal.ZERO;
        BigDecimal totalWeighted = BigDecimal.ZERO;
        for (FunnelRow row : rows) {
            var weighted = new Div();
            weighted.getStyle().set("width", percent(row.weighted(), row.value())).set("height", "100%")
                    .set("background", "var(--lumo-primary-color)");
            var bar = new Div(weighted);
            bar.getStyle().set("width", percent(row.value(), max)).set("min-width", "2px").set("height", "0.7em")
                    .set("background", "var(--lumo-primary-color-50pct)").set("border-radius", "3px").set("overflow", "hidden");
            var amounts = new Span(Money.whole(row.value(), locale) + " / " + Money.whole(row.weighted(), locale));
            amounts.getStyle().set("text-align", "right");
            add(new Span(getTranslation(row.stage().labelKey()) + " (" + row.count() + ")"), new Div(bar), amounts);
            totalValue = totalValue.add(row.value());
            totalWeighted = totalWeighted.add(row.weighted());
        }
        var total = new Span(getTranslation("funnel.total", Money.whole(totalValue, locale), Money.whole(totalWeighted, locale)));
        total.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        total.getStyle().set("grid-column", "1 / -1");
        add(total);
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0%";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}

package org.crmworkbench.plugin.nps.results;

import com.vaadin.flow.component.html.Image;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server-side SVG charts of NPS over time (-100..100), shown as images: no JavaScript, no add-ons,
 * nothing of the data is executable.
 */
public final class Charts {

    private Charts() {
    }

    /**
     * A small line of the monthly scores: a dot per month with answers, joined across months without
     * (they have no score, so they get no dot).
     */
    public static String sparkline(List<Optional<BigDecimal>> values, int width, int height) {
        var svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("' viewBox='0 0 ").append(width).append(' ').append(height).append("'>");
        double zero = y(0, height);
        svg.append("<line x1='0' x2='").append(width).append("' y1='").append(fmt(zero)).append("' y2='").append(fmt(zero))
                .append("' stroke='#c8ccd2' stroke-dasharray='2 2'/>");
        double step = values.size() > 1 ? (width - 6.0) / (values.size() - 1) : 0;
        var path = new StringBuilder();
        var dots = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            var value = values.get(i);
            if (value.isEmpty()) {
                continue;
            }
            double x = 3 + i * step;
            double y = y(value.get().doubleValue(), height);
            path.append(path.isEmpty() ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
            dots.append("<circle cx='").append(fmt(x)).append("' cy='").append(fmt(y)).append("' r='2.5' fill='#1676f3'/>");
        }
        if (!path.isEmpty()) {
            svg.append("<path d='").append(path).append("' fill='none' stroke='#1676f3' stroke-width='1.5'/>");
        }
        return svg.append(dots).append("</svg>").toString();
    }

    /** Bars per month around a zero line, labelled with the month and the score ("—" without answers). */
    public static String bars(List<NpsResults.Row> months, Locale locale) {
        int width = Math.max(320, months.size() * 56);
        int height = 200;
        int top = 20;
        int bottom = 170;
        double zero = top + (bottom - top) / 2.0;
        var svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("' viewBox='0 0 ").append(width).append(' ').append(height)
                .append("' font-family='sans-serif' font-size='11'>");
        svg.append("<line x1='0' x2='").append(width).append("' y1='").append(fmt(zero)).append("' y2='").append(fmt(zero))
                .append("' stroke='#8a939c'/>");
        for (int i = 0; i < months.size(); i++) {
            var row = months.get(i);
            double x = i * 56 + 8;
            var score = row.nps().score();
            if (score.isPresent()) {
                double value = score.get().doubleValue();
                double h = Math.abs(value) / 100 * (bottom - top) / 2.0;
                double y = value >= 0 ? zero - h : zero;
                svg.append("<rect x='").append(fmt(x)).append("' y='").append(fmt(y)).append("' width='40' height='")
                        .append(fmt(Math.max(h, 1))).append("' fill='").append(value >= 0 ? "#2f9e63" : "#d1433f").append("'/>");
            }
            svg.append("<text x='").append(fmt(x + 20)).append("' y='").append(top - 6).append("' text-anchor='middle'>")
                    .append(escape(row.nps().format(locale))).append("</text>");
            svg.append("<text x='").append(fmt(x + 20)).append("' y='").append(bottom + 20).append("' text-anchor='middle' fill='#555'>")
                    .append(escape(row.key())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** An SVG as an image with an alternative text. */
    public static Image image(String svg, String alt) {
        var image = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), alt);
        image.getStyle().set("max-width", "100%");
        return image;
    }

    private static double y(double value, int height) {
        return 3 + (100 - value) / 200 * (height - 6);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}

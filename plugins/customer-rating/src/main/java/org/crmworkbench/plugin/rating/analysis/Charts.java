package org.crmworkbench.plugin.rating.analysis;

import java.util.List;
import java.util.Locale;

/** Server-side SVG for the analysis view: the customer pyramid and the Pareto curve. Text is XML-escaped. */
final class Charts {

    private static final String[] FILLS = {"#1e3a8a", "#1d4ed8", "#3b82f6", "#93c5fd", "#cbd5e1", "#e2e8f0", "#f1f5f9"};

    private Charts() {
    }

    /**
     * A pyramid of bands, top first, each wider than the one above; each band's label to its right.
     */
    static String pyramid(List<String> labels, String title) {
        int bands = labels.size();
        int pyramidWidth = 320;
        int width = pyramidWidth + 300;
        int bandHeight = 32;
        int height = bands * bandHeight + 4;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        double centre = pyramidWidth / 2.0;
        for (int i = 0; i < bands; i++) {
            double topHalf = 14 + i * (pyramidWidth / 2.0 - 14) / bands;
            double bottomHalf = 14 + (i + 1) * (pyramidWidth / 2.0 - 14) / bands;
            double y = 2 + i * bandHeight;
            svg.append(String.format(Locale.ROOT,
                    "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" stroke=\"white\"/>",
                    centre - topHalf, y, centre + topHalf, y, centre + bottomHalf, y + bandHeight,
                    centre - bottomHalf, y + bandHeight, FILLS[Math.min(i, FILLS.length - 1)]));
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#cbd5e1\"/>",
                    centre + (topHalf + bottomHalf) / 2, y + bandHeight / 2.0, pyramidWidth + 6, y + bandHeight / 2.0));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#0f172a\">%s</text>",
                    pyramidWidth + 10, y + bandHeight / 2.0 + 4, escape(labels.get(i))));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The Pareto curve: x = cumulative share of customers, y = cumulative share of revenue, both 0..1,
     * with the 80 % revenue line and the customer share that reaches it.
     */
    static String pareto(List<double[]> curve, double customerShareAt80, String title, String xLabel, String yLabel) {
        int width = 360;
        int height = 260;
        int left = 44;
        int bottom = 36;
        int plotW = width - left - 12;
        int plotH = height - bottom - 12;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"12\" width=\"%d\" height=\"%d\" fill=\"#f8fafc\" stroke=\"#cbd5e1\"/>",
                left, plotW, plotH));
        for (int tick = 0; tick <= 100; tick += 20) {
            double x = left + plotW * tick / 100.0;
            double y = 12 + plotH * (1 - tick / 100.0);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#475569\">%d%%</text>",
                    x, height - bottom + 14, tick));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#475569\">%d%%</text>",
                    left - 4, y + 3, tick));
        }
        double y80 = 12 + plotH * 0.2;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#f59e0b\" stroke-dasharray=\"4 3\"/>",
                left, y80, left + plotW, y80));
        double x80 = left + plotW * customerShareAt80;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%d\" stroke=\"#f59e0b\" stroke-dasharray=\"4 3\"/>",
                x80, y80, x80, 12 + plotH));
        var points = new StringBuilder();
        for (double[] point : curve) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + plotW * point[0], 12 + plotH * (1 - point[1])));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\" points=\"").append(points.toString().strip())
                .append("\"/>");
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#0f172a\">%s</text>",
                left + plotW / 2.0, height - 4, escape(xLabel)));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"12\" y=\"%.1f\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#0f172a\" transform=\"rotate(-90 12 %.1f)\">%s</text>",
                12 + plotH / 2.0, 12 + plotH / 2.0, escape(yLabel)));
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

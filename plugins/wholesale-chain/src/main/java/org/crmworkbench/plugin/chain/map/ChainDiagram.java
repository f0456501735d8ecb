package org.crmworkbench.plugin.chain.map;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The chain of a product group as a server-side SVG: producers and suppliers on the left, our company
 * in the centre, customers on the right; one node per party (accounts link to their account page), one
 * edge per link, as wide as its revenue relative to the largest, dashed when the link has ended. A
 * supplier's direct link to a customer bends over our company.
 */
public final class ChainDiagram {

    static final int WIDTH = 960;
    static final int ROW = 46;
    static final int NODE_WIDTH = 220;
    static final int NODE_HEIGHT = 30;
    private static final int LEFT = 20;
    private static final int CENTRE = (WIDTH - NODE_WIDTH) / 2;
    private static final int RIGHT = WIDTH - NODE_WIDTH - 20;

    private ChainDiagram() {
    }

    private record Node(Party party, int x, int y) {
        int left() {
            return x;
        }

        int right() {
            return x + NODE_WIDTH;
        }

        int middle() {
            return y + NODE_HEIGHT / 2;
        }
    }

    /**
     * @param ourName  what our company is called in the diagram
     * @param linkName the label of an edge, e.g. "supplies · € 120.000"
     */
    public static String svg(List<Link> links, String ourName, String title, Function<Link, String> linkName) {
        var upstream = new LinkedHashMap<Long, Party>();
        var downstream = new LinkedHashMap<Long, Party>();
        for (Link link : links) {
            for (Party party : List.of(link.from(), link.to())) {
                if (!party.us()) {
                    (party.supplier() ? upstream : downstream).putIfAbsent(party.accountId(), party);
                }
            }
        }
        int rows = Math.max(1, Math.max(upstream.size(), downstream.size()));
        int height = rows * ROW + 40;
        var nodes = new LinkedHashMap<Long, Node>();
        place(upstream, LEFT, nodes);
        place(downstream, RIGHT, nodes);
        var us = new Node(new Party(null, ourName, false), CENTRE, 20 + (rows - 1) * ROW / 2);
        BigDecimal largest = links.stream().map(Link::revenue).filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);

        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain-diagram\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" style=\"max-width:100%;height:auto\" font-family=\"sans-serif\" font-size=\"13\">")
                .append("<title>").append(escape(title)).append("</title>");
        for (Link link : links) {
            Node from = link.from().us() ? us : nodes.get(link.from().accountId());
            Node to = link.to().us() ? us : nodes.get(link.to().accountId());
            svg.append(edge(link, from, to, largest, linkName.apply(link)));
        }
        for (Node node : nodes.values()) {
            svg.append(node(node));
        }
        if (!links.isEmpty()) {
            svg.append(node(us));
        }
        return svg.append("</svg>").toString();
    }

    private static void place(Map<Long, Party> parties, int x, Map<Long, Node> nodes) {
        int row = 0;
        for (Party party : parties.values()) {
            nodes.put(party.accountId(), new Node(party, x, 20 + row++ * ROW));
        }
    }

    private static String edge(Link link, Node from, Node to, BigDecimal largest, String label) {
        double width = link.revenue() == null || largest.signum() == 0 ? 1.5
                : 1.5 + 8.5 * link.revenue().doubleValue() / largest.doubleValue();
        // left to right when the nodes allow, so the line runs between the facing sides
        Node a = from.x() <= to.x() ? from : to;
        Node b = a == from ? to : from;
        int x1 = a.right();
        int x2 = b.left();
        String path;
        if (a.x() == LEFT && b.x() == RIGHT) { // past our company: bend over the top
            int top = Math.min(a.middle(), b.middle()) - 40 - Math.abs(a.middle() - b.middle()) / 4;
            path = String.format(Locale.ROOT, "M %d %d C %d %d %d %d %d %d", x1, a.middle(), x1 + 200, top, x2 - 200, top, x2, b.middle());
        } else if (a.x() == b.x()) { // two parties on the same side: bend towards the middle of the drawing
            boolean right = a.x() == RIGHT;
            int start = right ? a.left() : a.right();
            int stop = right ? b.left() : b.right();
            int bend = right ? -60 : 60;
            path = String.format(Locale.ROOT, "M %d %d C %d %d %d %d %d %d", start, a.middle(), start + bend, a.middle(), stop + bend, b.middle(),
                    stop, b.middle());
        } else {
            path = String.format(Locale.ROOT, "M %d %d L %d %d", x1, a.middle(), x2, b.middle());
        }
        return "<path class=\"edge\" data-link=\"" + link.id() + "\" d=\"" + path + "\" fill=\"none\" stroke=\""
                + (link.active() ? "#1676f3" : "#9aa5b1") + "\" stroke-opacity=\"0.75\" stroke-width=\""
                + String.format(Locale.ROOT, "%.1f", width) + "\"" + (link.active() ? "" : " stroke-dasharray=\"6 4\"") + "><title>"
                + escape(label) + "</title></path>";
    }

    private static String node(Node node) {
        Party party = node.party();
        String box = "<rect x=\"" + node.x() + "\" y=\"" + node.y() + "\" width=\"" + NODE_WIDTH + "\" height=\"" + NODE_HEIGHT
                + "\" rx=\"6\" fill=\"" + (party.us() ? "#1676f3" : "#f3f5f7") + "\" stroke=\"#c4ccd5\"/>"
                + "<text x=\"" + (node.x() + NODE_WIDTH / 2) + "\" y=\"" + (node.middle() + 4) + "\" text-anchor=\"middle\" fill=\""
                + (party.us() ? "#ffffff" : "#1a2733") + "\">" + escape(shorten(party.name())) + "</text>";
        if (party.us()) {
            return "<g class=\"node us\">" + box + "</g>";
        }
        return "<g class=\"node\" data-account=\"" + party.accountId() + "\"><a href=\"accounts/" + party.accountId() + "\"><title>"
                + escape(party.name()) + "</title>" + box + "</a></g>";
    }

    private static String shorten(String name) {
        String n = name == null ? "?" : name;
        return n.length() > 30 ? n.substring(0, 29) + "…" : n;
    }

    static String escape(String text) {
        var out = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package org.crmworkbench.plugin.chain;

import org.crmworkbench.plugin.chain.map.ChainDiagram;
import org.crmworkbench.plugin.chain.map.Link;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.map.Party;
import org.crmworkbench.plugin.chain.role.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-side SVG of a chain: one node per party, one edge per link, clickable accounts. */
class ChainDiagramTest {

    private static final Party US = new Party(null, null, false);
    private static final Party ALFA = new Party(11L, "Alfa <&\" Producer", true);
    private static final Party BETA = new Party(12L, "Beta Producer", true);
    private static final Party KLANT_A = new Party(21L, "Klant A", false);
    private static final Party KLANT_B = new Party(22L, "Klant B", false);
    private static final Party KLANT_C = new Party(23L, "Klant C", false);

    private final List<Link> chain = List.of(
            link(1, ALFA, US, "100000", true),
            link(2, BETA, US, "20000", true),
            link(3, US, KLANT_A, "50000", true),
            link(4, US, KLANT_B, null, true),
            link(5, US, KLANT_C, "10000", false),
            link(6, ALFA, KLANT_C, "5000", true));

    private final String svg = ChainDiagram.svg(chain, "Groothandel Jansen", "Bearings", l -> "link " + l.id());

    @Test
    void every_party_is_one_node_however_many_links_it_has() {
        // five accounts (Alfa and Klant C in two links each) and our company
        assertThat(occurrences(svg, "<g class=\"node")).isEqualTo(6);
        assertThat(occurrences(svg, "<g class=\"node us\">")).isEqualTo(1);
        for (long account : List.of(11L, 12L, 21L, 22L, 23L)) {
            assertThat(occurrences(svg, "data-account=\"" + account + "\"")).as("account " + account).isEqualTo(1);
        }
    }

    @Test
    void every_link_is_one_edge() {
        assertThat(occurrences(svg, "class=\"edge\"")).isEqualTo(6);
        for (long link = 1; link <= 6; link++) {
            assertThat(occurrences(svg, "data-link=\"" + link + "\"")).as("link " + link).isEqualTo(1);
        }
    }

    @Test
    void each_account_node_links_to_its_account_page_and_our_company_to_none() {
        for (long account : List.of(11L, 12L, 21L, 22L, 23L)) {
            assertThat(occurrences(svg, "<a href=\"accounts/" + account + "\">")).as("account " + account).isEqualTo(1);
        }
        assertThat(occurrences(svg, "<a href=")).isEqualTo(5);
        assertThat(svg).contains(">Groothandel Jansen</text>");
    }

    @Test
    void names_are_escaped_so_they_cannot_break_the_markup() {
        assertThat(svg).contains("<title>Alfa &lt;&amp;&quot; Producer</title>").contains(">Alfa &lt;&amp;&quot; Producer</text>");
        assertThat(svg).doesNotContain("Alfa <&\"");
    }

    @Test
    void the_larger_revenue_draws_the_wider_line_and_a_link_without_revenue_the_thinnest() {
        assertThat(strokeWidth(1)).isEqualTo(10.0); // the largest revenue
        assertThat(strokeWidth(2)).isEqualTo(3.2);  // 1.5 + 8.5 * 20000 / 100000
        assertThat(strokeWidth(3)).isGreaterThan(strokeWidth(2)).isLessThan(strokeWidth(1));
        assertThat(strokeWidth(4)).isEqualTo(1.5);
    }

    @Test
    void only_the_ended_link_is_dashed() {
        assertThat(edge(5)).contains("stroke-dasharray=\"6 4\"").contains("stroke=\"#9aa5b1\"");
        for (long running : List.of(1L, 2L, 3L, 4L, 6L)) {
            assertThat(edge(running)).as("link " + running).doesNotContain("stroke-dasharray");
        }
    }

    @Test
    void producers_are_drawn_left_our_company_in_the_centre_and_customers_right() {
        assertThat(nodeX("data-account=\"11\"")).isEqualTo(20);
        assertThat(nodeX("data-account=\"12\"")).isEqualTo(20);
        assertThat(nodeX("us")).isEqualTo(370);
        assertThat(nodeX("data-account=\"21\"")).isEqualTo(720);
        assertThat(nodeX("data-account=\"23\"")).isEqualTo(720);
    }

    @Test
    void an_empty_chain_draws_no_nodes_and_no_edges() {
        String empty = ChainDiagram.svg(List.of(), "Groothandel Jansen", "Seals", l -> "");
        assertThat(empty).startsWith("<svg").endsWith("</svg>").contains("<title>Seals</title>");
        assertThat(occurrences(empty, "class=\"node")).isZero();
        assertThat(occurrences(empty, "class=\"edge\"")).isZero();
    }

    private static Link link(long id, Party from, Party to, String revenue, boolean active) {
        return new Link(id, "Bearings", from, to, LinkKind.SUPPLIES, LocalDate.of(2025, 1, 1), active ? null : LocalDate.of(2025, 12, 31),
                null, revenue == null ? null : new BigDecimal(revenue), "", Map.of(Role.STEERING, 3), active, 0);
    }

    private String edge(long linkId) {
        Matcher m = Pattern.compile("<path class=\"edge\" data-link=\"" + linkId + "\"[^>]*>").matcher(svg);
        assertThat(m.find()).as("edge of link " + linkId).isTrue();
        return m.group();
    }

    private double strokeWidth(long linkId) {
        Matcher m = Pattern.compile("stroke-width=\"([0-9.]+)\"").matcher(edge(linkId));
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The left edge of a node's box: {@code data-account="11"}, or {@code us} for our company. */
    private int nodeX(String node) {
        String open = node.equals("us") ? "<g class=\"node us\">" : "<g class=\"node\" " + node + ">";
        Matcher m = Pattern.compile(Pattern.quote(open) + ".*?<rect x=\"(\\d+)\"").matcher(svg);
        assertThat(m.find()).as(node).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}

package org.crmworkbench.plugin.nps.results;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {

    @Test
    void the_sparkline_dots_the_months_with_answers_and_joins_them() {
        String svg = Charts.sparkline(List.of(Optional.of(new BigDecimal("100")), Optional.empty(),
                Optional.of(new BigDecimal("-100"))), 106, 46);
        assertThat(svg).contains("<path d='M3.0 3.0 L103.0 43.0'");
        assertThat(svg.split("<circle", -1)).hasSize(3);
        assertThat(Charts.sparkline(List.of(Optional.empty(), Optional.empty()), 100, 40)).doesNotContain("<path", "<circle");
    }

    @Test
    void bars_show_a_dash_for_months_without_answers_and_escape_labels() {
        String svg = Charts.bars(List.of(new NpsResults.Row("2026-01", "2026-01", Nps.of(9, 9, 5)),
                new NpsResults.Row("<b>", "<b>", Nps.EMPTY)), Locale.ENGLISH);
        assertThat(svg).contains(">33.3<", ">—<", "&lt;b&gt;").doesNotContain("<b>");
        assertThat(svg.split("<rect", -1)).hasSize(2);
    }
}

package org.crmworkbench.plugin.rating.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdsTest {

    @Test
    void pairs_are_read_in_any_order_with_spaces_in_numbers_and_written_back_by_score() {
        var revenue = Thresholds.parse("8: 50000; 4: 10 000", 10, false).thresholds();
        assertThat(revenue.format()).isEqualTo("4: 10000; 8: 50000");
        assertThat(revenue.steps()).extracting(Thresholds.Step::score).containsExactly(4, 8);
        var recency = Thresholds.parse("6: 90; 10: 30", 10, true).thresholds();
        assertThat(recency.format()).as("for recency a higher score has a lower bound").isEqualTo("6: 90; 10: 30");
    }

    @Test
    void bad_thresholds_are_refused_with_the_reason() {
        assertThat(Thresholds.parse("", 10, false).errorKey()).isEqualTo("thresholds.required");
        assertThat(Thresholds.parse("4 10000", 10, false).errorKey()).isEqualTo("thresholds.format");
        assertThat(Thresholds.parse("4: veel", 10, false).errorKey()).isEqualTo("thresholds.format");
        assertThat(Thresholds.parse("11: 5", 10, false).errorKey()).isEqualTo("thresholds.score-range");
        assertThat(Thresholds.parse("1: 5", 10, false).errorKey()).isEqualTo("thresholds.score-range");
        assertThat(Thresholds.parse("4: 5; 4: 6", 10, false).errorKey()).isEqualTo("thresholds.duplicate");
        assertThat(Thresholds.parse("4: 500; 8: 100", 10, false).errorKey()).isEqualTo("thresholds.order-ascending");
        assertThat(Thresholds.parse("4: 30; 8: 90", 10, true).errorKey()).isEqualTo("thresholds.order-descending");
        assertThat(Thresholds.parse("4: 1,5; 8: 2,25", 10, false).errorKey()).isNull();
    }
}

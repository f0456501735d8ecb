package org.crmworkbench.plugin.rating.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdsTest {

    @Test
    void a_value_scores_the_highest_score_whose_minimum_it_reaches_else_1() {
        var revenue = Thresholds.parse("8: 50000; 4: 10 000", 10, false).thresholds();
        assertThat(revenue.format()).isEqualTo("4: 10000; 8: 50000");
        assertThat(revenue.score(new BigDecimal("9999.99"), false)).isEqualTo(1);
        assertThat(revenue.score(new BigDecimal("10000"), false)).isEqualTo(4);
        assertThat(revenue.score(new BigDecimal("50000"), false)).isEqualTo(8);
        assertThat(revenue.score(null, false)).isEqualTo(1);
    }

    @Test
    void for_recency_a_bound_is_a_maximum() {
        var recency = Thresholds.parse("10: 30; 6: 90", 10, true).thresholds();
        assertThat(recency.score(new BigDecimal("12"), true)).isEqualTo(10);
        assertThat(recency.score(new BigDecimal("90"), true)).isEqualTo(6);
        assertThat(recency.score(new BigDecimal("91"), true)).isEqualTo(1);
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

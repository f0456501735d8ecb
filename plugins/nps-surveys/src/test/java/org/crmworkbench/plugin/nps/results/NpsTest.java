package org.crmworkbench.plugin.nps.results;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The NPS examples of DOMAIN.md section 3. */
class NpsTest {

    private static final Locale NL = Locale.of("nl");

    @Test
    void ten_answers_with_5_promoters_3_passives_and_2_detractors_give_30() {
        var nps = Nps.of(10, 9, 9, 10, 9, 8, 7, 7, 6, 0);
        assertThat(nps).isEqualTo(new Nps(5, 3, 2));
        assertThat(nps.score()).contains(new BigDecimal("30.0"));
        assertThat(nps.format(Locale.ENGLISH)).isEqualTo("30");
        assertThat(nps.formatPercentage(Category.PROMOTER, Locale.ENGLISH)).isEqualTo("50%");
        assertThat(nps.formatPercentage(Category.DETRACTOR, Locale.ENGLISH)).isEqualTo("20%");
    }

    @Test
    void answers_10_8_3_give_0_and_9_9_5_give_33_3() {
        assertThat(Nps.of(10, 8, 3).score()).contains(new BigDecimal("0.0"));
        assertThat(Nps.of(10, 8, 3).format(Locale.ENGLISH)).isEqualTo("0");
        assertThat(Nps.of(9, 9, 5).score()).contains(new BigDecimal("33.3"));
        assertThat(Nps.of(9, 9, 5).format(Locale.ENGLISH)).isEqualTo("33.3");
        assertThat(Nps.of(9, 9, 5).format(NL)).isEqualTo("33,3");
    }

    @Test
    void no_answers_is_no_score_shown_as_a_dash_never_0() {
        assertThat(Nps.EMPTY.score()).isEmpty();
        assertThat(Nps.EMPTY.format(Locale.ENGLISH)).isEqualTo("—");
        assertThat(Nps.EMPTY.formatPercentage(Category.PASSIVE, Locale.ENGLISH)).isEqualTo("—");
    }

    @Test
    void only_detractors_give_minus_100_and_only_promoters_100() {
        assertThat(Nps.of(0, 6, 3).score()).contains(new BigDecimal("-100.0"));
        assertThat(Nps.of(0, 6, 3).format(Locale.ENGLISH)).isEqualTo("-100");
        assertThat(Nps.of(9, 10).score()).contains(new BigDecimal("100.0"));
    }

    @Test
    void rounding_is_half_up_to_one_decimal() {
        // 2 promoters, 0 passives, 1 detractor in 6 answers would be 16.666..; 1/6 = 16.7
        assertThat(new Nps(2, 3, 1).score()).contains(new BigDecimal("16.7"));
        // -1/6 = -16.666.. rounds to -16.7 (half up is away from zero)
        assertThat(new Nps(1, 3, 2).score()).contains(new BigDecimal("-16.7"));
        // 1/8 = 12.5 exactly
        assertThat(new Nps(1, 7, 0).score()).contains(new BigDecimal("12.5"));
    }

    @Test
    void categories_follow_the_scale() {
        assertThat(Category.of(0)).isEqualTo(Category.DETRACTOR);
        assertThat(Category.of(6)).isEqualTo(Category.DETRACTOR);
        assertThat(Category.of(7)).isEqualTo(Category.PASSIVE);
        assertThat(Category.of(8)).isEqualTo(Category.PASSIVE);
        assertThat(Category.of(9)).isEqualTo(Category.PROMOTER);
        assertThat(Category.of(10)).isEqualTo(Category.PROMOTER);
        assertThatThrownBy(() -> Category.of(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Category.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

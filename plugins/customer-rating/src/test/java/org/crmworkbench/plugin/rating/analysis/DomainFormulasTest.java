package org.crmworkbench.plugin.rating.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of DOMAIN.md section 2, exactly. */
class DomainFormulasTest {

    @Test
    void weights_3_2_5_and_scores_8_4_6_give_62_which_fails_the_knock_out_on_criterion_2() {
        var result = WeightedRating.evaluate(List.of(
                new WeightedRating.Part("market position", BigDecimal.valueOf(3), 8, null),
                new WeightedRating.Part("relationship", BigDecimal.valueOf(2), 4, 5),
                new WeightedRating.Part("assortment fit", BigDecimal.valueOf(5), 6, null)), BigDecimal.valueOf(50));

        assertThat(result.value()).isEqualByComparingTo("62");
        assertThat(result.qualifies()).isFalse();
        assertThat(result.knockedOut()).containsExactly("relationship");
        assertThat(WeightedRating.evaluate(List.of(new WeightedRating.Part("x", BigDecimal.valueOf(2), 4, 4)),
                BigDecimal.valueOf(9)).qualifies()).as("below the minimum total").isFalse();
    }

    @Test
    void quintile_scores_of_frequencies_1_2_2_7_9_are_1_2_2_4_5() {
        int[] ranks = {1, 2, 2, 4, 5}; // SQL RANK(): ties share the lowest rank
        assertThat(java.util.Arrays.stream(ranks).map(rank -> Quintiles.score(rank, 5)).toArray()).containsExactly(1, 2, 2, 4, 5);
        assertThat(Quintiles.score(1, 1)).isEqualTo(1);
        assertThat(Quintiles.score(200_000, 200_000)).as("no rounding up at the top edge").isEqualTo(5);
        assertThat(Quintiles.score(40_001, 200_000)).isEqualTo(2);
        assertThat(Quintiles.score(40_000, 200_000)).isEqualTo(1);
    }

    @Test
    void the_pyramid_of_7_customers_is_1_0_1_5_and_of_1000_is_10_40_150_800() {
        assertThat(layers(7)).containsEntry(PyramidLayer.TOP, 1).containsEntry(PyramidLayer.LARGE, 0)
                .containsEntry(PyramidLayer.MEDIUM, 1).containsEntry(PyramidLayer.SMALL, 5);
        assertThat(layers(1000)).containsEntry(PyramidLayer.TOP, 10).containsEntry(PyramidLayer.LARGE, 40)
                .containsEntry(PyramidLayer.MEDIUM, 150).containsEntry(PyramidLayer.SMALL, 800);
    }

    @Test
    void clv_examples_2051_09_and_30490_71() {
        assertThat(new Clv(new BigDecimal("0.8"), new BigDecimal("0.1"), 3).of(new BigDecimal("1000")))
                .isEqualByComparingTo("2051.09");
        assertThat(new Clv(new BigDecimal("0.75"), new BigDecimal("0.08"), 5).of(new BigDecimal("12000")))
                .isEqualByComparingTo("30490.71");
    }

    @Test
    void a_higher_retention_raises_clv_markedly() {
        var rows = new Clv(new BigDecimal("0.75"), new BigDecimal("0.08"), 5).sensitivity(new BigDecimal("12000"));
        assertThat(rows).extracting(Clv.Row::points).containsExactly(-10, 0, 10);
        assertThat(rows.get(1).clv()).isEqualByComparingTo("30490.71");
        assertThat(rows.get(0).clv()).isLessThan(rows.get(1).clv());
        assertThat(rows.get(2).clv()).isGreaterThan(rows.get(1).clv());
        assertThat(new Clv(new BigDecimal("0.95"), new BigDecimal("0.08"), 5).sensitivity(BigDecimal.TEN).get(2).retention())
                .as("capped at 100 %").isEqualByComparingTo("1");
    }

    private static EnumMap<PyramidLayer, Integer> layers(int n) {
        var counts = new EnumMap<PyramidLayer, Integer>(PyramidLayer.class);
        for (PyramidLayer layer : PyramidLayer.values()) {
            counts.put(layer, 0);
        }
        for (int k = 1; k <= n; k++) {
            counts.merge(PyramidLayer.of(k, n, PyramidShares.DEFAULT), 1, Integer::sum);
        }
        return counts;
    }
}

package org.crmworkbench.plugin.tender;

import org.crmworkbench.plugin.tender.decision.BidScore;
import org.crmworkbench.plugin.tender.decision.BidScore.Scored;
import org.crmworkbench.plugin.tender.decision.Recommendation;
import org.crmworkbench.plugin.tender.decision.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The weighted bid/no-bid score and its advice, without a database. */
class BidScoreTest {

    private static final Thresholds SEVENTY_FIFTY = new Thresholds(70, 50, 14);

    /** The seven criteria of the migration's seed rows with their weights 20, 20, 10, 15, 15, 10, 10. */
    private static List<Scored> seeded(int... scores) {
        int[] weights = {20, 20, 10, 15, 15, 10, 10};
        return java.util.stream.IntStream.range(0, weights.length).mapToObj(i -> new Scored(weights[i], scores[i])).toList();
    }

    @Test
    void the_total_is_the_weighted_share_of_the_maximum_score_out_of_100() {
        // 5/5*20 + 4/5*20 + 3/5*10 + 4/5*15 + 3/5*15 + 2/5*10 + 1/5*10
        //   = 20 + 16 + 6 + 12 + 9 + 4 + 2 = 69 points of the 100 weight -> 69.0
        assertThat(BidScore.total(seeded(5, 4, 3, 4, 3, 2, 1))).isEqualByComparingTo("69.0").hasScaleOf(1);
        assertThat(BidScore.total(seeded(5, 5, 5, 5, 5, 5, 5))).isEqualByComparingTo("100.0");
        assertThat(BidScore.total(seeded(0, 0, 0, 0, 0, 0, 0))).isEqualByComparingTo("0.0");
    }

    @Test
    void the_total_is_rounded_to_one_decimal_half_up() {
        // 1/5 * 1 / 3 weight = 6.666..% -> 6.7
        assertThat(BidScore.total(List.of(new Scored(1, 1), new Scored(2, 0)))).isEqualByComparingTo("6.7");
        // 1 point of 400 x 5 = 0.05% exactly: half up gives 0.1 (half even would give 0.0)
        assertThat(BidScore.total(List.of(new Scored(1, 1), new Scored(100, 0), new Scored(100, 0), new Scored(100, 0),
                new Scored(99, 0)))).isEqualByComparingTo("0.1");
    }

    @Test
    void no_criteria_give_a_total_of_zero() {
        assertThat(BidScore.total(List.of())).isEqualByComparingTo("0.0").hasScaleOf(1);
        assertThat(BidScore.advise(List.of(), true, SEVENTY_FIFTY).recommendation()).isEqualTo(Recommendation.NO_BID);
    }

    @Test
    void the_seeded_example_at_69_is_advised_for_review() {
        var outcome = BidScore.advise(seeded(5, 4, 3, 4, 3, 2, 1), true, SEVENTY_FIFTY);
        assertThat(outcome.total()).isEqualByComparingTo("69.0");
        assertThat(outcome.recommendation()).isEqualTo(Recommendation.REVIEW);
        assertThat(outcome.failedCheck()).isFalse();
    }

    @Test
    void exactly_the_bid_threshold_is_advised_to_bid() {
        // (4 x 5 + 3 x 5) / (10 x 5) = 70.0
        var outcome = BidScore.advise(List.of(new Scored(5, 4), new Scored(5, 3)), true, SEVENTY_FIFTY);
        assertThat(outcome.total()).isEqualByComparingTo("70.0");
        assertThat(outcome.recommendation()).isEqualTo(Recommendation.BID);
    }

    @Test
    void from_the_review_threshold_up_to_just_below_the_bid_threshold_is_advised_for_review() {
        // (4 x 100 + 3 x 99 + 2 x 1) = 699 of 1000 -> 69.9
        var justBelowBid = BidScore.advise(List.of(new Scored(100, 4), new Scored(99, 3), new Scored(1, 2)), true, SEVENTY_FIFTY);
        assertThat(justBelowBid.total()).isEqualByComparingTo("69.9");
        assertThat(justBelowBid.recommendation()).isEqualTo(Recommendation.REVIEW);
        // (3 x 5 + 2 x 5) / 50 = 50.0
        var atReview = BidScore.advise(List.of(new Scored(5, 3), new Scored(5, 2)), true, SEVENTY_FIFTY);
        assertThat(atReview.total()).isEqualByComparingTo("50.0");
        assertThat(atReview.recommendation()).isEqualTo(Recommendation.REVIEW);
    }

    @Test
    void below_the_review_threshold_is_advised_not_to_bid() {
        // (3 x 100 + 2 x 99 + 1 x 1) = 499 of 1000 -> 49.9
        var outcome = BidScore.advise(List.of(new Scored(100, 3), new Scored(99, 2), new Scored(1, 1)), true, SEVENTY_FIFTY);
        assertThat(outcome.total()).isEqualByComparingTo("49.9");
        assertThat(outcome.recommendation()).isEqualTo(Recommendation.NO_BID);
        assertThat(outcome.failedCheck()).isFalse();
    }

    @Test
    void a_failed_check_advises_no_bid_despite_a_full_total() {
        var outcome = BidScore.advise(seeded(5, 5, 5, 5, 5, 5, 5), false, SEVENTY_FIFTY);
        assertThat(outcome.total()).isEqualByComparingTo("100.0");
        assertThat(outcome.recommendation()).isEqualTo(Recommendation.NO_BID);
        assertThat(outcome.failedCheck()).isTrue();
    }

    @Test
    void other_thresholds_move_the_advice() {
        var scores = seeded(5, 4, 3, 4, 3, 2, 1);
        assertThat(BidScore.advise(scores, true, new Thresholds(60, 40, 14)).recommendation()).isEqualTo(Recommendation.BID);
        assertThat(BidScore.advise(scores, true, new Thresholds(90, 80, 14)).recommendation()).isEqualTo(Recommendation.NO_BID);
        assertThat(Thresholds.DEFAULT).isEqualTo(SEVENTY_FIFTY);
    }

    @Test
    void a_score_outside_0_to_5_a_weight_below_1_or_a_review_above_the_bid_threshold_is_refused() {
        assertThatThrownBy(() -> new Scored(10, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scored(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scored(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(50, 70, 14)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(101, 50, 14)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(70, 50, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

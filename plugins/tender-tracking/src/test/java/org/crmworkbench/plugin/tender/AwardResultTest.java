package org.crmworkbench.plugin.tender;

import org.crmworkbench.plugin.tender.award.AwardResult;
import org.crmworkbench.plugin.tender.award.AwardResult.Bid;
import org.crmworkbench.plugin.tender.award.AwardResult.Ranked;
import org.crmworkbench.plugin.tender.award.PriceFormula;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The ranking after an award decision, our gap to the winner and the price that would have won. */
class AwardResultTest {

    private static final long QUALITY = 1L;
    private static final BigDecimal FORTY = new BigDecimal("40");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private static Bid bid(String name, boolean us, String price, String qualityPoints) {
        return new Bid(name, us, new BigDecimal(price), qualityPoints == null ? Map.of() : Map.of(QUALITY, new BigDecimal(qualityPoints)));
    }

    /** Best price-quality: quality 60, price 40; the rival is cheaper, we score better on quality. */
    private static List<Bid> priceQuality(String ourPrice) {
        return List.of(bid("Rival BV", false, "100000", "45"), bid("Us", true, ourPrice, "50"));
    }

    private static Ranked ranked(AwardResult result, String name) {
        return result.ranking().stream().filter(r -> r.bid().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void best_price_quality_with_the_relative_formula_ranks_the_cheaper_rival_first_by_1_67_points() {
        var result = AwardResult.of(priceQuality("120000"), FORTY, PriceFormula.RELATIVE);

        // rival: lowest price, full 40 + 45 = 85.00; us: 100000 / 120000 x 40 = 33.333.. -> 33.33 + 50 = 83.33
        assertThat(result.ranking()).extracting(r -> r.bid().name(), Ranked::pricePoints, Ranked::qualityPoints, Ranked::total, Ranked::rank)
                .containsExactly(tuple("Rival BV", new BigDecimal("40.00"), new BigDecimal("45.00"), new BigDecimal("85.00"), 1),
                        tuple("Us", new BigDecimal("33.33"), new BigDecimal("50.00"), new BigDecimal("83.33"), 2));
        assertThat(result.winner().orElseThrow().bid().name()).isEqualTo("Rival BV");
        assertThat(result.us().orElseThrow().rank()).isEqualTo(2);
        assertThat(result.gap()).contains(new BigDecimal("1.67"));
    }

    @Test
    void the_price_to_win_is_the_highest_cent_at_which_our_rounded_total_beats_the_winners() {
        var result = AwardResult.of(priceQuality("120000"), FORTY, PriceFormula.RELATIVE);

        // The rival keeps the lowest price down to 100000, so it keeps 40.00 + 45 = 85.00. We need more
        // than 85.00, i.e. price points that round to 35.01: 4,000,000 / p >= 35.005, p <= 114269.3901.
        // At 114269.39: 35.0050003 -> 35.01, total 85.01, a win. At 114269.40: 35.0049970 -> 35.00, a tie.
        // The "exact" break-even 100000 / 114285.71 x 40 = 35.0000018 -> 35.00 is a tie, not a win.
        assertThat(result.priceToWin()).contains(new BigDecimal("114269.39"));

        var atPriceToWin = AwardResult.of(priceQuality("114269.39"), FORTY, PriceFormula.RELATIVE);
        assertThat(ranked(atPriceToWin, "Us")).extracting(Ranked::pricePoints, Ranked::total, Ranked::rank)
                .containsExactly(new BigDecimal("35.01"), new BigDecimal("85.01"), 1);
        assertThat(atPriceToWin.priceToWin()).isEmpty();
        assertThat(atPriceToWin.gap()).contains(new BigDecimal("0.00"));

        var oneCentMore = AwardResult.of(priceQuality("114269.40"), FORTY, PriceFormula.RELATIVE);
        assertThat(ranked(oneCentMore, "Us")).extracting(Ranked::total, Ranked::rank).containsExactly(new BigDecimal("85.00"), 2);
        var breakEven = AwardResult.of(priceQuality("114285.71"), FORTY, PriceFormula.RELATIVE);
        assertThat(ranked(breakEven, "Us")).extracting(Ranked::pricePoints, Ranked::total, Ranked::rank)
                .as("a tie on the total goes to the lower price").containsExactly(new BigDecimal("35.00"), new BigDecimal("85.00"), 2);
        assertThat(breakEven.priceToWin()).contains(new BigDecimal("114269.39"));
    }

    @Test
    void the_linear_formula_takes_off_the_weight_in_proportion_to_the_excess_over_the_lowest_price() {
        var result = AwardResult.of(priceQuality("120000"), FORTY, PriceFormula.LINEAR);

        // 40 x (1 - 20000 / 100000) = 32.00
        assertThat(ranked(result, "Us")).extracting(Ranked::pricePoints, Ranked::total, Ranked::rank)
                .containsExactly(new BigDecimal("32.00"), new BigDecimal("82.00"), 2);
        assertThat(result.gap()).contains(new BigDecimal("3.00"));
        // 40 x (2 - p / 100000) >= 35.005 -> p <= 112487.50; at 112487.51 the points are 35.0049960 -> 35.00
        assertThat(result.priceToWin()).contains(new BigDecimal("112487.50"));

        assertThat(PriceFormula.LINEAR.points(new BigDecimal("100000"), new BigDecimal("100000"), FORTY)).isEqualByComparingTo("40");
        assertThat(PriceFormula.LINEAR.points(new BigDecimal("200000"), new BigDecimal("100000"), FORTY)).isEqualByComparingTo("0");
        assertThat(PriceFormula.LINEAR.points(new BigDecimal("250000"), new BigDecimal("100000"), FORTY))
                .as("more than twice the lowest price scores nothing, not less").isEqualByComparingTo("0");
        assertThat(PriceFormula.RELATIVE.points(new BigDecimal("200000"), new BigDecimal("100000"), FORTY)).isEqualByComparingTo("20");
    }

    @Test
    void a_lowest_price_award_ranks_on_price_alone_and_the_price_to_win_is_just_below_the_rivals_price() {
        var bids = List.of(bid("Cheap BV", false, "90000", null), bid("Us", true, "95000", null));
        var result = AwardResult.of(bids, HUNDRED, PriceFormula.RELATIVE);

        // 90000 / 95000 x 100 = 94.736.. -> 94.74
        assertThat(result.ranking()).extracting(r -> r.bid().name(), Ranked::total, Ranked::rank)
                .containsExactly(tuple("Cheap BV", new BigDecimal("100.00"), 1), tuple("Us", new BigDecimal("94.74"), 2));
        assertThat(result.gap()).contains(new BigDecimal("5.26"));
        // Below 90000 we have the lowest price and 100.00; the rival's p / 90000 x 100 may round to 100.00 too
        // (from 89995.50 on), and then the ranking puts the lower price first: so any price below 90000 wins.
        assertThat(result.priceToWin()).contains(new BigDecimal("89999.99"));
    }

    @Test
    void equal_totals_go_to_the_lower_price_and_equal_totals_and_prices_share_a_rank() {
        var result = AwardResult.of(List.of(bid("A", false, "100", null), bid("B", false, "100", null), bid("C", false, "200", null)),
                HUNDRED, PriceFormula.RELATIVE);
        assertThat(result.ranking()).extracting(Ranked::total, Ranked::rank)
                .containsExactly(tuple(new BigDecimal("100.00"), 1), tuple(new BigDecimal("100.00"), 1), tuple(new BigDecimal("50.00"), 3));
        assertThat(result.us()).isEmpty();
        assertThat(result.gap()).as("we did not bid").isEmpty();
        assertThat(result.priceToWin()).isEmpty();

        // 80 quality + 20 price each: the same total, the lower price ranks first
        var tie = AwardResult.of(List.of(new Bid("Dear", false, new BigDecimal("200"), Map.of(QUALITY, new BigDecimal("60"))),
                new Bid("Cheap", false, new BigDecimal("100"), Map.of(QUALITY, new BigDecimal("40")))), FORTY, PriceFormula.RELATIVE);
        assertThat(tie.ranking()).extracting(r -> r.bid().name(), Ranked::total, Ranked::rank)
                .containsExactly(tuple("Cheap", new BigDecimal("80.00"), 1), tuple("Dear", new BigDecimal("80.00"), 2));
    }

    @Test
    void when_we_win_there_is_no_price_to_win_and_the_gap_is_zero() {
        var result = AwardResult.of(List.of(bid("Rival BV", false, "100000", "30"), bid("Us", true, "110000", "55")), FORTY,
                PriceFormula.RELATIVE);
        assertThat(result.us().orElseThrow().rank()).isEqualTo(1);
        assertThat(result.priceToWin()).isEmpty();
        assertThat(result.gap()).contains(new BigDecimal("0.00"));
    }

    @Test
    void when_no_price_would_have_been_enough_there_is_no_price_to_win() {
        // even at one cent we get 40 + 10 = 50 against the rival's ~0 + 60
        var result = AwardResult.of(List.of(bid("Rival BV", false, "100000", "60"), bid("Us", true, "90000", "10")), FORTY,
                PriceFormula.RELATIVE);
        assertThat(result.us().orElseThrow().rank()).isEqualTo(2);
        assertThat(result.priceToWin()).isEmpty();
        // rival 90000 / 100000 x 40 = 36.00 + 60 = 96.00; us 40.00 + 10 = 50.00
        assertThat(result.gap()).contains(new BigDecimal("46.00"));
    }

    @Test
    void no_bidders_give_an_empty_ranking() {
        var result = AwardResult.of(List.of(), FORTY, PriceFormula.RELATIVE);
        assertThat(result.ranking()).isEmpty();
        assertThat(result.winner()).isEmpty();
        assertThat(result.gap()).isEmpty();
        assertThat(result.priceToWin()).isEmpty();
    }
}

package org.crmworkbench.plugin.tender.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ranking after an award decision. Each bidder's total is its price points (from the
 * {@link PriceFormula} over all prices) plus the points it got on the quality criteria; the lowest
 * price award is one price criterion of weight 100. Ranked by total, then by price. For us it tells the
 * gap to the winner and the highest price at which we would have won with the same quality points.
 *
 * @param ranking      every bidder, best first, with its rank (1 = winner)
 * @param priceToWin   when we lost: the highest price (to the cent) at which our total, with the same
 *                     quality points, would have beaten every other bidder's; empty when we won, did not
 *                     bid, or no price would have been enough
 */
public record AwardResult(List<Ranked> ranking, Optional<BigDecimal> priceToWin) {

    /** A bidder as entered: its price and its points per quality criterion id. */
    public record Bid(String name, boolean us, BigDecimal price, Map<Long, BigDecimal> qualityPoints) {
        BigDecimal quality() {
            return qualityPoints.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A bidder's place: points on price, on quality, the total (two decimals, half up) and rank. */
    public record Ranked(Bid bid, BigDecimal pricePoints, BigDecimal qualityPoints, BigDecimal total, int rank) {
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");

    public Optional<Ranked> winner() {
        return ranking.isEmpty() ? Optional.empty() : Optional.of(ranking.getFirst());
    }

    public Optional<Ranked> us() {
        return ranking.stream().filter(r -> r.bid().us()).findFirst();
    }

    /** How many points the winner had more than we; zero when we won; empty when we are not ranked. */
    public Optional<BigDecimal> gap() {
        return us().flatMap(us -> winner().map(w -> w.total().subtract(us.total())));
    }

    /**
     * Ranks the bids.
     *
     * @param priceWeight the weight of the price criterion (100 for a lowest price award)
     */
    public static AwardResult of(List<Bid> bids, BigDecimal priceWeight, PriceFormula formula) {
        var ranked = rank(bids, priceWeight, formula);
        Optional<BigDecimal> priceToWin = ranked.stream().filter(r -> r.bid().us() && r.rank() > 1).findFirst()
                .flatMap(us -> priceToWin(bids, us.bid(), priceWeight, formula));
        return new AwardResult(ranked, priceToWin);
    }

    private static List<Ranked> rank(List<Bid> bids, BigDecimal priceWeight, PriceFormula formula) {
        if (bids.isEmpty()) {
            return List.of();
        }
        BigDecimal lowest = bids.stream().map(Bid::price).min(Comparator.naturalOrder()).orElseThrow();
        var scored = new ArrayList<Ranked>();
        for (Bid bid : bids) {
            BigDecimal price = formula.points(bid.price(), lowest, priceWeight).setScale(2, RoundingMode.HALF_UP);
            BigDecimal quality = bid.quality().setScale(2, RoundingMode.HALF_UP);
            scored.add(new Ranked(bid, price, quality, price.add(quality), 0));
        }
        scored.sort(Comparator.comparing(Ranked::total).reversed().thenComparing(r -> r.bid().price()));
        var result = new ArrayList<Ranked>();
        for (int i = 0; i < scored.size(); i++) {
            var r = scored.get(i);
            boolean tie = i > 0 && r.total().compareTo(scored.get(i - 1).total()) == 0
                    && r.bid().price().compareTo(scored.get(i - 1).bid().price()) == 0;
            result.add(new Ranked(r.bid(), r.pricePoints(), r.qualityPoints(), r.total(), tie ? result.get(i - 1).rank() : i + 1));
        }
        return List.copyOf(result);
    }

    /*
     * Our lead over the best other bidder only grows as our price falls (our price points rise, theirs
     * fall or stay), and at our own price we lost: the highest winning price is found by bisection over
     * cents below it.
     */
    private static Optional<BigDecimal> priceToWin(List<Bid> bids, Bid us, BigDecimal priceWeight, PriceFormula formula) {
        if (!winsAt(bids, us, CENT, priceWeight, formula)) {
            return Optional.empty();
        }
        long low = 1;                                       // cents at which we win
        long high = us.price().movePointRight(2).longValue(); // cents at which we lost
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (winsAt(bids, us, BigDecimal.valueOf(middle, 2), priceWeight, formula)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Optional.of(BigDecimal.valueOf(low, 2));
    }

    private static boolean winsAt(List<Bid> bids, Bid us, BigDecimal price, BigDecimal priceWeight, PriceFormula formula) {
        var changed = bids.stream().map(b -> b == us ? new Bid(b.name(), true, price, b.qualityPoints()) : b).toList();
        var ranking = rank(changed, priceWeight, formula);
        // the ranking's own order decides (total, then the lower price): we win when first and not tied there
        return ranking.getFirst().bid().us() && (ranking.size() == 1 || ranking.get(1).rank() > 1);
    }
}

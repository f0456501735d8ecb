package org.crmworkbench.plugin.tender.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The bid/no-bid scoring: each criterion scored 0..5 counts with its weight, the total is out of 100
 * ({@code sum(score / 5 x weight) / sum(weight) x 100}, one decimal, half up). A failed pass/fail check
 * makes the advice NO_BID whatever the total; otherwise BID from the bid threshold, REVIEW from the
 * review threshold, else NO_BID.
 */
public final class BidScore {

    public static final int MAX_SCORE = 5;

    /** One criterion's weight and score. */
    public record Scored(int weight, int score) {
        public Scored {
            if (weight < 1 || score < 0 || score > MAX_SCORE) {
                throw new IllegalArgumentException("weight >= 1 and score 0..5: " + weight + ", " + score);
            }
        }
    }

    /** The advice and the total it came from. */
    public record Outcome(BigDecimal total, Recommendation recommendation, boolean failedCheck) {
    }

    private BidScore() {
    }

    public static BigDecimal total(Collection<Scored> scores) {
        int weights = scores.stream().mapToInt(Scored::weight).sum();
        if (weights == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        long points = scores.stream().mapToLong(s -> (long) s.score() * s.weight()).sum();
        return BigDecimal.valueOf(points * 100).divide(BigDecimal.valueOf((long) weights * MAX_SCORE), 1, RoundingMode.HALF_UP);
    }

    public static Outcome advise(Collection<Scored> scores, boolean allChecksPassed, Thresholds thresholds) {
        BigDecimal total = total(scores);
        if (!allChecksPassed) {
            return new Outcome(total, Recommendation.NO_BID, true);
        }
        Recommendation advice = total.compareTo(BigDecimal.valueOf(thresholds.bid())) >= 0 ? Recommendation.BID
                : total.compareTo(BigDecimal.valueOf(thresholds.review())) >= 0 ? Recommendation.REVIEW : Recommendation.NO_BID;
        return new Outcome(total, advice, false);
    }
}

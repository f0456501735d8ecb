package org.crmworkbench.plugin.rating.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The weighted rating of DOMAIN.md 2: {@code value = sum of weight_i x score_i}; an account qualifies
 * when every knock-out minimum is met and the value reaches the model's minimum total.
 */
public final class WeightedRating {

    private WeightedRating() {
    }

    /**
     * One criterion's part.
     *
     * @param name     criterion name
     * @param weight   weight
     * @param score    the account's score on the scale
     * @param minScore knock-out minimum, or null
     */
    public record Part(String name, BigDecimal weight, int score, Integer minScore) {

        public BigDecimal contribution() {
            return weight.multiply(BigDecimal.valueOf(score));
        }

        public boolean knockedOut() {
            return minScore != null && score < minScore;
        }
    }

    /**
     * @param value      the weighted value
     * @param qualifies  all knock-outs met and value at least the minimum total
     * @param knockedOut names of the criteria whose minimum was not met
     */
    public record Result(BigDecimal value, boolean qualifies, List<String> knockedOut) {
    }

    public static Result evaluate(List<Part> parts, BigDecimal minimumTotal) {
        BigDecimal value = BigDecimal.ZERO;
        var knockedOut = new ArrayList<String>();
        for (Part part : parts) {
            value = value.add(part.contribution());
            if (part.knockedOut()) {
                knockedOut.add(part.name());
            }
        }
        boolean enough = minimumTotal == null || value.compareTo(minimumTotal) >= 0;
        return new Result(value, knockedOut.isEmpty() && enough, List.copyOf(knockedOut));
    }
}

package org.crmworkbench.plugin.rating.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps a computed criterion's raw value to its scale: the highest score whose bound the value
 * reaches, else 1. A bound is a minimum ("revenue at least 50,000 scores 8"), or for a rule where
 * lower is better a maximum ("at most 30 days since the last order scores 10"). The rating run applies
 * them in SQL ({@code RatingRun}); this class reads, checks and writes them.
 *
 * <p>Written as {@code score: bound} pairs separated by {@code ;}, e.g. {@code 4: 10000; 8: 50000}.
 *
 * @param steps the pairs, by ascending score
 */
public record Thresholds(List<Step> steps) {

    /** One pair: from {@code bound} on the value scores {@code score}. */
    public record Step(int score, BigDecimal bound) {
    }

    public Thresholds {
        steps = steps.stream().sorted(Comparator.comparingInt(Step::score)).toList();
    }

    /** The text form, {@code 4: 10000; 8: 50000}. */
    public String format() {
        return steps.stream().map(s -> s.score() + ": " + s.bound().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("; "));
    }

    /**
     * Reads the text form and checks it against the scale and the direction of the rule.
     *
     * @return the thresholds, or the message key of what is wrong with them
     */
    public static Parsed parse(String text, int scaleMax, boolean lowerIsBetter) {
        var steps = new ArrayList<Step>();
        if (text == null || text.isBlank()) {
            return new Parsed(null, "thresholds.required");
        }
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split(":");
            if (pair.length != 2) {
                return new Parsed(null, "thresholds.format");
            }
            int score;
            BigDecimal bound;
            try {
                score = Integer.parseInt(pair[0].strip());
                bound = new BigDecimal(pair[1].strip().replace(" ", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                return new Parsed(null, "thresholds.format");
            }
            if (score < 2 || score > scaleMax) {
                return new Parsed(null, "thresholds.score-range");
            }
            if (bound.scale() > 2 || bound.abs().compareTo(new BigDecimal("1e15")) >= 0) {
                return new Parsed(null, "thresholds.format");
            }
            if (steps.stream().anyMatch(s -> s.score() == score)) {
                return new Parsed(null, "thresholds.duplicate");
            }
            steps.add(new Step(score, bound));
        }
        if (steps.isEmpty()) {
            return new Parsed(null, "thresholds.required");
        }
        var thresholds = new Thresholds(steps);
        var sorted = thresholds.steps();
        for (int i = 1; i < sorted.size(); i++) {
            int compared = sorted.get(i).bound().compareTo(sorted.get(i - 1).bound());
            if (lowerIsBetter ? compared >= 0 : compared <= 0) {
                return new Parsed(null, lowerIsBetter ? "thresholds.order-descending" : "thresholds.order-ascending");
            }
        }
        return new Parsed(thresholds, null);
    }

    /**
     * @param thresholds the thresholds when the text was right
     * @param errorKey   message key of the problem otherwise
     */
    public record Parsed(Thresholds thresholds, String errorKey) {

        public Optional<Thresholds> value() {
            return Optional.ofNullable(thresholds);
        }
    }
}

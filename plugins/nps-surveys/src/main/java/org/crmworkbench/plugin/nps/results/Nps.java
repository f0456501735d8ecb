package org.crmworkbench.plugin.nps.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * The answers of a group counted per category, and the Net Promoter Score they give:
 * {@code 100 x (promoters - detractors) / responses}, rounded half up to one decimal (DOMAIN.md
 * section 3). No answers, no score: shown as "—", never 0.
 */
public record Nps(long promoters, long passives, long detractors) {

    /** Shown where there is no score. */
    public static final String NONE = "—";

    public static final Nps EMPTY = new Nps(0, 0, 0);

    public Nps {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public static Nps of(int... scores) {
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        for (int score : scores) {
            switch (Category.of(score)) {
                case PROMOTER -> promoters++;
                case PASSIVE -> passives++;
                case DETRACTOR -> detractors++;
            }
        }
        return new Nps(promoters, passives, detractors);
    }

    public long responses() {
        return promoters + passives + detractors;
    }

    /** The score in -100..100 with one decimal; empty without answers. */
    public Optional<BigDecimal> score() {
        if (responses() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(100 * (promoters - detractors))
                .divide(BigDecimal.valueOf(responses()), 1, RoundingMode.HALF_UP));
    }

    /** A category's share of the responses in percent, one decimal; empty without answers. */
    public Optional<BigDecimal> percentage(Category category) {
        if (responses() == 0) {
            return Optional.empty();
        }
        long count = switch (category) {
            case PROMOTER -> promoters;
            case PASSIVE -> passives;
            case DETRACTOR -> detractors;
        };
        return Optional.of(BigDecimal.valueOf(100 * count).divide(BigDecimal.valueOf(responses()), 1, RoundingMode.HALF_UP));
    }

    /** The score as shown: {@code 30}, {@code 33.3} ({@code 33,3} in Dutch), {@code -100}, or "—". */
    public String format(Locale locale) {
        return score().map(value -> decimal(value, locale)).orElse(NONE);
    }

    /** A percentage as shown, e.g. {@code 50%}, or "—". */
    public String formatPercentage(Category category, Locale locale) {
        return percentage(category).map(value -> decimal(value, locale) + "%").orElse(NONE);
    }

    static String decimal(BigDecimal value, Locale locale) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(locale)).format(value);
    }
}

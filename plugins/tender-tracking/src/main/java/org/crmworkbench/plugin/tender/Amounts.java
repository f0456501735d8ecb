package org.crmworkbench.plugin.tender;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A sum of amounts in several currencies, kept apart: tenders have their own currency, and adding
 * dollars to euros would be wrong. Shown as {@code € 150.000 + US$ 7.000}, euros first.
 */
public record Amounts(Map<String, BigDecimal> byCurrency) {

    public static final Amounts NONE = new Amounts(Map.of());

    public Amounts {
        byCurrency = Map.copyOf(byCurrency);
    }

    public Amounts plus(String currency, BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return this;
        }
        var sum = new TreeMap<>(byCurrency);
        sum.merge(currency, value, BigDecimal::add);
        return new Amounts(sum);
    }

    public Amounts plus(Amounts other) {
        var sum = this;
        for (var entry : other.byCurrency.entrySet()) {
            sum = sum.plus(entry.getKey(), entry.getValue());
        }
        return sum;
    }

    /** The amount in one currency; zero when there is none. */
    public BigDecimal in(String currency) {
        return byCurrency.getOrDefault(currency, BigDecimal.ZERO);
    }

    public String format(Locale locale) {
        if (byCurrency.isEmpty()) {
            return Formats.money(BigDecimal.ZERO, "EUR", locale);
        }
        return byCurrency.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> "EUR".equals(a) ? -1 : "EUR".equals(b) ? 1 : a.compareTo(b)))
                .map(e -> Formats.money(e.getValue(), e.getKey(), locale)).collect(Collectors.joining(" + "));
    }
}

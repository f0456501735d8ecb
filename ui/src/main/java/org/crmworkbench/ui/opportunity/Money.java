package org.crmworkbench.ui.opportunity;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Euro amounts in the user's language (Dutch or English number style). */
public final class Money {

    private Money() {
    }

    public static NumberFormat format(Locale locale) {
        var format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty() ? Locale.of(locale.getLanguage(), "NL") : locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format;
    }

    /** Whole euros, for totals. */
    public static String whole(BigDecimal amount, Locale locale) {
        var format = format(locale);
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }
}

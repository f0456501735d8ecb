package org.crmworkbench.plugin.chain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** How the plugin writes amounts, numbers and dates, in the number style of the workbench's other screens. */
public final class Formats {

    private Formats() {
    }

    public static String euros(BigDecimal value, Locale locale) {
        if (value == null) {
            return "—";
        }
        var format = NumberFormat.getCurrencyInstance(Locale.of(locale.getLanguage(), "NL"));
        format.setCurrency(Currency.getInstance("EUR"));
        if (value.stripTrailingZeros().scale() <= 0) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(value);
    }

    public static String number(BigDecimal value, Locale locale) {
        return value == null ? "" : NumberFormat.getNumberInstance(Locale.of(locale.getLanguage(), "NL")).format(value);
    }

    /** One decimal in the user's notation, for average strengths. */
    public static String average(BigDecimal value, Locale locale) {
        var format = NumberFormat.getNumberInstance("nl".equals(locale.getLanguage()) ? Locale.of("nl", "NL") : Locale.UK);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }
}

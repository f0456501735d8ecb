package org.crmworkbench.plugin.tender;

import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.tender.register.TenderStatus;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** How the plugin writes amounts, dates and statuses for people. */
public final class Formats {

    private Formats() {
    }

    /**
     * An amount in its currency in the number style the workbench's other screens use (Dutch grouping in
     * either language), e.g. {@code € 250.000} or {@code € 89.999,99}; a dash when there is none.
     */
    public static String money(BigDecimal value, String currency, Locale locale) {
        if (value == null) {
            return "—";
        }
        var format = NumberFormat.getCurrencyInstance(Locale.of(locale.getLanguage(), "NL"));
        if (value.stripTrailingZeros().scale() <= 0) {
            format.setMaximumFractionDigits(0);
        }
        try {
            format.setCurrency(Currency.getInstance(currency == null ? "EUR" : currency));
        } catch (IllegalArgumentException e) {
            format.setCurrency(Currency.getInstance("EUR"));
        }
        return format.format(value);
    }

    /** Points with two decimals in the user's notation, as award scores are published. */
    public static String points(BigDecimal value, Locale locale) {
        return decimals(value, 2, locale);
    }

    /** A score, rate or average with one decimal in the user's notation. */
    public static String oneDecimal(BigDecimal value, Locale locale) {
        return decimals(value, 1, locale);
    }

    private static String decimals(BigDecimal value, int digits, Locale locale) {
        if (value == null) {
            return "—";
        }
        var format = NumberFormat.getNumberInstance("nl".equals(locale.getLanguage()) ? Locale.of("nl", "NL") : Locale.UK);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "—" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static Span badge(PluginContext context, TenderStatus status) {
        var badge = new Span(context.message(status.labelKey()));
        badge.getElement().setAttribute("theme", switch (status) {
            case WON -> "badge success";
            case LOST, CANCELLED -> "badge error";
            case WITHDRAWN -> "badge contrast";
            case SUBMITTED, PREPARING -> "badge primary";
            default -> "badge";
        });
        return badge;
    }
}

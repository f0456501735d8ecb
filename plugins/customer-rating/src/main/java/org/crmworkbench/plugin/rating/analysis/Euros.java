package org.crmworkbench.plugin.rating.analysis;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Euro amounts in the user's language (Dutch or English number style), for the analysis screens. */
final class Euros {

    private Euros() {
    }

    static NumberFormat format(Locale locale) {
        var format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty() ? Locale.of(locale.getLanguage(), "NL") : locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format;
    }
}

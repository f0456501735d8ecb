package org.crmworkbench.core.csv;

import org.crmworkbench.core.editing.Decimals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reading values as people type them in spreadsheets, Dutch or English. */
public final class CsvValues {

    private static final List<String> YES = List.of("1", "true", "yes", "ja", "j", "y", "x");
    private static final List<String> NO = List.of("0", "false", "no", "nee", "n");

    private CsvValues() {
    }

    /** 1234.56, 1234,56, 1.234,56, 1,234.56 and € 12: the last separator is the decimal one. */
    public static Optional<BigDecimal> amount(String text) {
        String t = text.replace("€", "").replace(" ", "").strip();
        int comma = t.lastIndexOf(',');
        int dot = t.lastIndexOf('.');
        if (comma > dot) {
            t = t.replace(".", "").replace(',', '.');
        } else if (dot > comma && comma >= 0) {
            t = t.replace(",", "");
        }
        try {
            var value = new BigDecimal(t);
            return Decimals.tooPrecise(value) ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** yes/no in English or Dutch, 1/0, true/false, x; empty when it is none of those. */
    public static Optional<Boolean> yesNo(String text) {
        String t = ImportTarget.normalise(text);
        return YES.contains(t) ? Optional.of(true) : NO.contains(t) ? Optional.of(false) : Optional.empty();
    }
}

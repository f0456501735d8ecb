package org.crmworkbench.plugin.tender.transfer;

import org.crmworkbench.plugin.tender.Texts;
import org.crmworkbench.plugin.tender.register.ProcedureType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the values procurement portal exports write: dates in ISO or Dutch order, amounts in either notation, procedure names. */
final class Values {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}([.,]\\d{3})+");

    private Values() {
    }

    /** A date, also with a time after it (portals write {@code 2026-03-01 12:00}); empty when unreadable. */
    static Optional<LocalDate> date(String value) {
        String day = value.strip().split("[ T]")[0];
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(day, format));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return Optional.empty();
    }

    /**
     * An amount such as {@code 250000}, {@code 250.000}, {@code 1.250.000,50}, {@code 1,250,000.50} or
     * {@code € 80.000} or {@code 80.000,-}: with both separators the last one is the decimal one; a lone separator before
     * groups of three digits separates thousands.
     */
    static Optional<BigDecimal> amount(String value) {
        String v = value.replaceAll("[€$£\\s\\h\u202F]|EUR", "").replaceAll(",-$", "");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        int comma = v.lastIndexOf(',');
        int dot = v.lastIndexOf('.');
        String plain;
        if (comma >= 0 && dot >= 0) {
            char decimal = comma > dot ? ',' : '.';
            char grouping = decimal == ',' ? '.' : ',';
            plain = v.replace(String.valueOf(grouping), "").replace(decimal, '.');
        } else if (THOUSANDS.matcher(v).matches()) {
            plain = v.replace(",", "").replace(".", "");
        } else {
            plain = v.replace(',', '.');
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String label(Texts texts, ProcedureType type) {
        return ImportField.simple(texts.get(type.labelKey())).replace('-', ' ');
    }

    /** A procedure by its English or Dutch name (or the code); empty when unknown. */
    static Optional<ProcedureType> procedure(String value) {
        String v = ImportField.simple(value).replace('-', ' ');
        for (ProcedureType type : ProcedureType.values()) {
            if (type.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(v)
                    || v.equals(label(Texts.ENGLISH, type)) || v.equals(label(Texts.DUTCH, type))) {
                return Optional.of(type);
            }
        }
        return Optional.ofNullable(switch (v) {
            case "openbaar", "openbare procedure" -> ProcedureType.OPEN;
            case "niet openbaar", "niet openbare procedure" -> ProcedureType.RESTRICTED;
            case "onderhandelingsprocedure", "mededinging met onderhandeling", "onderhandeling" -> ProcedureType.NEGOTIATED;
            case "concurrentiegerichte dialoog" -> ProcedureType.COMPETITIVE_DIALOGUE;
            case "meervoudig onderhands", "multiple private", "private" -> ProcedureType.MULTIPLE_PRIVATE;
            case "enkelvoudig onderhands", "single private" -> ProcedureType.SINGLE_PRIVATE;
            default -> null;
        });
    }
}

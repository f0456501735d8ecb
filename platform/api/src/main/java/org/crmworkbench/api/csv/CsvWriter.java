package org.crmworkbench.api.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes CSV (RFC 4180) with a chosen separator: {@code ;} for Dutch Excel, {@code ,} otherwise. Text
 * that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed
 * with an apostrophe, unless it is a plain number.
 */
public final class CsvWriter {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

    private final Writer out;
    private final char separator;

    public CsvWriter(Writer out, char separator) {
        this.out = out;
        this.separator = separator;
    }

    /** Writes one record; null values are empty fields. */
    public void row(List<?> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(separator);
                }
                out.write(field(values.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

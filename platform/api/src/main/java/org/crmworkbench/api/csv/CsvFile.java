package org.crmworkbench.api.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed CSV file (RFC 4180): UTF-8 with or without byte order mark, {@code ;} or {@code ,} as
 * separator (whichever the header line uses more; Dutch Excel writes {@code ;}), quoted fields with
 * separators, quotes and line breaks inside. Each record keeps the line number it starts on.
 *
 * @param separator the separator found
 * @param header    the first record, trimmed
 * @param records   the other records, empty lines skipped
 * @since 1.3
 */
public record CsvFile(char separator, List<String> header, List<Line> records) {

    /** One record and the line of the file it starts on (the header is line 1). */
    public record Line(int number, List<String> values) {

        /** The value in a column, trimmed; empty when the record is shorter. */
        public String value(int column) {
            return column < values.size() ? values.get(column).strip() : "";
        }
    }

    /** Why a file could not be read at all. */
    public static final class UnreadableException extends Exception {

        private final String messageKey;
        private final int line;

        UnreadableException(String messageKey, int line) {
            super(messageKey + " at line " + line);
            this.messageKey = messageKey;
            this.line = line;
        }

        public String messageKey() {
            return messageKey;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Reads a file.
     *
     * @throws UnreadableException when it is not UTF-8 ({@code csv.error.encoding}), empty
     *                             ({@code csv.error.empty}) or has an unclosed quote ({@code csv.error.quote})
     */
    public static CsvFile parse(byte[] bytes) throws UnreadableException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableException("csv.error.encoding", lineOfFirstBadByte(bytes));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new UnreadableException("csv.error.empty", 1);
        }
        int firstBreak = text.indexOf('\n');
        String firstLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        var records = read(text, separator);
        var header = records.getFirst().values().stream().map(String::strip).toList();
        return new CsvFile(separator, header, List.copyOf(records.subList(1, records.size())));
    }

    private static List<Line> read(String text, char separator) throws UnreadableException {
        var records = new ArrayList<Line>();
        var values = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                values.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                values.add(field.toString());
                field.setLength(0);
                addUnlessEmpty(records, recordStart, values);
                values = new ArrayList<>();
                line++;
                recordStart = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new UnreadableException("csv.error.quote", recordStart);
        }
        values.add(field.toString());
        addUnlessEmpty(records, recordStart, values);
        if (records.isEmpty()) {
            throw new UnreadableException("csv.error.empty", 1);
        }
        return records;
    }

    private static void addUnlessEmpty(List<Line> records, int line, List<String> values) {
        if (!(values.size() == 1 && values.getFirst().isBlank())) {
            records.add(new Line(line, List.copyOf(values)));
        }
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    /** The line holding the first invalid UTF-8: byte 0x0A never occurs inside a multi-byte sequence. */
    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}

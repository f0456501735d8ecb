package org.crmworkbench.plugin.nps.answer;

import org.crmworkbench.api.csv.CsvFile;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;

/**
 * Checks a CSV of answers from paper or phone surveys: one row per answer with the contact's
 * e-mail address, the score (0–10), an optional comment and an optional date. Headers in English
 * or Dutch. Every problem is reported with its line; a file with problems imports nothing.
 */
public final class AnswerImport {

    /** A checked row. */
    public record Row(int line, long contactId, int score, String comment, LocalDateTime answeredAt) {
    }

    /**
     * A problem on a line of the file.
     *
     * @param messageKey the reason, a key in the plugin's bundle
     * @param value      what was found, may be empty
     */
    public record Problem(int line, String column, String messageKey, String value) {
    }

    /** The outcome of a check: rows to import, or problems. */
    public record Checked(List<Row> rows, List<Problem> problems) {
        public boolean importable() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    static final Set<String> EMAIL = Set.of("email", "e-mail", "e-mailadres", "emailadres", "e-mail address", "email address");
    static final Set<String> SCORE = Set.of("score", "cijfer", "nps", "rating");
    static final Set<String> COMMENT = Set.of("comment", "opmerking", "toelichting", "remark", "comments");
    static final Set<String> DATE = Set.of("date", "datum", "answered", "beantwoord");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"));

    private final DSLContext dsl;

    public AnswerImport(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Checked check(CsvFile file, LocalDate today) {
        var problems = new ArrayList<Problem>();
        int email = column(file.header(), EMAIL);
        int score = column(file.header(), SCORE);
        int comment = column(file.header(), COMMENT);
        int date = column(file.header(), DATE);
        if (email < 0) {
            problems.add(new Problem(1, "email", "import.error.no-email-column", String.join(", ", file.header())));
        }
        if (score < 0) {
            problems.add(new Problem(1, "score", "import.error.no-score-column", String.join(", ", file.header())));
        }
        if (!problems.isEmpty()) {
            return new Checked(List.of(), problems);
        }
        var addresses = new HashSet<String>();
        file.records().forEach(line -> addresses.add(line.value(email).toLowerCase(Locale.ROOT)));
        Map<String, List<Long>> contacts = new HashMap<>();
        var lower = DSL.lower(V_CONTACTS.EMAIL);
        for (var chunk : chunks(new ArrayList<>(addresses), 1_000)) {
            dsl.select(lower, V_CONTACTS.ID).from(V_CONTACTS).where(lower.in(chunk).and(V_CONTACTS.ACTIVE.isTrue()))
                    .forEach(r -> contacts.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        var rows = new ArrayList<Row>();
        for (var line : file.records()) {
            int problemsBefore = problems.size();
            String address = line.value(email);
            var found = contacts.getOrDefault(address.toLowerCase(Locale.ROOT), List.of());
            if (address.isEmpty()) {
                problems.add(new Problem(line.number(), "email", "import.error.email-required", ""));
            } else if (found.isEmpty()) {
                problems.add(new Problem(line.number(), "email", "import.error.unknown-contact", address));
            } else if (found.size() > 1) {
                problems.add(new Problem(line.number(), "email", "import.error.several-contacts", address));
            }
            Integer value = null;
            try {
                value = Integer.valueOf(line.value(score));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (value == null || value < 0 || value > 10) {
                problems.add(new Problem(line.number(), "score", "import.error.score", line.value(score)));
            }
            String text = comment < 0 ? "" : line.value(comment);
            if (text.length() > Answers.MAX_COMMENT) {
                problems.add(new Problem(line.number(), "comment", "import.error.comment-too-long", text.substring(0, 40) + "…"));
            }
            LocalDate answered = today;
            if (date >= 0 && !line.value(date).isEmpty()) {
                answered = parseDate(line.value(date));
                if (answered == null) {
                    problems.add(new Problem(line.number(), "date", "import.error.date", line.value(date)));
                } else if (answered.isAfter(today)) {
                    problems.add(new Problem(line.number(), "date", "import.error.date-future", line.value(date)));
                }
            }
            if (problems.size() == problemsBefore) {
                rows.add(new Row(line.number(), found.getFirst(), value, text.isBlank() ? null : text,
                        LocalDateTime.of(answered, LocalTime.NOON)));
            }
        }
        if (file.records().isEmpty()) {
            problems.add(new Problem(1, "", "import.error.no-rows", ""));
        }
        return new Checked(problems.isEmpty() ? rows : List.of(), problems);
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static LocalDate parseDate(String text) {
        for (var format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        var chunks = new ArrayList<List<T>>();
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }
}

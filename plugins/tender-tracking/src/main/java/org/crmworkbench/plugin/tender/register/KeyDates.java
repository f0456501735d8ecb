package org.crmworkbench.plugin.tender.register;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tender's key dates, each optional. In a tender's life they follow each other: publication, the
 * deadline for questions, the submission deadline, the award decision and the end of the standstill
 * (objection) period; the contract runs from its start to its end.
 */
public record KeyDates(LocalDate publication, LocalDate questionsDeadline, LocalDate submissionDeadline,
                       LocalDate awardDecision, LocalDate standstillEnd, LocalDate contractStart, LocalDate contractEnd) {

    public static final KeyDates NONE = new KeyDates(null, null, null, null, null, null, null);

    /** The dates by field name, in their order (absent ones included as null). */
    public Map<String, LocalDate> byField() {
        var dates = new LinkedHashMap<String, LocalDate>();
        dates.put("publication", publication);
        dates.put("questionsDeadline", questionsDeadline);
        dates.put("submissionDeadline", submissionDeadline);
        dates.put("awardDecision", awardDecision);
        dates.put("standstillEnd", standstillEnd);
        return dates;
    }

    /** The first field whose date comes before an earlier one in the sequence; null when they are in order. */
    String outOfOrder() {
        LocalDate previous = null;
        for (var entry : byField().entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (previous != null && entry.getValue().isBefore(previous)) {
                return entry.getKey();
            }
            previous = entry.getValue();
        }
        return null;
    }
}

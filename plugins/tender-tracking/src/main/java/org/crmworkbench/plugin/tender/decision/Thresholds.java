package org.crmworkbench.plugin.tender.decision;

/**
 * Where the advice changes: BID at {@code bid} and above, REVIEW from {@code review}; and how many days
 * ahead deadlines are warned about.
 */
public record Thresholds(int bid, int review, int warningDays) {

    public static final Thresholds DEFAULT = new Thresholds(70, 50, 14);

    public Thresholds {
        if (review < 0 || review > bid || bid > 100 || warningDays < 1 || warningDays > 365) {
            throw new IllegalArgumentException("0 <= review <= bid <= 100 and 1..365 days: " + review + ", " + bid + ", " + warningDays);
        }
    }
}

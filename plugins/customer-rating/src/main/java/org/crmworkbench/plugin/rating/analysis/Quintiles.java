package org.crmworkbench.plugin.rating.analysis;

/** The RFM quintile score of DOMAIN.md 2: {@code 1 + floor(5 x (rank - 1) / n)}, rank 1 = worst. */
public final class Quintiles {

    private Quintiles() {
    }

    /** @param rank 1-based rank, ties sharing the lowest rank of their group (SQL {@code RANK()}) */
    public static int score(int rank, int n) {
        if (rank < 1 || rank > n) {
            throw new IllegalArgumentException("rank " + rank + " outside 1.." + n);
        }
        return 1 + (int) (5L * (rank - 1) / n);
    }
}

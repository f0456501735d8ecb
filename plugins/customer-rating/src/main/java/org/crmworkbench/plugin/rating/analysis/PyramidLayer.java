package org.crmworkbench.plugin.rating.analysis;

/**
 * The customer layers of the customer pyramid (DOMAIN.md 2), best first, with the strategy for each.
 * Inactive customers, prospects and suspects sit below them; they are counted from the lifecycle stages.
 */
public enum PyramidLayer {
    TOP, LARGE, MEDIUM, SMALL;

    public String labelKey() {
        return "pyramid." + name().toLowerCase();
    }

    /**
     * The layer of the customer ranked {@code k} (1 = most revenue) of {@code n}: top when
     * k <= ceil(top% x n), large when k <= ceil((top+large)% x n), medium when k <= ceil((top+large+medium)% x n).
     */
    public static PyramidLayer of(int k, int n, PyramidShares shares) {
        if (k <= ceilPercent(n, shares.top())) {
            return TOP;
        }
        if (k <= ceilPercent(n, shares.top() + shares.large())) {
            return LARGE;
        }
        if (k <= ceilPercent(n, shares.top() + shares.large() + shares.medium())) {
            return MEDIUM;
        }
        return SMALL;
    }

    private static long ceilPercent(int n, int percent) {
        return ((long) n * percent + 99) / 100;
    }
}

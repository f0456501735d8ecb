package org.crmworkbench.plugin.rating.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many percent of the customers (by revenue rank) each upper layer of the pyramid takes; small
 * customers are the rest. Default 1 / 4 / 15 (so 80 % small).
 */
public record PyramidShares(int top, int large, int medium) {

    public static final PyramidShares DEFAULT = new PyramidShares(1, 4, 15);

    /** Field -> message key of what is wrong; empty when the shares are usable. */
    public Map<String, String> check() {
        var errors = new LinkedHashMap<String, String>();
        if (top < 1 || top > 100) {
            errors.put("top", "analysis.error.share");
        }
        if (large < 0 || large > 100) {
            errors.put("large", "analysis.error.share");
        }
        if (medium < 0 || medium > 100) {
            errors.put("medium", "analysis.error.share");
        }
        if (errors.isEmpty() && top + large + medium > 100) {
            errors.put("medium", "analysis.error.shares-sum");
        }
        return errors;
    }
}

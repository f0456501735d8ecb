package org.crmworkbench.plugin.chain.trend;

import java.util.Locale;

/** How far our response to a trend is. */
public enum TrendStatus {
    OPEN, ADDRESSING, ANSWERED;

    public String labelKey() {
        return "trend-status." + name().toLowerCase(Locale.ROOT);
    }
}

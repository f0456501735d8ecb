package org.crmworkbench.plugin.chain.trend;

import java.util.Locale;

/** The trends every chain faces (DOMAIN.md section 6), each asking for a response of ours. */
public enum Trend {
    LOW_WAGE_PRODUCTION, PRODUCERS_CORE_BUSINESS, TAILORED_SERVICE, RISING_COMPETITION, INFORMATION_EBUSINESS;

    public String labelKey() {
        return "trend." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

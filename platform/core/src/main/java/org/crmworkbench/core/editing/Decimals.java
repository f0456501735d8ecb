package org.crmworkbench.core.editing;

import java.math.BigDecimal;

/**
 * A guard for numbers from outside (REST API JSON, CSV): {@code 1e-999999999} is short and cheap to
 * parse, but rounding or printing it takes minutes or all memory. Checks call {@link #tooPrecise}
 * before any rounding; amounts here never need more than 10 decimals.
 */
public final class Decimals {

    public static final int MAX_SCALE = 10;

    private Decimals() {
    }

    /** More than 10 decimals (or an absurd negative exponent); such a value is refused as invalid. */
    public static boolean tooPrecise(BigDecimal value) {
        return value.scale() > MAX_SCALE || value.scale() < -30;
    }
}

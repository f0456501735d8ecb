package org.crmworkbench.plugin.tender.award;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How a price turns into points on the price criterion of weight {@code w}:
 * <ul>
 *   <li>RELATIVE (the default): lowest price / price x w;</li>
 *   <li>LINEAR: w x (1 - (price - lowest) / lowest), at least 0 (twice the lowest price scores nothing).</li>
 * </ul>
 * Both give the lowest price the full weight and never give a higher price more points.
 */
public enum PriceFormula {
    RELATIVE, LINEAR;

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    public BigDecimal points(BigDecimal price, BigDecimal lowest, BigDecimal weight) {
        return switch (this) {
            case RELATIVE -> lowest.multiply(weight).divide(price, PRECISION);
            case LINEAR -> {
                BigDecimal share = BigDecimal.ONE.subtract(price.subtract(lowest).divide(lowest, PRECISION));
                yield share.signum() < 0 ? BigDecimal.ZERO : share.multiply(weight, PRECISION);
            }
        };
    }

    public String labelKey() {
        return "price-formula." + name().toLowerCase();
    }
}

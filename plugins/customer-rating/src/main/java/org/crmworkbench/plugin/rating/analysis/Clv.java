package org.crmworkbench.plugin.rating.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer lifetime value (DOMAIN.md 2): {@code CLV = sum for t = 1..T of m x r^(t-1) / (1 + d)^t},
 * rounded to cents at the end.
 *
 * @param retention    r, between 0 and 1
 * @param discountRate d, e.g. 0.08
 * @param horizon      T in years, at least 1
 */
public record Clv(BigDecimal retention, BigDecimal discountRate, int horizon) {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    /** Default margin % for customers whose order lines carry no margin. */
    public static final BigDecimal DEFAULT_MARGIN_PCT = new BigDecimal("25");
    /** Default discount rate d (DOMAIN.md 2). */
    public static final BigDecimal DEFAULT_DISCOUNT_RATE = new BigDecimal("0.08");
    /** Default horizon T in years (DOMAIN.md 2). */
    public static final int DEFAULT_HORIZON = 5;

    /**
     * A customer's yearly contribution margin m: its margin in the period when known, else its revenue x
     * {@code marginPct}, scaled from the period's days to a year.
     */
    public static BigDecimal yearlyMargin(BigDecimal margin, BigDecimal revenue, BigDecimal marginPct, long periodDays) {
        BigDecimal inPeriod = margin != null ? margin : revenue.multiply(marginPct.movePointLeft(2));
        return inPeriod.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(periodDays), 2, RoundingMode.HALF_UP);
    }

    public Clv {
        if (retention.signum() < 0 || retention.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("retention outside 0..1: " + retention);
        }
        if (discountRate.compareTo(BigDecimal.ONE.negate()) <= 0 || horizon < 1 || horizon > 100) {
            throw new IllegalArgumentException("discount rate " + discountRate + " or horizon " + horizon);
        }
    }

    /** The factor f with CLV = m x f: the same for every customer, so a run over all accounts is one SQL multiplication. */
    public BigDecimal factor() {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal kept = BigDecimal.ONE;
        BigDecimal discount = BigDecimal.ONE;
        BigDecimal onePlusD = BigDecimal.ONE.add(discountRate);
        for (int t = 1; t <= horizon; t++) {
            discount = discount.multiply(onePlusD, PRECISION);
            sum = sum.add(kept.divide(discount, PRECISION), PRECISION);
            kept = kept.multiply(retention, PRECISION);
        }
        return sum;
    }

    /** CLV for a yearly contribution margin {@code m}, in cents. */
    public BigDecimal of(BigDecimal margin) {
        return margin.multiply(factor(), PRECISION).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The same CLV with the retention rate moved by -10, 0 and +10 points (kept within 0..1): how much
     * keeping customers is worth.
     */
    public List<Row> sensitivity(BigDecimal margin) {
        var rows = new ArrayList<Row>();
        for (int points : new int[]{-10, 0, 10}) {
            BigDecimal r = retention.add(BigDecimal.valueOf(points, 2)).max(BigDecimal.ZERO).min(BigDecimal.ONE);
            rows.add(new Row(points, r, new Clv(r, discountRate, horizon).of(margin)));
        }
        return rows;
    }

    /** One line of the sensitivity table. */
    public record Row(int points, BigDecimal retention, BigDecimal clv) {
    }
}

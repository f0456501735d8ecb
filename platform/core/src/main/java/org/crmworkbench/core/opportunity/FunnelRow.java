package org.crmworkbench.core.opportunity;

import java.math.BigDecimal;

/**
 * One stage of the funnel over the open opportunities.
 *
 * @param stage    funnel stage
 * @param count    open opportunities in it
 * @param value    sum of their amounts
 * @param weighted sum of amount x probability
 */
public record FunnelRow(FunnelStage stage, int count, BigDecimal value, BigDecimal weighted) {
}

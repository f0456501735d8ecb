package org.crmworkbench.plugin.rating.criteria;

import java.math.BigDecimal;

/**
 * A weighted rating criterion.
 *
 * @param id       primary key
 * @param name     unique name, e.g. "Market share"
 * @param method   the assessment method it belongs to
 * @param weight   its weight in the account's value (sum of weight x score)
 * @param minScore knock-out minimum on the 1-10 scale, or null when it has none
 * @param version  optimistic-locking version
 */
public record Criterion(long id, String name, AssessmentMethod method, BigDecimal weight, Integer minScore, int version) {
}

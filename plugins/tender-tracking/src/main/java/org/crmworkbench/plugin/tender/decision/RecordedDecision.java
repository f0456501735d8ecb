package org.crmworkbench.plugin.tender.decision;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A tender's bid/no-bid decision as recorded: the checks passed or failed, the scores, the total and
 * advice they gave, and what was decided, why, by whom and when.
 *
 * @param checks check id to passed
 * @param scores criterion id to score 0..5
 */
public record RecordedDecision(Map<Long, Boolean> checks, Map<Long, Integer> scores, BigDecimal total,
                               Recommendation recommendation, Decision decision, String reason, String decidedBy,
                               LocalDateTime decidedAt) {
}

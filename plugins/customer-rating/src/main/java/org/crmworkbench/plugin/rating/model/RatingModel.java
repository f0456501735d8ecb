package org.crmworkbench.plugin.rating.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A rating model: its criteria are read separately.
 *
 * @param minimumTotal the cut-off: the value an account needs to qualify; null when there is none
 * @param periodMonths the period of the computed criteria, in months back from the run
 * @param version      raised by every saved change; doubles as the optimistic-locking version
 */
public record RatingModel(long id, String name, BigDecimal minimumTotal, int periodMonths, boolean isDefault,
                          int version, LocalDateTime updatedAt, String updatedBy) {
}

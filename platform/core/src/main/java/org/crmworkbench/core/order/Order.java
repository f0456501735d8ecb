package org.crmworkbench.core.order;

import java.time.LocalDateTime;

/**
 * A stored order with its lines, as read back for editing.
 *
 * @param id        primary key
 * @param accountId the account that ordered
 * @param data      number, date and lines (in line order)
 * @param updatedAt when it was last changed after its creation, null when never
 * @param updatedBy who changed it last, null when never
 * @param version   for optimistic locking
 */
public record Order(long id, long accountId, OrderData data, LocalDateTime updatedAt, String updatedBy, int version) {
}

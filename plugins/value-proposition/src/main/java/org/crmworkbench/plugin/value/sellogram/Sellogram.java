package org.crmworkbench.plugin.value.sellogram;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * One revision of a sellogram with its rows in order.
 *
 * @param subjectName the product's name (with its code) or the service
 * @param motiveIds   the buying motives it claims to serve
 * @param version     for optimistic locking; every change to the draft or its rows raises it
 */
public record Sellogram(long id, Subject subject, String subjectName, int revision, SellogramStatus status,
                        Set<Long> motiveIds, List<SellogramRow> rows, LocalDateTime updatedAt, String updatedBy,
                        int version) {

    public boolean draft() {
        return status == SellogramStatus.DRAFT;
    }
}

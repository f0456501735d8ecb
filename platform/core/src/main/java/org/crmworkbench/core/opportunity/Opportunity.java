package org.crmworkbench.core.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;

/**
 * A stored opportunity as listed.
 *
 * @param id          primary key
 * @param accountId   the account
 * @param accountName the account's name
 * @param ownerName   display name of the owner
 * @param data        its fields
 * @param updatedAt   last change
 * @param updatedBy   who made it
 * @param version     optimistic-locking version
 */
public record Opportunity(long id, long accountId, String accountName, String ownerName, OpportunityData data,
                          LocalDateTime updatedAt, String updatedBy, int version) {

    /** amount x probability / 100, in euros rounded to cents. */
    public BigDecimal weightedAmount() {
        return data.amount().multiply(BigDecimal.valueOf(data.probability())).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}

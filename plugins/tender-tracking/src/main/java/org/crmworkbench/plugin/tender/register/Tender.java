package org.crmworkbench.plugin.tender.register;

import java.time.LocalDateTime;

/**
 * A stored tender.
 *
 * @param opportunityId the core opportunity recorded when it was won, or null
 */
public record Tender(long id, TenderInput input, String authorityName, String ownerName, TenderStatus status,
                     Long opportunityId, LocalDateTime updatedAt, String updatedBy, int version) {

    public String title() {
        return input.title();
    }
}

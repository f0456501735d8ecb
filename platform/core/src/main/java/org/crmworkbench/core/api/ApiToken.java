package org.crmworkbench.core.api;

import java.time.LocalDateTime;

/**
 * A personal API token as listed to its owner; the token itself is never stored.
 *
 * @param id         primary key
 * @param name       the owner's label, e.g. "ERP sync"
 * @param hint       the first characters of the token, to recognise it
 * @param createdAt  when it was created
 * @param lastUsedAt when it last authenticated a request (to the minute), null when never
 * @param revokedAt  when it was revoked, null while valid
 */
public record ApiToken(long id, String name, String hint, LocalDateTime createdAt, LocalDateTime lastUsedAt,
                       LocalDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}

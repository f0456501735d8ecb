package org.crmworkbench.core.editing;

import java.time.LocalDateTime;

/** Someone else saved the record since it was read; nothing was saved. Says who and when. */
public final class ConcurrentEditException extends RuntimeException {

    private final String changedBy;
    private final LocalDateTime changedAt;

    public ConcurrentEditException(String changedBy, LocalDateTime changedAt) {
        super("changed by " + changedBy + " at " + changedAt);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public LocalDateTime changedAt() {
        return changedAt;
    }
}

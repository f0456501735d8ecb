package org.crmworkbench.plugin.tender.work;

import java.time.LocalDate;

/**
 * Something due on a tender.
 *
 * @param task the task's title for a {@link DeadlineKind#TASK}, else null
 */
public record Deadline(long tenderId, String tenderTitle, long authorityId, String authorityName, DeadlineKind kind,
                       LocalDate date, String task) {
}

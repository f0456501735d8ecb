package org.crmworkbench.core.interaction;

import java.time.LocalDate;

/**
 * An open follow-up on someone's desk.
 *
 * @param interactionId the interaction
 * @param accountId     its account
 * @param accountName   the account's name
 * @param kind          the interaction's kind
 * @param summary       the interaction's summary
 * @param due           due date, may be null
 */
public record OpenFollowUp(long interactionId, long accountId, String accountName, InteractionKind kind, String summary,
                           LocalDate due) {
}

package org.crmworkbench.core.interaction;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * The editable fields of an interaction.
 *
 * @param kind        call, meeting, ...; required
 * @param occurredAt  when; required
 * @param summary     what was said or agreed; required, at most 2,000 characters
 * @param contactIds  the account's contacts involved; may be empty
 * @param followUp    NONE, OPEN or CLOSED; a complaint cannot have NONE
 * @param followUpDue when an open follow-up is due, optional
 */
public record InteractionData(InteractionKind kind, LocalDateTime occurredAt, String summary, Set<Long> contactIds,
                              FollowUp followUp, LocalDate followUpDue) {

    public InteractionData {
        contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
    }
}

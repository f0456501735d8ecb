package org.crmworkbench.api.interaction;

import java.time.LocalDate;

/**
 * Follow-up tasks a plugin opens on an account, e.g. after a detractor's NPS answer. A follow-up is
 * a core interaction of kind complaint with an open follow-up, assigned to the account manager
 * (or, without one, to the first active administrator); it shows on that user's dashboard and in
 * the account's interactions like any other. Plugins read its state through
 * {@code crm_core.v_interactions.follow_up}.
 *
 * @since 1.3
 */
public interface FollowUps {

    /**
     * Opens a follow-up task.
     *
     * @param accountId the account, which must exist
     * @param contactId the contact it concerns, of that account; null for none
     * @param summary   what happened and what to do, at most 2,000 characters
     * @param due       when it is due, not null
     * @return the id of the interaction in {@code crm_core.v_interactions}
     * @throws IllegalArgumentException when the account or contact does not exist or the summary is blank
     */
    long open(long accountId, Long contactId, String summary, LocalDate due);

    /**
     * Closes an open follow-up on behalf of the current user, who must be allowed to see the account,
     * and appends the outcome to its summary. Without a signed-in user (background work, demo data) it
     * is closed on behalf of the user it is assigned to.
     *
     * @param interactionId an id {@link #open} returned
     * @param outcome       what was done, not blank
     * @return false when the follow-up is gone, already closed or not visible to the current user
     */
    boolean close(long interactionId, String outcome);
}

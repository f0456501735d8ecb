package org.crmworkbench.api.interaction;

import java.util.Set;

/**
 * Logs contact moments on accounts on behalf of the signed-in user, e.g. "sales argumentation sent"
 * after a plugin produced one. The interaction shows in the account's interactions like one logged by
 * hand, with the same validation and events; plugins read it back through
 * {@code crm_core.v_interactions}.
 *
 * @since 1.4
 */
public interface Interactions {

    /** The kinds a plugin may log. A complaint needs a follow-up: open it with {@link FollowUps}. */
    enum Kind {
        CALL, MEETING, EMAIL, VISIT, NOTE
    }

    /**
     * Logs an interaction now, by the signed-in user, without a follow-up.
     *
     * @param accountId  the account, which the user must be allowed to see
     * @param contactIds contacts of that account it concerns; may be empty
     * @param kind       what kind of contact moment, not null
     * @param summary    what happened, not blank, at most 2,000 characters
     * @return the id of the interaction in {@code crm_core.v_interactions}
     * @throws IllegalStateException    without a signed-in user (public routes, background work)
     * @throws IllegalArgumentException when the account is not visible to the user, a contact is not
     *                                  of that account, or the summary is blank or too long; nothing is logged
     */
    long log(long accountId, Set<Long> contactIds, Kind kind, String summary);
}

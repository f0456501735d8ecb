package org.crmworkbench.core.interaction;

import org.crmworkbench.api.interaction.Interactions;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * The host's {@link Interactions} for plugins: logs through {@link InteractionService} as the
 * signed-in user, so the user's visibility of accounts, the validation and the events are those of an
 * interaction logged by hand.
 */
public final class CoreInteractions implements Interactions {

    private final InteractionService interactions;
    private final CurrentUser currentUser;
    private final Clock clock;

    public CoreInteractions(InteractionService interactions, CurrentUser currentUser, Clock clock) {
        this.interactions = interactions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public long log(long accountId, Set<Long> contactIds, Kind kind, String summary) {
        var user = currentUser.user().orElseThrow(() -> new IllegalStateException("logging an interaction needs a signed-in user"));
        if (kind == null) {
            throw new IllegalArgumentException("an interaction needs a kind");
        }
        var data = new InteractionData(InteractionKind.valueOf(kind.name()), LocalDateTime.now(clock), summary, contactIds,
                FollowUp.NONE, null);
        try {
            return interactions.add(accountId, data, user);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("interaction refused: " + e.errors(), e);
        }
    }
}

package org.crmworkbench.api.account;

import java.time.Instant;

/**
 * Something that happened to an account, published to every {@link AccountEventListener} after the
 * change has been committed.
 *
 * @since 1.0
 */
public sealed interface AccountEvent {

    /** The account concerned. */
    long accountId();

    /** When it happened (host clock). */
    Instant at();

    record AccountCreated(long accountId, Instant at) implements AccountEvent {
    }

    record AccountChanged(long accountId, Instant at) implements AccountEvent {
    }

    /** The lifecycle stage changed, e.g. from {@code LEAD} to {@code NEW_CUSTOMER}. */
    record StageChanged(long accountId, Instant at, String fromStage, String toStage) implements AccountEvent {
    }

    record OrderAdded(long accountId, Instant at, long orderId) implements AccountEvent {
    }

    record InteractionLogged(long accountId, Instant at, long interactionId) implements AccountEvent {
    }
}

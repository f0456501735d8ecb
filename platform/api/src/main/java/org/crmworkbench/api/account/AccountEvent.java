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

    /**
     * An order's lines or date were changed (by the REST API or a re-import), or the order was deleted.
     *
     * @since 1.1
     */
    record OrderChanged(long accountId, Instant at, long orderId) implements AccountEvent {
    }

    /**
     * The account was deleted with its contacts, interactions, opportunities and orders; a plugin
     * removes what it keeps about the account.
     *
     * @since 1.1
     */
    record AccountDeleted(long accountId, Instant at) implements AccountEvent {
    }

    record InteractionLogged(long accountId, Instant at, long interactionId) implements AccountEvent {
    }
}

package org.crmworkbench.ui.api;

/**
 * The body of a create ({@code POST}) or update ({@code PUT}): the same shape as the record read with
 * {@code GET}, so a client can change the {@code data} of what it read and send it back. Fields the
 * server keeps (id, updatedAt, ...) are ignored.
 *
 * @param accountId the account a new contact, interaction, opportunity or order belongs to (POST only)
 * @param version   the version read, required for PUT: a stale version gives 409 Conflict
 * @param data      the editable fields
 */
public record ApiWrite<T>(Long accountId, Integer version, T data) {
}

package org.crmworkbench.core.account;

import java.time.LocalDateTime;

/**
 * A stored account.
 *
 * @param id        primary key
 * @param data      its fields
 * @param updatedAt when it was last changed
 * @param updatedBy who changed it last (username)
 * @param version   optimistic-locking version, sent back with an update
 */
public record Account(long id, AccountData data, LocalDateTime updatedAt, String updatedBy, int version) {
}

package org.crmworkbench.core.interaction;

import java.util.List;

/**
 * A stored interaction as listed.
 *
 * @param id           primary key
 * @param accountId    the account
 * @param data         its fields
 * @param userName     display name of the user who logged it
 * @param contactNames names of the contacts involved
 * @param version      optimistic-locking version
 */
public record Interaction(long id, long accountId, InteractionData data, String userName, List<String> contactNames,
                          int version) {
}

package org.crmworkbench.core.opportunity;

import java.util.List;

/**
 * What an opportunity list asks for.
 *
 * @param accountId only this account's, or null
 * @param search    prefix of the opportunity or account name; blank for all
 * @param stage     only this stage, or null
 * @param status    only this status, or null
 * @param ownerId   only this owner's, or null
 * @param sorts     sort order; unknown columns are ignored
 */
public record OpportunityQuery(Long accountId, String search, FunnelStage stage, OpportunityStatus status, Long ownerId,
                               List<Sort> sorts) {

    public static OpportunityQuery ofAccount(long accountId) {
        return new OpportunityQuery(accountId, "", null, null, null, List.of());
    }

    /**
     * @param column    name, account, stage, amount, probability, expectedClose, owner
     * @param ascending direction
     */
    public record Sort(String column, boolean ascending) {
    }
}

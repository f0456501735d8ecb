package org.crmworkbench.core.account;

import java.util.List;

/**
 * What the account list asks for.
 *
 * @param search    words matched against name, city and KvK number (prefix); blank for all
 * @param stage     only this stage, or null
 * @param level     only this level, or null
 * @param group     only this customer group (over the last {@value CustomerGroups#DEFAULT_PERIOD_MONTHS} months), or null
 * @param managerId only accounts managed by this user, or null
 * @param onlyMine  only accounts the viewer manages
 * @param sorts     sort order; unknown columns are ignored
 */
public record AccountQuery(String search, LifecycleStage stage, AccountLevel level, CustomerGroup group, Long managerId,
                           boolean onlyMine, List<Sort> sorts) {

    public static AccountQuery all() {
        return new AccountQuery("", null, null, null, null, false, List.of());
    }

    /**
     * @param column    grid column key: name, city, cocNumber, stage, level, manager
     * @param ascending direction
     */
    public record Sort(String column, boolean ascending) {
    }
}

package org.crmworkbench.core.account;

/**
 * An account as listed in the account grid.
 *
 * @param id          primary key
 * @param name        name
 * @param city        city, may be null
 * @param cocNumber   KvK number, may be null
 * @param stage       lifecycle stage
 * @param level       management level
 * @param managerName display name of the account manager, may be null
 * @param group       customer group over the last 12 months
 */
public record AccountRow(long id, String name, String city, String cocNumber, LifecycleStage stage, AccountLevel level,
                         String managerName, CustomerGroup group) {
}

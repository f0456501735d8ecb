package org.crmworkbench.core.plan;

/**
 * A stored account plan.
 *
 * @param id        primary key
 * @param accountId the account
 * @param data      its fields
 * @param openActivities activities not yet done
 * @param version   optimistic-locking version
 */
public record Plan(long id, long accountId, PlanData data, int openActivities, int version) {
}

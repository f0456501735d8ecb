package org.crmworkbench.core.plan;

/**
 * A stored plan activity.
 *
 * @param id      primary key
 * @param planId  the plan
 * @param data    its fields
 * @param whoName display name of who does it
 * @param version optimistic-locking version
 */
public record Activity(long id, long planId, ActivityData data, String whoName, int version) {
}

package org.crmworkbench.plugin.chain.role;

import java.util.Set;

/**
 * How we play one role in a link: its strength 0..5, the services that back it, the interactions that
 * show it (ids in {@code crm_core.v_interactions}) and other evidence such as agreements.
 */
public record RolePlay(int strength, Set<Long> services, Set<Long> interactions, String evidence) {

    public static final RolePlay NONE = new RolePlay(0, Set.of(), Set.of(), "");

    public RolePlay {
        services = Set.copyOf(services);
        interactions = Set.copyOf(interactions);
        evidence = evidence == null ? "" : evidence;
    }
}

package org.crmworkbench.plugin.chain.map;

import org.crmworkbench.plugin.chain.role.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A stored chain link with the strength of each role we play in it (a role not recorded is absent).
 *
 * @param active whether it runs today (started, not ended)
 */
public record Link(long id, String productGroup, Party from, Party to, LinkKind kind, LocalDate start, LocalDate end,
                   BigDecimal volume, BigDecimal revenue, String note, Map<Role, Integer> roles, boolean active, int version) {

    /** Whether our own company is one of the two parties. */
    public boolean ours() {
        return from.us() || to.us();
    }

    /** The other party of a link of ours: the supplier or the customer. */
    public Party counterparty() {
        return from.us() ? to : from;
    }


    public int strength(Role role) {
        return roles.getOrDefault(role, 0);
    }
}

package org.crmworkbench.plugin.chain.scorecard;

import org.crmworkbench.plugin.chain.role.Role;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Our roles towards one customer or in one product group: the average strength per role over the
 * links of ours that run today (a role not recorded on a link counts 0), the roles below the target
 * with the action that closes the gap, and the averages at the end of each of the last months.
 *
 * @param links the number of links averaged over; 0 means there is nothing to score
 */
public record Scorecard(int links, Map<Role, BigDecimal> averages, List<Gap> gaps, List<Month> history) {

    /** A role whose average is below the target. */
    public record Gap(Role role, BigDecimal average) {
        public String actionKey() {
            return role.actionKey();
        }
    }

    /** The averages at the end of a month, over the links that ran then. */
    public record Month(YearMonth month, int links, Map<Role, BigDecimal> averages) {
    }
}

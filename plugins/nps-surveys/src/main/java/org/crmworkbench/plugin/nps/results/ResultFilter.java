package org.crmworkbench.plugin.nps.results;

import java.time.LocalDate;

/**
 * Which answers the results count.
 *
 * @param campaignId one campaign, or null for all
 * @param from       first day answered, or null
 * @param to         last day answered, or null
 */
public record ResultFilter(Long campaignId, LocalDate from, LocalDate to) {

    public static final ResultFilter ALL = new ResultFilter(null, null, null);

    public static ResultFilter campaign(long id) {
        return new ResultFilter(id, null, null);
    }
}

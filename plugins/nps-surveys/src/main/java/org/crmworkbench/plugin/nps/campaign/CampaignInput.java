package org.crmworkbench.plugin.nps.campaign;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the campaign editor saves.
 *
 * @param name         unique, required
 * @param questionEn   the question in English, required
 * @param questionNl   the question in Dutch, required
 * @param followUpEn   optional open follow-up question in English
 * @param followUpNl   optional open follow-up question in Dutch
 * @param opensOn      first day answers are accepted
 * @param closesOn     last day answers are accepted, not before {@code opensOn}
 * @param stages       lifecycle stages of the target accounts; empty: all
 * @param groups       customer groups of the target accounts; empty: all
 * @param managerId    account manager of the target accounts; null: all
 * @param dmuRoles     DMU roles of the target contacts; empty: all
 * @param consentOnly  only contacts who consented to e-mail
 * @param reminderDays days after the invitation that non-responders get their one reminder (1..60)
 */
public record CampaignInput(String name, String questionEn, String questionNl, String followUpEn, String followUpNl,
                            LocalDate opensOn, LocalDate closesOn, Set<String> stages, Set<String> groups, Long managerId,
                            Set<String> dmuRoles, boolean consentOnly, int reminderDays) {

    public CampaignInput {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        dmuRoles = dmuRoles == null ? Set.of() : Set.copyOf(dmuRoles);
    }
}

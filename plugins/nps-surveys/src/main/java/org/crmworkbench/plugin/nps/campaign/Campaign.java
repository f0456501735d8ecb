package org.crmworkbench.plugin.nps.campaign;

import java.time.LocalDate;

/**
 * A stored campaign with its counts.
 *
 * @param invited  invitations
 * @param answered answers of every source
 * @param sent     invitations sent by e-mail
 */
public record Campaign(long id, CampaignInput input, CampaignStatus status, int version, int invited, int answered,
                       int sent, boolean anonymousLink) {

    public String name() {
        return input.name();
    }

    /** Whether answers are accepted on {@code today}. */
    public boolean acceptsAnswers(LocalDate today) {
        return status == CampaignStatus.RUNNING && !today.isBefore(input.opensOn()) && !today.isAfter(input.closesOn());
    }

    public String question(String language) {
        return "nl".equals(language) ? input.questionNl() : input.questionEn();
    }

    /** The optional follow-up question; null when there is none. */
    public String followUpQuestion(String language) {
        String text = "nl".equals(language) ? input.followUpNl() : input.followUpEn();
        return text == null || text.isBlank() ? null : text;
    }
}

package org.crmworkbench.plugin.nps.campaign;

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
}

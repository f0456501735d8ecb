package org.crmworkbench.plugin.nps.campaign;

/** A campaign is prepared, then runs (invitations go out, answers come in), then is closed for good. */
public enum CampaignStatus {
    DRAFT, RUNNING, CLOSED;

    public String labelKey() {
        return "status." + name().toLowerCase();
    }
}

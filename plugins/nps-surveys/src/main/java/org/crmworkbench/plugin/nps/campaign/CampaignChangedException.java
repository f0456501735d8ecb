package org.crmworkbench.plugin.nps.campaign;

/** Someone else saved or deleted the campaign since it was opened; nothing was saved. */
public class CampaignChangedException extends RuntimeException {

    public CampaignChangedException() {
        super("the campaign was changed by someone else");
    }
}

package org.crmworkbench.plugin.nps;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.plugin.nps.campaign.CampaignsView;
import org.crmworkbench.plugin.nps.followup.FollowUpsView;
import org.crmworkbench.plugin.nps.results.ResultsView;
import org.pf4j.Extension;

import java.util.List;

/**
 * The plugin's views: {@code /nps-surveys/campaigns}, {@code /nps-surveys/results} and
 * {@code /nps-surveys/follow-ups}.
 */
@Extension
public class NpsViews implements ViewContribution {

    static final String CAMPAIGNS = "campaigns";
    static final String RESULTS = "results";
    static final String FOLLOW_UPS = "follow-ups";

    @Override
    public List<PluginView> views() {
        return List.of(new PluginView(CAMPAIGNS, CampaignsView.class, "menu.campaigns", "ENVELOPES", NpsPermissions.MANAGE, 120),
                new PluginView(RESULTS, ResultsView.class, "menu.results", "SMILEY_O", NpsPermissions.RESULTS, 121),
                new PluginView(FOLLOW_UPS, FollowUpsView.class, "menu.follow-ups", "PHONE", null, 122));
    }
}

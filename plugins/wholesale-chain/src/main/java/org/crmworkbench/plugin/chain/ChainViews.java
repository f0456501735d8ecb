package org.crmworkbench.plugin.chain;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.plugin.chain.map.ChainMapView;
import org.crmworkbench.plugin.chain.risk.RisksView;
import org.crmworkbench.plugin.chain.role.ServicesView;
import org.crmworkbench.plugin.chain.scorecard.ScorecardView;
import org.pf4j.Extension;

import java.util.List;

/**
 * The plugin's views: the chain {@code map?group=} per product group, the {@code risks}, the role
 * {@code scorecard} and the catalogue of value added {@code services}.
 */
@Extension
public class ChainViews implements ViewContribution {

    public static final String MAP = "wholesale-chain/map";
    public static final String RISKS = "wholesale-chain/risks";
    public static final String SCORECARD = "wholesale-chain/scorecard";

    @Override
    public List<PluginView> views() {
        return List.of(new PluginView("map", ChainMapView.class, "menu.map", "CONNECT", null, 150),
                new PluginView("risks", RisksView.class, "menu.risks", "WARNING", null, 151),
                new PluginView("scorecard", ScorecardView.class, "menu.scorecard", "CHART_3D", null, 152),
                new PluginView("services", ServicesView.class, "menu.services", "TOOLS", ChainPermissions.MANAGE, 153));
    }
}

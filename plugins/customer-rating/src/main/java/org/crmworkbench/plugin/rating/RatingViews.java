package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.plugin.rating.analysis.AnalysisView;
import org.crmworkbench.plugin.rating.criteria.CriteriaView;
import org.pf4j.Extension;

import java.util.List;

/** The plugin's views: {@code /customer-rating/criteria} and {@code /customer-rating/analysis}. */
@Extension
public class RatingViews implements ViewContribution {

    /** The criteria list, relative to the plugin's namespace. */
    static final String CRITERIA = "criteria";

    /** The customer analysis, for managers. */
    static final String ANALYSIS = "analysis";

    @Override
    public List<PluginView> views() {
        return List.of(PluginView.menu(CRITERIA, CriteriaView.class, "menu.criteria", "STAR"),
                new PluginView(ANALYSIS, AnalysisView.class, "menu.analysis", "PIE_CHART", RatingPermissions.ANALYSE, 110));
    }
}

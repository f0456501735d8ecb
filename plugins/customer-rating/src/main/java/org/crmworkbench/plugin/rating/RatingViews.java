package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.plugin.rating.analysis.AnalysisView;
import org.crmworkbench.plugin.rating.model.ModelsView;
import org.crmworkbench.plugin.rating.score.ResultsView;
import org.pf4j.Extension;

import java.util.List;

/**
 * The plugin's views: {@code /customer-rating/models}, {@code /customer-rating/results} and
 * {@code /customer-rating/analysis}.
 */
@Extension
public class RatingViews implements ViewContribution {

    /** The rating models, relative to the plugin's namespace. */
    static final String MODELS = "models";

    /** The results of the rating runs. */
    static final String RESULTS = "results";

    /** The customer analysis, for managers. */
    static final String ANALYSIS = "analysis";

    @Override
    public List<PluginView> views() {
        return List.of(PluginView.menu(MODELS, ModelsView.class, "menu.models", "STAR"),
                new PluginView(RESULTS, ResultsView.class, "menu.results", "LIST_OL", RatingPermissions.ANALYSE, 105),
                new PluginView(ANALYSIS, AnalysisView.class, "menu.analysis", "PIE_CHART", RatingPermissions.ANALYSE, 110));
    }
}

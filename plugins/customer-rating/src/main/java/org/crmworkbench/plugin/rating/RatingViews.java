package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.plugin.rating.criteria.CriteriaView;
import org.pf4j.Extension;

import java.util.List;

/** The plugin's views: {@code /customer-rating/criteria}. */
@Extension
public class RatingViews implements ViewContribution {

    @Override
    public List<PluginView> views() {
        return List.of(PluginView.menu("criteria", CriteriaView.class, "menu.criteria", "STAR"));
    }
}

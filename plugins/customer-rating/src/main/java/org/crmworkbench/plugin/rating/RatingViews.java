package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.plugin.rating.criteria.CriteriaView;
import org.pf4j.Extension;

import java.util.List;

/** The plugin's views: {@code /customer-rating/criteria}. */
@Extension
public class RatingViews implements ViewContribution {

    /** The criteria list, relative to the plugin's namespace. */
    static final String CRITERIA = "criteria";

    @Override
    public List<PluginView> views() {
        return List.of(PluginView.menu(CRITERIA, CriteriaView.class, "menu.criteria", "STAR"));
    }
}

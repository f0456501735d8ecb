package org.crmworkbench.plugin.rating.model;

import com.vaadin.flow.component.select.Select;
import org.crmworkbench.api.PluginContext;

/** The model chooser of the rating views: labelled, the default model marked. */
public final class ModelSelect {

    private ModelSelect() {
    }

    public static Select<RatingModel> create(PluginContext context) {
        var select = new Select<RatingModel>();
        select.setLabel(context.message("model.model"));
        select.setItemLabelGenerator(m -> m.isDefault() ? context.message("model.default-label", m.name()) : m.name());
        select.setWidth("22em");
        return select;
    }
}

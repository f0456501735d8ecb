package org.crmworkbench.testplugins.brokenview;

import com.vaadin.flow.component.html.Div;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.pf4j.Extension;

import java.util.List;

/** A plugin whose only view throws when it is opened. */
@Extension
public class BrokenViews implements ViewContribution {

    @Override
    public List<PluginView> views() {
        return List.of(PluginView.menu("boom", BoomView.class, "menu.boom", "BOMB"));
    }

    @PermitAll
    public static class BoomView extends Div {

        public BoomView(PluginContext context) {
            throw new IllegalStateException("the boom view always fails");
        }
    }
}

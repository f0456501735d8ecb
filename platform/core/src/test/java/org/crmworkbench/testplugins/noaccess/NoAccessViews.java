package org.crmworkbench.testplugins.noaccess;

import com.vaadin.flow.component.html.Div;
import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.pf4j.Extension;

import java.util.List;

@Extension
public class NoAccessViews implements ViewContribution {
    @Override
    public List<PluginView> views() {
        return List.of(PluginView.menu("open", UnguardedView.class, null, null));
    }

    public static class UnguardedView extends Div {
    }
}

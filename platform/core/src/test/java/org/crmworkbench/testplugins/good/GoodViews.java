package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.pf4j.Extension;

import java.util.List;

@Extension
public class GoodViews implements ViewContribution {
    @Override
    public List<PluginView> views() {
        return List.of(PluginView.menu("notes", NotesView.class, "menu.notes", "NOTEBOOK"),
                new PluginView("secret", NotesView.class, "menu.notes", null, "test-good.see-secret", 200));
    }
}

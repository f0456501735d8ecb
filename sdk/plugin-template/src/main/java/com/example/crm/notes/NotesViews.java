package com.example.crm.notes;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.pf4j.Extension;

import java.util.List;

/** The plugin's views: {@code /account-notes/notes}, in the menu for every signed-in user. */
@Extension
public class NotesViews implements ViewContribution {

    @Override
    public List<PluginView> views() {
        return List.of(PluginView.menu("notes", NotesView.class, "menu.notes", "NOTEBOOK"));
    }
}

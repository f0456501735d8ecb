package org.crmworkbench.testplugins.good;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;

@PermitAll
public class NotesView extends Div {
    public NotesView(PluginContext context) {
        int notes = context.dsl().fetchCount(context.dsl().selectFrom("note"));
        Span count = new Span(context.message("notes.count", notes));
        count.setId("notes-count");
        add(count);
    }
}

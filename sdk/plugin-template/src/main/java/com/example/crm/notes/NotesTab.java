package com.example.crm.notes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.pf4j.Extension;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The "Notes" tab on the account: its latest notes and, for those who may write, a new one. */
@Extension
public class NotesTab implements AccountTabContribution {

    static final int SHOWN = 50;

    @Override
    public String labelKey() {
        return "tab.notes";
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        return new Content(account, context);
    }

    /** The tab's content. */
    static final class Content extends VerticalLayout {

        final TextArea text = new TextArea();
        final Button add = new Button();
        final Span status = new Span();
        final Div list = new Div();
        private final AccountRef account;
        private final PluginContext context;
        private final Notes notes;
        private final DateTimeFormatter when;

        Content(AccountRef account, PluginContext context) {
            this.account = account;
            this.context = context;
            this.notes = new Notes(context);
            this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale());
            if (context.hasPermission(NotesPermissions.WRITE)) {
                text.setLabel(context.message("note.new"));
                text.setMaxLength(Notes.MAX_LENGTH);
                // the value must reach the server before Ctrl+Enter clicks "Add": no change event comes first
                text.setValueChangeMode(ValueChangeMode.EAGER);
                text.setWidthFull();
                add.setText(context.message("note.add"));
                add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(text);
                add.addClickListener(click -> save());
                status.getElement().setAttribute("role", "status");
                add(text, add, status);
            } else {
                add(new Paragraph(context.message("note.read-only")));
            }
            add(list);
            refresh();
        }

        private void save() {
            try {
                notes.add(account.id(), text.getValue());
                text.clear();
                text.setInvalid(false);
                status.setText(context.message("note.added"));
                refresh();
            } catch (NoteRejectedException e) {
                status.setText("");
                text.setErrorMessage(context.message(e.messageKey(), e.arguments()));
                text.setInvalid(true); // the text stays, so nothing typed is lost
            }
        }

        private void refresh() {
            list.removeAll();
            var shown = notes.ofAccount(account.id(), SHOWN);
            if (shown.isEmpty()) {
                list.add(new Paragraph(context.message("note.account-none")));
            }
            for (Note note : shown) {
                var meta = new Span(note.author() + " · " + when.format(note.createdAt()));
                meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                var entry = new Div(meta, new Paragraph(note.text()));
                entry.addClassName("note");
                list.add(entry);
            }
        }
    }
}

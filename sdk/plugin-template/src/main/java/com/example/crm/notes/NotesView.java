package com.example.crm.notes;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Every note (route {@code /account-notes/notes}): searched and paged in SQL, newest first. */
@PermitAll
public class NotesView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<Note> grid = new Grid<>();
    private final PluginContext context;

    /** The host hands a plugin view its own context; no other constructor arguments. */
    public NotesView(PluginContext context) {
        this.context = context;
        var notes = new Notes(context);
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale());
        search.setPlaceholder(context.message("notes.search"));
        search.setAriaLabel(context.message("notes.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        grid.addComponentColumn(note -> new Anchor("accounts/" + note.accountId(), note.accountName()))
                .setHeader(context.message("notes.account")).setAutoWidth(true);
        grid.addColumn(Note::text).setHeader(context.message("notes.text")).setFlexGrow(4);
        grid.addColumn(Note::author).setHeader(context.message("notes.author")).setAutoWidth(true);
        grid.addColumn(note -> when.format(note.createdAt())).setHeader(context.message("notes.created")).setAutoWidth(true);
        grid.setItems(query -> notes.page(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> notes.count(search.getValue()));
        grid.setEmptyStateText(context.message("notes.none"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        search.addValueChangeListener(change -> {
            grid.setEmptyStateText(context.message(change.getValue().isBlank() ? "notes.none" : "notes.none-found"));
            grid.getDataProvider().refreshAll();
        });
        setSizeFull();
        add(new H2(context.message("notes.title")), search, grid);
    }

    @Override
    public String getPageTitle() {
        return context.message("notes.title");
    }
}

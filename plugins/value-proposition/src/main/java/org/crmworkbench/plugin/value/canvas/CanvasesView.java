package org.crmworkbench.plugin.value.canvas;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.value.ValuePermissions;
import org.crmworkbench.plugin.value.ValueViews;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Value proposition canvases per customer segment (route {@code /value-proposition/canvases}); an
 * account's own canvas is opened from that account's tab.
 */
@PermitAll
public class CanvasesView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<Canvases.Listing> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    private final PluginContext context;
    private final Canvases canvases;

    public CanvasesView(PluginContext context) {
        this.context = context;
        this.canvases = new Canvases(context.dsl(), context.clock(), context::requirePermission);
        setSizeFull();
        var dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale());
        search.setPlaceholder(context.message("canvases.search"));
        search.setAriaLabel(context.message("canvases.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18rem");
        search.addValueChangeListener(change -> refresh());
        var create = new Button(context.message("canvases.new"), click -> new CanvasHeadDialog(context, null, this::open).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(context.hasPermission(ValuePermissions.EDIT));
        var bar = new HorizontalLayout(search, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(Canvases.Listing::name).setHeader(context.message("canvas.name")).setFlexGrow(3);
        grid.addColumn(l -> l.industry() == null ? context.message("canvas.any-industry") : l.industry())
                .setHeader(context.message("canvas.industry")).setFlexGrow(2);
        grid.addColumn(l -> l.accountLevel() == null ? context.message("canvas.any-level") : context.message("level." + l.accountLevel().toLowerCase()))
                .setHeader(context.message("canvas.level")).setFlexGrow(2);
        grid.addColumn(l -> context.message("canvases.counts", l.pains(), l.gains())).setHeader(context.message("canvases.customer"))
                .setAutoWidth(true);
        grid.addColumn(l -> l.unanswered() == 0 ? context.message("canvases.all-answered") : context.message("canvases.unanswered", l.unanswered()))
                .setHeader(context.message("canvases.answered")).setAutoWidth(true);
        grid.addColumn(l -> dates.format(l.updatedAt()) + " · " + l.updatedBy()).setHeader(context.message("sellograms.updated")).setAutoWidth(true);
        grid.setItems(query -> canvases.list(search.getValue(), true, query.getOffset(), query.getLimit()).stream(),
                query -> canvases.count(search.getValue(), true));
        grid.addItemClickListener(click -> open(click.getItem().id()));
        grid.setSizeFull();
        add(new H2(context.message("canvases.title")), new Paragraph(context.message("canvases.intro")), bar, empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("canvases.title");
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        boolean none = canvases.count(search.getValue(), true) == 0;
        empty.setText(context.message(canvases.count(null, true) == 0 ? "canvases.none-yet" : "canvases.none-match"));
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    private void open(long id) {
        UI.getCurrent().navigate(ValueViews.CANVAS, QueryParameters.of("id", String.valueOf(id)));
    }
}

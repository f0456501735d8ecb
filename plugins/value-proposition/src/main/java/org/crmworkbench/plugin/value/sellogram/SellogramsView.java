package org.crmworkbench.plugin.value.sellogram;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.value.Feedback;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.ValuePermissions;
import org.crmworkbench.plugin.value.ValueViews;
import org.crmworkbench.plugin.value.motive.Motive;
import org.crmworkbench.plugin.value.motive.Motives;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;

/**
 * Sellograms (route {@code /value-proposition/sellograms}): search by product, service or buying
 * motive, and the active products that have no published sellogram yet.
 */
@PermitAll
public class SellogramsView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Select<Motive> motive = new Select<>();
    final Select<SellogramStatus> status = new Select<>();
    final Grid<Sellograms.Listing> grid = new Grid<>();
    final Grid<Sellograms.UncoveredProduct> uncovered = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Tabs tabs;
    private final PluginContext context;
    private final Sellograms sellograms;

    public SellogramsView(PluginContext context) {
        this.context = context;
        this.sellograms = new Sellograms(context.dsl(), context.clock(), context::requirePermission);
        setSizeFull();
        var dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale());

        search.setPlaceholder(context.message("sellograms.search"));
        search.setAriaLabel(context.message("sellograms.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18rem");
        search.addValueChangeListener(change -> refresh());
        motive.setLabel(context.message("sellograms.motive"));
        motive.setItems(new Motives(context.dsl()).list(false));
        motive.setEmptySelectionAllowed(true);
        motive.setEmptySelectionCaption(context.message("sellograms.all-motives"));
        motive.setItemLabelGenerator(m -> m == null ? context.message("sellograms.all-motives") : m.name(context.locale()));
        motive.addValueChangeListener(change -> refresh());
        status.setLabel(context.message("sellograms.status"));
        status.setItems(SellogramStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(context.message("sellograms.all-statuses"));
        status.setItemLabelGenerator(s -> s == null ? context.message("sellograms.all-statuses") : context.message(s.labelKey()));
        status.addValueChangeListener(change -> refresh());
        var create = new Button(context.message("sellograms.new"), click -> new NewSellogramDialog(context, null, this::open).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(context.hasPermission(ValuePermissions.EDIT));
        var filters = new HorizontalLayout(search, motive, status, create);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(Sellograms.Listing::subjectName).setHeader(context.message("sellograms.subject")).setKey("subject")
                .setSortable(true).setFlexGrow(3);
        grid.addColumn(l -> context.message(l.service() ? "sellograms.kind.service" : "sellograms.kind.product"))
                .setHeader(context.message("sellograms.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Sellograms.Listing::revision).setHeader(context.message("sellograms.revision")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(l -> badge(context, l.status())).setHeader(context.message("sellograms.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Sellograms.Listing::motives).setHeader(context.message("sellograms.motives")).setFlexGrow(3);
        grid.addColumn(Sellograms.Listing::rows).setHeader(context.message("sellograms.rows")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> dates.format(l.updatedAt()) + " · " + l.updatedBy()).setHeader(context.message("sellograms.updated"))
                .setKey("updated").setSortable(true).setAutoWidth(true);
        grid.setItems(query -> sellograms.search(filter(), context.locale(), sort(query.getSortOrders()),
                query.getOffset(), query.getLimit()).stream(), query -> sellograms.count(filter()));
        grid.addItemClickListener(click -> open(click.getItem().id()));
        grid.setSizeFull();

        uncovered.addColumn(Sellograms.UncoveredProduct::code).setHeader(context.message("uncovered.code")).setAutoWidth(true).setFlexGrow(0);
        uncovered.addColumn(Sellograms.UncoveredProduct::name).setHeader(context.message("uncovered.name")).setFlexGrow(3);
        uncovered.addColumn(Sellograms.UncoveredProduct::productGroup).setHeader(context.message("uncovered.group")).setFlexGrow(2);
        uncovered.addColumn(p -> context.message(p.hasDraft() ? "uncovered.draft" : "uncovered.none"))
                .setHeader(context.message("uncovered.state")).setAutoWidth(true);
        if (context.hasPermission(ValuePermissions.EDIT)) {
            uncovered.addComponentColumn(this::startButton).setAutoWidth(true).setFlexGrow(0);
        }
        uncovered.setItems(query -> sellograms.uncoveredProducts(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> sellograms.countUncoveredProducts(search.getValue()));
        uncovered.setSizeFull();

        var all = new Tab(context.message("sellograms.tab.all"));
        var missing = new Tab(context.message("sellograms.tab.uncovered"));
        tabs = new Tabs(all, missing);
        tabs.addSelectedChangeListener(change -> refresh());
        add(new H2(context.message("sellograms.title")), new Paragraph(context.message("sellograms.intro")), tabs, filters, empty,
                grid, uncovered);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("sellograms.title");
    }

    private Sellograms.Search filter() {
        return new Sellograms.Search(search.getValue(), motive.getValue() == null ? null : motive.getValue().id(), status.getValue());
    }

    static Sellograms.Sort sort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return Sellograms.Sort.SUBJECT_ASC;
        }
        var order = orders.getFirst();
        boolean descending = order.getDirection() == SortDirection.DESCENDING;
        return "updated".equals(order.getSorted())
                ? descending ? Sellograms.Sort.UPDATED_DESC : Sellograms.Sort.UPDATED_ASC
                : descending ? Sellograms.Sort.SUBJECT_DESC : Sellograms.Sort.SUBJECT_ASC;
    }

    void refresh() {
        boolean listing = tabs.getSelectedIndex() == 0;
        motive.setVisible(listing);
        status.setVisible(listing);
        grid.setVisible(listing);
        uncovered.setVisible(!listing);
        if (listing) {
            grid.getDataProvider().refreshAll();
            boolean none = sellograms.count(filter()) == 0;
            empty.setText(context.message(sellograms.count(Sellograms.Search.ALL) == 0 ? "sellograms.none-yet" : "sellograms.none-match"));
            empty.setVisible(none);
            grid.setVisible(!none);
        } else {
            uncovered.getDataProvider().refreshAll();
            boolean none = sellograms.countUncoveredProducts(search.getValue()) == 0;
            empty.setText(context.message("uncovered.none-left"));
            empty.setVisible(none);
            uncovered.setVisible(!none);
        }
    }

    private Component startButton(Sellograms.UncoveredProduct product) {
        if (product.hasDraft()) {
            var open = new Button(context.message("uncovered.open-draft"),
                    click -> sellograms.draftOf(Subject.product(product.id())).ifPresentOrElse(this::open, this::refresh));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return open;
        }
        var start = new Button(context.message("uncovered.start"), click -> {
            try {
                open(sellograms.create(Subject.product(product.id()), Set.of(), Feedback.by(context)));
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, java.util.Map.of());
                refresh();
            }
        });
        start.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return start;
    }

    private void open(long id) {
        UI.getCurrent().navigate(ValueViews.SELLOGRAM, QueryParameters.of("id", String.valueOf(id)));
    }

    static Span badge(PluginContext context, SellogramStatus status) {
        var badge = new Span(context.message(status.labelKey()));
        badge.getElement().setAttribute("theme", theme(status));
        return badge;
    }

    static String theme(SellogramStatus status) {
        return switch (status) {
            case DRAFT -> "badge contrast";
            case PUBLISHED -> "badge success";
            case RETIRED -> "badge";
        };
    }
}

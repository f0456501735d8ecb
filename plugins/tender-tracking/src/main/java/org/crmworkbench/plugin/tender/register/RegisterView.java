package org.crmworkbench.plugin.tender.register;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.crmworkbench.plugin.tender.TenderViews;
import org.crmworkbench.plugin.tender.transfer.ImportDialog;
import org.crmworkbench.plugin.tender.transfer.RegisterExport;

import java.util.List;
import java.util.Set;

/**
 * The tender register (route {@code /tender-tracking/tenders}): search by title, reference, authority
 * or CPV code and filter by status, paged and sorted in SQL; new tenders, import of portal notices and
 * a CSV export of what is shown.
 */
@PermitAll
public class RegisterView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final MultiSelectComboBox<TenderStatus> statuses = new MultiSelectComboBox<>();
    final Grid<Tender> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final HorizontalLayout totals = new HorizontalLayout();
    final Button create;
    final Button importButton;
    private final PluginContext context;
    private final Tenders tenders;

    public RegisterView(PluginContext context) {
        this.context = context;
        this.tenders = new Tenders(context.dsl(), context.clock(), null, context::requirePermission);
        setSizeFull();
        var locale = context.locale();
        search.setPlaceholder(context.message("register.search"));
        search.setAriaLabel(context.message("register.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("20rem");
        search.addValueChangeListener(change -> refresh());
        statuses.setLabel(context.message("register.statuses"));
        statuses.setItems(TenderStatus.values());
        statuses.setItemLabelGenerator(s -> context.message(s.labelKey()));
        statuses.addValueChangeListener(change -> refresh());
        boolean editor = context.hasPermission(TenderPermissions.EDIT);
        create = new Button(context.message("register.new"), VaadinIcon.PLUS.create(), click -> UI.getCurrent().navigate(TenderViews.TENDER));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(editor);
        importButton = new Button(context.message("register.import"), VaadinIcon.UPLOAD.create(),
                click -> new ImportDialog(context, this::refresh).open());
        importButton.setVisible(editor);
        var export = new Anchor(CsvDownloads.handler("tenders.csv", this::filter,
                (search, csv, exportLocale) -> RegisterExport.write(tenders, search, csv, exportLocale)), "");
        export.getElement().setAttribute("download", true);
        export.add(new Button(context.message("register.export"), VaadinIcon.DOWNLOAD.create()));
        var bar = new HorizontalLayout(search, statuses, create, importButton, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        grid.addColumn(Tender::title).setHeader(context.message("tender.title")).setKey(Tenders.Sort.TITLE.name()).setSortable(true)
                .setFlexGrow(3);
        grid.addColumn(Tender::authorityName).setHeader(context.message("tender.authority")).setKey(Tenders.Sort.AUTHORITY.name())
                .setSortable(true).setFlexGrow(2);
        grid.addColumn(t -> t.input().reference()).setHeader(context.message("tender.reference")).setAutoWidth(true);
        grid.addComponentColumn(t -> Formats.badge(context, t.status())).setHeader(context.message("tender.status"))
                .setKey(Tenders.Sort.STATUS.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> Formats.date(t.input().dates().submissionDeadline(), locale)).setHeader(context.message("tender.date.submissionDeadline"))
                .setKey(Tenders.Sort.DEADLINE.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(t -> Formats.money(t.input().estimatedValue(), t.input().currency(), locale)).setHeader(context.message("tender.value"))
                .setKey(Tenders.Sort.VALUE.name()).setSortable(true).setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(t -> t.ownerName() == null ? "" : t.ownerName()).setHeader(context.message("tender.owner")).setAutoWidth(true);
        grid.setItems(query -> {
            var order = sort(query.getSortOrders());
            return tenders.search(filter(), order.sort(), order.descending(), query.getOffset(), query.getLimit()).stream();
        }, query -> tenders.count(filter()));
        grid.addItemClickListener(click -> open(click.getItem().id()));
        grid.setSizeFull();
        totals.setId("register-totals");
        totals.setWrap(true);
        add(new H2(context.message("register.title")), new Paragraph(context.message("register.intro")), bar, totals, empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("register.title");
    }

    Tenders.Search filter() {
        return new Tenders.Search(search.getValue(), Set.copyOf(statuses.getValue()), null);
    }

    record Order(Tenders.Sort sort, boolean descending) {
    }

    static Order sort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return new Order(Tenders.Sort.DEADLINE, false);
        }
        var first = orders.getFirst();
        return new Order(Tenders.Sort.valueOf(first.getSorted()), first.getDirection() == SortDirection.DESCENDING);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        totals.removeAll();
        var byStatus = tenders.totals(filter());
        byStatus.forEach((status, total) -> {
            if (total.count() > 0) {
                var line = new Span(context.message("register.total", context.message(status.labelKey()), total.count(),
                        total.value().format(context.locale())));
                line.getElement().setAttribute("theme", "badge contrast");
                totals.add(line);
            }
        });
        // the totals per status already count what the filter shows; the whole register is counted only when that is nothing
        boolean none = byStatus.values().stream().mapToInt(Tenders.StatusTotal::count).sum() == 0;
        empty.setText(context.message(none && tenders.count(Tenders.Search.ALL) == 0 ? "register.none-yet" : "register.none-match"));
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    private void open(long id) {
        UI.getCurrent().navigate(TenderViews.TENDER, QueryParameters.of("id", String.valueOf(id)));
    }
}

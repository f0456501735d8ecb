package org.crmworkbench.plugin.rating.criteria;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.rating.RatingPermissions;

import java.util.List;

/**
 * The rating criteria: a lazily loaded, sortable list, and for users who may edit them a form to add
 * one and a delete action. Route {@code /customer-rating/criteria}.
 */
@PermitAll
public class CriteriaView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Criterion> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final CriterionForm form;
    private final PluginContext context;
    private final CriteriaRepository criteria;

    public CriteriaView(PluginContext context) {
        this.context = context;
        this.criteria = new CriteriaRepository(context.dsl());
        this.form = new CriterionForm(context, criteria, this::refresh);
        setSizeFull();

        grid.addColumn(Criterion::name).setKey("name").setHeader(context.message("criteria.name")).setSortable(true).setFlexGrow(3);
        grid.addColumn(c -> context.message(c.method().labelKey())).setKey("method").setAutoWidth(true)
                .setHeader(context.message("criteria.method")).setSortable(true);
        grid.addColumn(Criterion::weight).setKey("weight").setHeader(context.message("criteria.weight")).setSortable(true);
        grid.addColumn(c -> c.minScore() == null ? "—" : c.minScore().toString()).setKey("minScore")
                .setHeader(context.message("criteria.min-score")).setSortable(true);
        boolean mayEdit = context.hasPermission(RatingPermissions.EDIT_CRITERIA);
        if (mayEdit) {
            grid.addComponentColumn(this::deleteButton).setKey("actions").setFlexGrow(0).setWidth("9em");
        }
        grid.setItems(query -> criteria.page(query.getOffset(), query.getLimit(), sorts(query.getSortOrders())).stream(),
                query -> criteria.count());
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("method"), SortDirection.ASCENDING)));

        empty.setText(context.message("criteria.empty"));
        add(new H2(context.message("criteria.title")), new Paragraph(context.message("criteria.intro")));
        if (mayEdit) {
            add(form);
        }
        add(empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("criteria.title");
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        boolean none = criteria.count() == 0;
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    private Button deleteButton(Criterion criterion) {
        var delete = new Button(context.message("criteria.delete"), click -> confirmDelete(criterion));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return delete;
    }

    private void confirmDelete(Criterion criterion) {
        var dialog = new ConfirmDialog(context.message("criteria.delete.title"),
                context.message("criteria.delete.text", criterion.name()),
                context.message("criteria.delete"), confirmed -> delete(criterion));
        dialog.setCancelable(true);
        dialog.setCancelText(context.message("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void delete(Criterion criterion) {
        if (criteria.delete(criterion.id(), criterion.version())) {
            Notification.show(context.message("criteria.deleted", criterion.name()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show(context.message("criteria.changed-elsewhere", criterion.name()))
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        refresh();
    }

    private static List<CriteriaRepository.Sort> sorts(List<QuerySortOrder> orders) {
        return orders.stream()
                .map(order -> new CriteriaRepository.Sort(order.getSorted(), order.getDirection() == SortDirection.ASCENDING))
                .toList();
    }
}

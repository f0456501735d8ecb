package org.crmworkbench.plugin.value.sellogram;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.value.ChangedMeanwhileException;
import org.crmworkbench.plugin.value.Controls;
import org.crmworkbench.plugin.value.Feedback;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.ValuePermissions;
import org.crmworkbench.plugin.value.ValueViews;
import org.crmworkbench.plugin.value.motive.Motive;
import org.crmworkbench.plugin.value.motive.Motives;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sellogram builder (route {@code /value-proposition/sellogram?id=}): the claimed motives and the
 * rows of a draft, edited, reordered and checked against the publish rule; published revisions are
 * read-only and give a new draft revision or a duplicate.
 */
@PermitAll
public class SellogramView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final H2 title = new H2();
    final Span status = new Span();
    final Paragraph meta = new Paragraph();
    final MultiSelectComboBox<Motive> claimed = new MultiSelectComboBox<>();
    final Grid<SellogramRow> rows = new Grid<>();
    final Paragraph noRows = new Paragraph();
    final Div check = new Div();
    final Div revisions = new Div();
    final Button addRow;
    final Button publish;
    final Button newRevision;
    final Button duplicate;
    final Button deleteDraft;
    private final PluginContext context;
    private final Sellograms sellograms;
    private final Motives motives;
    private final DateTimeFormatter dates;
    /** The motive catalogue in its order, and by id; read once per render. */
    private List<Motive> ordered = List.of();
    private Map<Long, Motive> catalogue = Map.of();
    private Sellogram current;

    public SellogramView(PluginContext context) {
        this.context = context;
        this.sellograms = new Sellograms(context.dsl(), context.clock(), context::requirePermission);
        this.motives = new Motives(context.dsl(), context::requirePermission);
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale());
        setWidthFull();

        claimed.setLabel(context.message("builder.claimed"));
        claimed.setHelperText(context.message("builder.claimed-help"));
        claimed.setItemLabelGenerator(m -> m.name(context.locale()));
        claimed.setWidth("40rem");
        claimed.addValueChangeListener(change -> {
            if (change.isFromClient() && current != null) {
                change(v -> sellograms.setMotives(current.id(), v,
                        change.getValue().stream().map(Motive::id).collect(Collectors.toSet()), Feedback.by(context)));
            }
        });

        rows.addColumn(SellogramRow::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> cell(r.feature())).setHeader(context.message("row.feature")).setFlexGrow(2);
        rows.addColumn(r -> cell(r.advantage())).setHeader(context.message("row.advantage")).setFlexGrow(2);
        rows.addColumn(r -> cell(r.benefit())).setHeader(context.message("row.benefit")).setFlexGrow(3);
        rows.addColumn(r -> ordered.stream().filter(m -> r.motiveIds().contains(m.id())).map(m -> m.name(context.locale()))
                        .collect(Collectors.joining(", ")))
                .setHeader(context.message("row.motives")).setFlexGrow(2);
        rows.addComponentColumn(this::rowActions).setHeader(context.message("row.actions")).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        rows.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        rows.setAllRowsVisible(true);
        rows.setWidthFull();

        addRow = new Button(context.message("builder.add-row"), VaadinIcon.PLUS.create(), click -> openRow(null));
        publish = new Button(context.message("builder.publish"), click -> confirmPublish());
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newRevision = new Button(context.message("builder.new-revision"), click -> {
            try {
                var draft = sellograms.newRevision(current.id(), Feedback.by(context));
                if (!draft.created()) {
                    Feedback.success(context.message("builder.draft-exists"));
                }
                open(draft.id());
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of());
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                reload();
            }
        });
        duplicate = new Button(context.message("builder.duplicate"), click -> new NewSellogramDialog(context, current.id(), this::open).open());
        deleteDraft = new Button(context.message("builder.delete-draft"), click -> confirmDelete());
        deleteDraft.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        var actions = new HorizontalLayout(addRow, publish, newRevision, duplicate, deleteDraft);
        actions.setWrap(true);
        var heading = new HorizontalLayout(title, status);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Anchor(ValueViews.SELLOGRAMS, context.message("builder.back")), heading, meta, claimed, actions, noRows, rows, check,
                revisions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getLocation().getQueryParameters().getSingleParameter("id").flatMap(SellogramView::parse);
        current = id.flatMap(sellograms::find).orElse(null);
        render();
    }

    @Override
    public String getPageTitle() {
        return current == null ? context.message("builder.not-found") : current.subjectName();
    }

    private static java.util.Optional<Long> parse(String value) {
        try {
            return java.util.Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    void reload() {
        current = current == null ? null : sellograms.find(current.id()).orElse(null);
        render();
    }

    private void render() {
        boolean found = current != null;
        getChildren().skip(1).forEach(child -> child.setVisible(found));
        if (!found) {
            title.setText(context.message("builder.not-found"));
            title.getParent().ifPresent(parent -> parent.setVisible(true));
            title.setVisible(true);
            status.setVisible(false);
            return;
        }
        ordered = motives.list(false);
        catalogue = ordered.stream().collect(Collectors.toMap(Motive::id, Function.identity()));
        boolean editable = current.draft() && context.hasPermission(ValuePermissions.EDIT);
        title.setText(current.subjectName());
        status.setVisible(true);
        status.setText(context.message("builder.revision", current.revision(), context.message(current.status().labelKey())));
        status.getElement().setAttribute("theme", SellogramsView.theme(current.status()));
        meta.setText(context.message("builder.meta", dates.format(current.updatedAt()), current.updatedBy()));

        var choices = ordered.stream().filter(m -> m.active() || current.motiveIds().contains(m.id())).toList();
        claimed.setItems(choices);
        claimed.setValue(choices.stream().filter(m -> current.motiveIds().contains(m.id())).collect(Collectors.toSet()));
        claimed.setReadOnly(!editable);

        rows.setItems(current.rows());
        rows.getColumnByKey("actions").setVisible(editable);
        noRows.setText(context.message(editable ? "builder.no-rows-edit" : "builder.no-rows"));
        noRows.setVisible(current.rows().isEmpty());
        rows.setVisible(!current.rows().isEmpty());

        addRow.setVisible(editable);
        publish.setVisible(current.draft() && context.hasPermission(ValuePermissions.PUBLISH));
        deleteDraft.setVisible(editable);
        newRevision.setVisible(!current.draft() && context.hasPermission(ValuePermissions.EDIT));
        duplicate.setVisible(context.hasPermission(ValuePermissions.EDIT));
        renderCheck();
        renderRevisions();
    }

    private void renderCheck() {
        check.removeAll();
        if (!current.draft()) {
            check.setVisible(false);
            return;
        }
        var problems = PublishProblem.of(current);
        check.setVisible(true);
        check.setId("publish-check");
        if (problems.isEmpty()) {
            check.add(new Paragraph(context.message("check.ready")));
            return;
        }
        check.add(new H3(context.message("check.title")));
        var list = new UnorderedList();
        problems.forEach(problem -> list.add(new ListItem(describe(problem))));
        check.add(list);
    }

    /** A problem of the publish rule in the user's words. */
    String describe(PublishProblem problem) {
        return switch (problem) {
            case PublishProblem.NoRows ignored -> context.message("check.no-rows");
            case PublishProblem.NoMotives ignored -> context.message("check.no-motives");
            case PublishProblem.MotiveWithoutRow m -> context.message("check.motive-without-row", motiveName(m.motiveId()));
            case PublishProblem.EmptyCell e -> context.message("check.empty-cell", e.row(),
                    context.message("check.cell." + e.cell().name().toLowerCase()));
            case PublishProblem.RowWithoutMotive r -> context.message("check.row-without-motive", r.row());
            case PublishProblem.UnclaimedMotive u -> context.message("check.unclaimed", u.row(), motiveName(u.motiveId()));
        };
    }

    private String motiveName(long id) {
        var motive = catalogue.get(id);
        return motive == null ? "#" + id : motive.name(context.locale());
    }

    private void renderRevisions() {
        revisions.removeAll();
        var all = sellograms.revisions(current.subject(), context.locale());
        if (all.size() < 2) {
            return;
        }
        revisions.add(new H3(context.message("builder.revisions")));
        var list = new UnorderedList();
        for (var revision : all) {
            String label = context.message("builder.revision", revision.revision(), context.message(revision.status().labelKey()))
                    + " · " + dates.format(revision.updatedAt());
            list.add(new ListItem(revision.id() == current.id() ? new Span(label)
                    : new Anchor(ValueViews.SELLOGRAM + "?id=" + revision.id(), label)));
        }
        revisions.add(list);
    }

    private Component rowActions(SellogramRow row) {
        var up = Controls.icon(context, VaadinIcon.ARROW_UP, "row.up",
                () -> change(v -> sellograms.moveRow(current.id(), v, row.id(), true, Feedback.by(context))));
        up.setEnabled(row.position() > 1);
        var down = Controls.icon(context, VaadinIcon.ARROW_DOWN, "row.down",
                () -> change(v -> sellograms.moveRow(current.id(), v, row.id(), false, Feedback.by(context))));
        down.setEnabled(row.position() < current.rows().size());
        var edit = Controls.icon(context, VaadinIcon.EDIT, "row.edit", () -> openRow(row));
        var delete = Controls.icon(context, VaadinIcon.TRASH, "row.delete", () -> Controls.confirm(context, "row.delete-title",
                context.message("row.delete-text", row.position()), "row.delete", true,
                () -> change(v -> sellograms.deleteRow(current.id(), v, row.id(), Feedback.by(context)))));
        return new HorizontalLayout(up, down, edit, delete);
    }

    private void openRow(SellogramRow row) {
        var choices = ordered.stream().filter(m -> m.active() || (row != null && row.motiveIds().contains(m.id()))).toList();
        long id = current.id();
        int version = current.version();
        new RowDialog(context, row, choices, input -> {
            if (row == null) {
                sellograms.addRow(id, version, input, Feedback.by(context));
            } else {
                sellograms.updateRow(id, version, row.id(), input, Feedback.by(context));
            }
        }, this::reload).open();
    }

    /** Applies a change to the draft at its current version, then shows what is stored. */
    private void change(java.util.function.IntConsumer action) {
        try {
            action.accept(current.version());
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of("motives", claimed));
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            Feedback.changedMeanwhile(context);
        }
        reload();
    }

    private void confirmPublish() {
        var problems = PublishProblem.of(current);
        if (!problems.isEmpty()) {
            Feedback.error(context.message("check.refused", problems.size()));
            renderCheck();
            return;
        }
        Controls.confirm(context, "publish.title", context.message("publish.text"), "builder.publish", false, () -> {
            try {
                sellograms.publish(current.id(), current.version(), Feedback.by(context));
                Feedback.success(context.message("publish.done"));
            } catch (PublishRefusedException e) {
                Feedback.error(context.message("check.refused", e.problems().size()));
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
            }
            reload();
        });
    }

    private void confirmDelete() {
        Controls.confirm(context, "delete-draft.title", context.message("delete-draft.text"), "builder.delete-draft", true, () -> {
            try {
                sellograms.deleteDraft(current.id(), current.version());
                UI.getCurrent().navigate(ValueViews.SELLOGRAMS);
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                reload();
            }
        });
    }

    private String cell(String text) {
        return text.isBlank() ? context.message("row.empty-cell") : text;
    }

    private void open(long id) {
        UI.getCurrent().navigate(ValueViews.SELLOGRAM, QueryParameters.of("id", String.valueOf(id)));
    }
}

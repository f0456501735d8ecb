package org.crmworkbench.plugin.rating.score;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.api.csv.CsvWriter;
import org.crmworkbench.plugin.rating.RatingPermissions;
import org.crmworkbench.plugin.rating.model.ModelCriterion;
import org.crmworkbench.plugin.rating.model.ModelSelect;
import org.crmworkbench.plugin.rating.model.RatingModel;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rating results (route {@code /customer-rating/results}): run a model over all accounts in the
 * background with progress, then page through the accounts by value, filtered on name, qualification
 * and knock-outs, and export the list as CSV.
 */
@PermitAll
public class ResultsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ResultsView.class);

    final Select<RatingModel> model;
    final Button run = new Button();
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    final TextField search = new TextField();
    final Select<Boolean> qualifies = new Select<>();
    final Checkbox knockedOut = new Checkbox();
    final Grid<RatingResults.Row> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    private final Anchor export;
    private final PluginContext context;
    private final RatingModels models;
    private final RatingResults results;
    private final Locale locale;
    private final DateTimeFormatter dateTimes;
    /** Criterion names of the shown run's model version, for the knock-out column. */
    private Map<Long, String> criterionNames = Map.of();
    private volatile boolean busy;

    public ResultsView(PluginContext context) {
        this.context = context;
        this.model = ModelSelect.create(context);
        this.models = new RatingModels(context.dsl(), context.clock());
        this.results = new RatingResults(context.dsl(), models);
        this.locale = context.locale();
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        setSizeFull();

        model.addValueChangeListener(change -> show());
        run.setText(context.message("results.run"));
        run.setIcon(VaadinIcon.PLAY.create());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> start());
        progress.setWidth("12em");
        progress.setVisible(false);
        var controls = new HorizontalLayout(model, run, progress);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);

        search.setPlaceholder(context.message("results.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.addValueChangeListener(change -> refresh());
        qualifies.setLabel(context.message("results.qualifies"));
        qualifies.setItems(Boolean.TRUE, Boolean.FALSE);
        qualifies.setEmptySelectionAllowed(true);
        qualifies.setEmptySelectionCaption(context.message("results.all"));
        qualifies.setItemLabelGenerator(v -> v == null ? context.message("results.all")
                : context.message(v ? "results.yes" : "results.no"));
        qualifies.addValueChangeListener(change -> refresh());
        knockedOut.setLabel(context.message("results.knocked-out-only"));
        knockedOut.addValueChangeListener(change -> refresh());
        export = new Anchor(CsvDownloads.handler("rating.csv", this::exportState, ResultsView::export), "");
        var exportButton = new Button(context.message("results.export"), VaadinIcon.DOWNLOAD_ALT.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.getElement().setAttribute("download", true);
        var filters = new HorizontalLayout(search, qualifies, knockedOut, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.addComponentColumn(row -> new Anchor("accounts/" + row.accountId(), row.name())).setKey("name")
                .setHeader(context.message("results.account")).setSortable(true).setFlexGrow(3);
        grid.addColumn(RatingResults.Row::city).setKey("city").setHeader(context.message("results.city")).setSortable(true);
        grid.addColumn(row -> row.value().stripTrailingZeros().toPlainString()).setKey("value")
                .setHeader(context.message("results.value")).setSortable(true);
        grid.addColumn(row -> context.message(row.qualifies() ? "results.yes" : "results.no")).setKey("qualifies")
                .setHeader(context.message("results.qualifies")).setSortable(true);
        grid.addColumn(row -> knockOutNames(row.knockedOut())).setKey("knockedOut")
                .setHeader(context.message("results.knocked-out")).setFlexGrow(3);
        grid.setItems(query -> {
            var sort = query.getSortOrders().stream().findFirst();
            var q = query(sort.map(s -> s.getSorted()).orElse(null),
                    sort.map(s -> s.getDirection() == SortDirection.ASCENDING).orElse(false));
            return q == null ? java.util.stream.Stream.empty() : results.page(q, query.getOffset(), query.getLimit()).stream();
        }, query -> {
            var q = query();
            return q == null ? 0 : results.count(q);
        });
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("value"), SortDirection.DESCENDING)));
        grid.setSizeFull();

        boolean mayRun = context.hasPermission(org.crmworkbench.plugin.rating.RatingPermissions.ANALYSE);
        run.setVisible(mayRun);
        add(new H2(context.message("results.title")), new Paragraph(context.message("results.intro")), controls, status,
                filters, empty, grid);
        var all = models.list();
        model.setItems(all);
        if (all.isEmpty()) {
            status.setText(context.message("results.no-model"));
            run.setEnabled(false);
            show();
        } else {
            model.setValue(all.getFirst());
        }
    }

    @Override
    public String getPageTitle() {
        return context.message("results.title");
    }

    private RatingResults.Query query() {
        return query(null, false);
    }

    private RatingResults.Query query(String sort, boolean ascending) {
        RatingModel shown = model.getValue();
        if (shown == null) {
            return null;
        }
        return new RatingResults.Query(shown.id(), search.getValue(), qualifies.getValue(), knockedOut.getValue(), sort, ascending);
    }

    /** Starts a run of the chosen model off the UI thread; the UI polls the progress until it is done. */
    void start() {
        RatingModel chosen = model.getValue();
        if (chosen == null || busy) {
            return;
        }
        // the run itself goes on without the signed-in user, on another thread: check here, on the server
        context.requirePermission(RatingPermissions.ANALYSE);
        var ui = UI.getCurrent();
        String by = context.currentUser().map(UserRef::username).orElse("?");
        busy = true;
        run.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        ui.setPollInterval(500);
        var ratingRun = new RatingRun(context.dsl(), context.clock(), context.accountMetrics());
        Thread.ofVirtual().name("rating-run").start(() -> {
            String problem = null;
            RatingRun.Outcome outcome = null;
            try {
                outcome = ratingRun.run(chosen.id(), by, done -> ui.access(() -> progress.setValue(done)));
            } catch (RatingRun.NoCriteriaException e) {
                problem = "results.no-criteria";
            } catch (RuntimeException | Error e) {
                log.error("Rating run failed", e);
                problem = "results.failed";
            }
            finish(ui, outcome, problem);
        });
    }

    private void finish(UI ui, RatingRun.Outcome outcome, String problem) {
        ui.access(() -> {
            busy = false;
            ui.setPollInterval(-1);
            run.setEnabled(true);
            progress.setVisible(false);
            if (problem != null) {
                Notification.show(context.message(problem), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else {
                Notification.show(context.message("results.done", outcome.accounts(), outcome.qualifying()), 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            show();
        });
    }

    /** Shows the chosen model's last run and its results. */
    void show() {
        RatingModel shown = model.getValue();
        var last = shown == null ? java.util.Optional.<RatingResults.RunInfo>empty() : results.lastRun(shown.id());
        last.ifPresentOrElse(r -> {
            criterionNames = models.criteriaOfVersion(r.modelId(), r.modelVersion()).stream()
                    .collect(Collectors.toMap(ModelCriterion::id, c -> c.name(locale)));
            status.setText(context.message("results.last-run", dateTimes.format(r.finishedAt()), r.by(), r.modelVersion(),
                    r.accounts(), r.qualifying()));
        }, () -> {
            criterionNames = Map.of();
            if (shown != null) {
                status.setText(context.message("results.none"));
            }
        });
        empty.setText(context.message("results.empty"));
        grid.getDataProvider().refreshAll();
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        var q = query();
        boolean none = q == null || results.count(q) == 0;
        empty.setVisible(none);
        grid.setVisible(!none);
        export.setEnabled(!none);
    }

    private String knockOutNames(List<Long> ids) {
        return ids.stream().map(id -> criterionNames.getOrDefault(id, "#" + id)).collect(Collectors.joining(", "));
    }

    /**
     * What an export needs, taken under the session lock: the list's filters and the labels in the
     * user's language.
     */
    record ExportState(RatingResults query, RatingResults.Query filter, List<String> headers, String yes, String no,
                       Map<Long, String> criterionNames) {
    }

    ExportState exportState() {
        var filter = query();
        return new ExportState(results, filter, List.of(context.message("results.account-id"), context.message("results.account"),
                context.message("results.city"), context.message("results.value"), context.message("results.qualifies"),
                context.message("results.knocked-out")), context.message("results.yes"), context.message("results.no"),
                Map.copyOf(criterionNames));
    }

    static void export(ExportState state, CsvWriter csv, Locale exportLocale) {
        csv.row(state.headers());
        if (state.filter() == null) {
            return;
        }
        CsvDownloads.paged(1_000, (offset, limit) -> state.query().page(state.filter(), offset, limit), row -> csv.row(List.of(
                row.accountId(), row.name(), row.city() == null ? "" : row.city(), row.value().toPlainString(),
                row.qualifies() ? state.yes() : state.no(),
                row.knockedOut().stream().map(id -> state.criterionNames().getOrDefault(id, "#" + id))
                        .collect(Collectors.joining(", ")))));
    }
}

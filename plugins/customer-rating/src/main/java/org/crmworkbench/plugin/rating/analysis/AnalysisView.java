package org.crmworkbench.plugin.rating.analysis;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.api.csv.CsvWriter;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.plugin.rating.RatingPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Customer analysis at {@code /customer-rating/analysis} (managers): run the set-based analysis over
 * a period in the background, then the customer pyramid, the ABC analysis with its Pareto curve, the
 * RFM + P scores per customer with their CLV, and retention per year with the CLV sensitivity.
 */
@PermitAll // the route itself requires RatingPermissions.ANALYSE (see RatingViews)
public class AnalysisView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AnalysisView.class);

    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final IntegerField top = new IntegerField();
    final IntegerField large = new IntegerField();
    final IntegerField medium = new IntegerField();
    final BigDecimalField buyingThreshold = new BigDecimalField();
    final BigDecimalField relationshipThreshold = new BigDecimalField();
    final Button run = new Button();
    final ProgressBar running = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Div pyramid = new Div();
    final Div abc = new Div();
    final Grid<CustomerAnalysis.Score> grid = new Grid<>();
    final TextField search = new TextField();
    final Select<PyramidLayer> layer = new Select<>();
    final Select<String> abcClass = new Select<>();
    final Select<Quadrant> quadrant = new Select<>();
    final Div matrix = new Div();
    final BigDecimalField marginPct = new BigDecimalField();
    final BigDecimalField discount = new BigDecimalField();
    final IntegerField horizon = new IntegerField();
    final BigDecimalField retentionPct = new BigDecimalField();
    final Div retention = new Div();
    final TabSheet tabs = new TabSheet();

    private final PluginContext context;
    private final CustomerAnalysis analysis;
    private final NumberFormat money;
    private final DateTimeFormatter dates;
    /** The CLV parameters as last shown; null when they are not valid. */
    private Clv clvModel;
    /** Retention of the last five years, read once per shown run. */
    private List<CustomerAnalysis.Retention> retentionRows = List.of();
    /** Days in the analysed period: a customer's margin over it, scaled to a year, is CLV's m. */
    private long periodDays = 365;

    public AnalysisView(PluginContext context) {
        this.context = context;
        this.analysis = new CustomerAnalysis(context.dsl(), context.clock());
        Locale locale = context.locale();
        money = Euros.format(locale);
        money.setMaximumFractionDigits(0);
        dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        setSizeFull();

        var defaults = CustomerAnalysis.Settings.lastYear(LocalDate.now(context.clock()));
        from.setLabel(context.message("analysis.from"));
        from.setValue(defaults.from());
        to.setLabel(context.message("analysis.to"));
        to.setValue(defaults.to());
        for (var field : List.of(top, large, medium)) {
            field.setStepButtonsVisible(true);
            field.setMin(0);
            field.setMax(100);
            field.setWidth("8em");
            field.setSuffixComponent(new Div("%"));
        }
        top.setLabel(context.message("pyramid.top"));
        top.setValue(PyramidShares.DEFAULT.top());
        large.setLabel(context.message("pyramid.large"));
        large.setValue(PyramidShares.DEFAULT.large());
        medium.setLabel(context.message("pyramid.medium"));
        medium.setValue(PyramidShares.DEFAULT.medium());
        buyingThreshold.setLabel(context.message("matrix.buying-threshold"));
        relationshipThreshold.setLabel(context.message("matrix.relationship-threshold"));
        for (var field : List.of(buyingThreshold, relationshipThreshold)) {
            field.setPlaceholder(context.message("matrix.median"));
            field.setHelperText(context.message("matrix.threshold-help"));
            field.setWidth("11em");
            field.setClearButtonVisible(true);
        }
        run.setText(context.message("analysis.run"));
        run.setIcon(VaadinIcon.PLAY.create());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> start());
        running.setIndeterminate(true);
        running.setVisible(false);
        running.setWidth("12em");
        var controls = new HorizontalLayout(from, to, top, large, medium, buyingThreshold, relationshipThreshold, run, running);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");

        tabs.add(context.message("analysis.tab.pyramid"), pyramid);
        tabs.add(context.message("analysis.tab.abc"), abc);
        tabs.add(context.message("analysis.tab.matrix"), matrix);
        tabs.add(context.message("analysis.tab.customers"), customers());
        tabs.add(context.message("analysis.tab.retention"), retentionTab());
        tabs.setWidthFull();
        add(new H2(context.message("analysis.title")), new Paragraph(context.message("analysis.intro")), controls, status, tabs);
        show();
    }

    @Override
    public String getPageTitle() {
        return context.message("analysis.title");
    }

    /** Runs the analysis off the UI thread; the UI polls until it is done. */
    void start() {
        LocalDate periodFrom = from.getValue();
        LocalDate periodTo = to.getValue();
        var shares = new PyramidShares(value(top), value(large), value(medium));
        BigDecimal buying = buyingThreshold.getValue();
        BigDecimal relationship = relationshipThreshold.getValue();
        String problem = periodFrom == null || periodTo == null ? "analysis.error.period-required"
                : periodFrom.isAfter(periodTo) ? "analysis.error.period-order"
                : !onScale(buying) || !onScale(relationship) || buyingThreshold.isInvalid() || relationshipThreshold.isInvalid()
                ? "analysis.error.threshold"
                : shares.check().values().stream().findFirst().orElse(null);
        if (problem != null) {
            error(context.message(problem));
            return;
        }
        // the run itself goes on without the signed-in user, on another thread: check here, on the server
        context.requirePermission(RatingPermissions.ANALYSE);
        var ui = UI.getCurrent();
        String by = context.currentUser().map(UserRef::username).orElse(null);
        run.setEnabled(false);
        running.setVisible(true);
        ui.setPollInterval(500);
        // the installed plugins' metrics as they are now (the NPS plugin may have come or gone)
        var current = new CustomerAnalysis(context.dsl(), context.clock(), context.accountMetrics());
        Thread.ofVirtual().name("customer-analysis").start(() -> {
            CustomerAnalysis.Run result = null;
            try {
                result = current.run(new CustomerAnalysis.Settings(periodFrom, periodTo, shares, buying, relationship), by);
            } catch (RuntimeException | Error e) {
                log.error("Customer analysis failed", e);
            } finally {
                finish(ui, result);
            }
        });
    }

    /** A matrix threshold is empty (the median) or a score from 1 to 5. */
    private static boolean onScale(BigDecimal threshold) {
        return threshold == null || threshold.compareTo(BigDecimal.ONE) >= 0 && threshold.compareTo(new BigDecimal("5")) <= 0;
    }

    /** Back on the UI: stop polling, enable the button, say how it went, show the result. */
    private void finish(UI ui, CustomerAnalysis.Run done) {
        ui.access(() -> {
            ui.setPollInterval(-1);
            run.setEnabled(true);
            running.setVisible(false);
            if (done == null) {
                error(context.message("analysis.failed"));
            } else {
                Notification.show(context.message("analysis.done", done.customers()), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            show();
        });
    }

    /** Shows the stored results, or what to do when there are none. */
    void show() {
        var last = analysis.lastRun();
        status.setText(last.map(r -> context.message("analysis.last-run", dates.format(r.from()), dates.format(r.to()),
                        r.customers(), money.format(r.revenue()), r.by() == null ? "—" : r.by()))
                .orElse(context.message("analysis.none")));
        tabs.setVisible(last.isPresent());
        if (last.isEmpty()) {
            return;
        }
        int year = LocalDate.now(context.clock()).getYear();
        retentionRows = analysis.retention(year - 4, year);
        periodDays = java.time.temporal.ChronoUnit.DAYS.between(last.get().from(), last.get().to()) + 1;
        showPyramid();
        showAbc();
        showMatrix(last.get());
        showRetention(); // also refreshes the customers with the CLV parameters
    }

    private void showPyramid() {
        var layers = analysis.pyramid();
        var below = analysis.belowCustomers();
        var labels = new ArrayList<String>();
        for (PyramidLayer l : PyramidLayer.values()) {
            var total = layers.get(l);
            labels.add(context.message("pyramid.band", context.message(l.labelKey()), total.customers(), money.format(total.revenue())));
        }
        labels.add(context.message("pyramid.band.count", context.message("pyramid.inactive"), below.inactive()));
        labels.add(context.message("pyramid.band.count", context.message("pyramid.prospects"), below.prospects()));
        labels.add(context.message("pyramid.band.count", context.message("pyramid.suspects"), below.suspects()));
        var strategies = new OrderedList();
        for (String key : List.of("strategy.determine", "strategy.acquire", "strategy.retain", "strategy.build-up",
                "strategy.build-down")) {
            strategies.add(new ListItem(context.message(key)));
        }
        var moved = analysis.movement();
        var movement = new Paragraph(context.message("pyramid.movement", moved.up(), moved.down(), moved.same(),
                moved.added(), moved.dropped()));
        var strategy = new Div(new H3(context.message("pyramid.strategy")), strategies, movement);
        var row = new HorizontalLayout(new Html(Charts.pyramid(labels, context.message("analysis.tab.pyramid"))), strategy);
        row.getStyle().set("flex-wrap", "wrap");
        pyramid.removeAll();
        pyramid.add(row);
    }

    private void showAbc() {
        var classes = analysis.abc();
        double share80 = analysis.customerShareFor(new BigDecimal("0.80"));
        int customers = classes.values().stream().mapToInt(CustomerAnalysis.LayerTotal::customers).sum();
        var percent = NumberFormat.getPercentInstance(context.locale());
        percent.setMaximumFractionDigits(1);
        var check = new Paragraph(context.message(share80 <= 0.2 ? "abc.check.holds" : "abc.check.differs",
                percent.format(share80), Math.max(1, Math.round(share80 * customers)), customers));
        var table = new Grid<String>();
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.setAllRowsVisible(true);
        table.setWidth("28em");
        table.addColumn(c -> c).setHeader(context.message("abc.class")).setAutoWidth(true);
        table.addColumn(c -> classes.get(c).customers()).setHeader(context.message("abc.customers")).setTextAlign(ColumnTextAlign.END);
        table.addColumn(c -> money.format(classes.get(c).revenue())).setHeader(context.message("abc.revenue"))
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(c -> context.message("abc.meaning." + c.toLowerCase())).setHeader(context.message("abc.meaning")).setFlexGrow(2);
        table.setItems(classes.keySet().stream().toList());
        var chart = new Html(Charts.pareto(analysis.pareto(100), share80, context.message("abc.pareto"),
                context.message("abc.axis.customers"), context.message("abc.axis.revenue")));
        var row = new HorizontalLayout(chart, new Div(check, table));
        row.getStyle().set("flex-wrap", "wrap");
        abc.removeAll();
        abc.add(row);
    }

    /** The 2 x 2 relations matrix: a cell's count opens the customers in it. */
    private void showMatrix(CustomerAnalysis.Run run) {
        var counts = analysis.matrix();
        var cells = new Div();
        cells.getStyle().set("display", "grid").set("grid-template-columns", "9em 18em 18em").set("gap", "6px")
                .set("align-items", "stretch");
        cells.add(new Div(), header("matrix.strong-relationship"), header("matrix.weak-relationship"));
        cells.add(header("matrix.strong-buying"), cell(Quadrant.PARTNER, counts), cell(Quadrant.ECONOMICUS, counts));
        cells.add(header("matrix.weak-buying"), cell(Quadrant.FRIEND, counts), cell(Quadrant.DOG, counts));
        var decimals = NumberFormat.getNumberInstance(context.locale());
        decimals.setMaximumFractionDigits(2);
        var thresholds = new Paragraph(run.buyingThreshold() == null ? context.message("matrix.no-thresholds")
                : context.message("matrix.thresholds", decimals.format(run.buyingThreshold()),
                decimals.format(run.relationshipThreshold())));
        matrix.removeAll();
        matrix.add(new Paragraph(context.message("matrix.intro")), cells, thresholds);
    }

    private Div header(String key) {
        var header = new Div(context.message(key));
        header.getStyle().set("font-weight", "600").set("align-self", "center");
        return header;
    }

    private Div cell(Quadrant q, java.util.Map<Quadrant, Integer> counts) {
        var open = new Button(context.message("matrix.count", counts.get(q)), click -> {
            quadrant.setValue(q);
            tabs.setSelectedIndex(3);
        });
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var title = new H3(context.message(q.labelKey()));
        title.getStyle().set("margin", "0");
        var cell = new Div(title, open, new Paragraph(context.message(q.approachKey())));
        cell.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", q == Quadrant.PARTNER ? "var(--lumo-success-color-10pct)"
                        : q == Quadrant.DOG ? "var(--lumo-contrast-5pct)" : "var(--lumo-primary-color-10pct)");
        return cell;
    }

    private VerticalLayout customers() {
        search.setPlaceholder(context.message("customers.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        layer.setLabel(context.message("customers.layer"));
        layer.setItems(PyramidLayer.values());
        layer.setEmptySelectionAllowed(true);
        layer.setItemLabelGenerator(l -> l == null ? context.message("customers.all") : context.message(l.labelKey()));
        layer.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        abcClass.setLabel(context.message("abc.class"));
        abcClass.setItems("A", "B", "C", "D");
        abcClass.setEmptySelectionAllowed(true);
        abcClass.setItemLabelGenerator(c -> c == null ? context.message("customers.all") : c);
        abcClass.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        quadrant.setLabel(context.message("matrix.cell"));
        quadrant.setItems(Quadrant.values());
        quadrant.setEmptySelectionAllowed(true);
        quadrant.setItemLabelGenerator(q -> q == null ? context.message("customers.all") : context.message(q.labelKey()));
        quadrant.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(CustomerAnalysis.Score::revenueRank).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CustomerAnalysis.Score::name).setHeader(context.message("customers.name")).setKey("name")
                .setSortable(true).setFlexGrow(3);
        grid.addColumn(s -> context.message(s.layer().labelKey())).setHeader(context.message("customers.layer")).setAutoWidth(true);
        grid.addColumn(sc -> sc.previousLayer() == null ? context.message("customers.new")
                        : context.message(sc.previousLayer().labelKey()))
                .setHeader(context.message("customers.previous-layer")).setAutoWidth(true);
        grid.addColumn(CustomerAnalysis.Score::abc).setHeader("ABC").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(sc -> sc.quadrant() == null ? "—" : context.message(sc.quadrant().labelKey()))
                .setHeader(context.message("matrix.cell")).setAutoWidth(true);
        grid.addColumn(CustomerAnalysis.Score::recencyDays).setHeader(context.message("customers.recency")).setKey("recency")
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(CustomerAnalysis.Score::frequency).setHeader(context.message("customers.frequency")).setKey("frequency")
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> money.format(s.monetary())).setHeader(context.message("customers.monetary")).setKey("monetary")
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> money.format(s.potential())).setHeader(context.message("customers.potential")).setKey("potential")
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
        for (String score : List.of("r", "f", "m", "p")) {
            grid.addColumn(s -> switch (score) {
                case "r" -> s.r();
                case "f" -> s.f();
                case "m" -> s.m();
                default -> s.p();
            }).setHeader(score.toUpperCase()).setKey(score).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(s -> clv(s).map(money::format).orElse("—")).setHeader(context.message("customers.clv"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(query -> {
            var sort = query.getSortOrders().stream().findFirst();
            var q = new CustomerAnalysis.ScoreQuery(search.getValue(), layer.getValue(), abcClass.getValue(),
                    quadrant.getValue(), sort.map(o -> o.getSorted()).orElse(null),
                    sort.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true));
            return analysis.page(q, query.getOffset(), query.getLimit()).stream();
        }, query -> analysis.count(new CustomerAnalysis.ScoreQuery(search.getValue(), layer.getValue(), abcClass.getValue(),
                quadrant.getValue(), null, true)));
        grid.setMultiSort(false);
        grid.setHeight("32em");
        var export = new Anchor(CsvDownloads.handler("customers.csv", this::exportState, AnalysisView::export), "");
        var exportButton = new Button(context.message("customers.export"), VaadinIcon.DOWNLOAD_ALT.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.getElement().setAttribute("download", true);
        var filters = new HorizontalLayout(search, layer, abcClass, quadrant, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        var layout = new VerticalLayout(new Paragraph(context.message("customers.intro")), filters, grid);
        layout.setPadding(false);
        return layout;
    }

    private VerticalLayout retentionTab() {
        marginPct.setLabel(context.message("clv.margin"));
        marginPct.setValue(Clv.DEFAULT_MARGIN_PCT);
        marginPct.setHelperText(context.message("clv.margin.help"));
        discount.setLabel(context.message("clv.discount"));
        discount.setValue(Clv.DEFAULT_DISCOUNT_RATE.movePointRight(2));
        horizon.setLabel(context.message("clv.horizon"));
        horizon.setValue(Clv.DEFAULT_HORIZON);
        horizon.setMin(1);
        horizon.setMax(30);
        horizon.setStepButtonsVisible(true);
        retentionPct.setLabel(context.message("clv.retention"));
        retentionPct.setHelperText(context.message("clv.retention.help"));
        for (var field : List.of(marginPct, discount, retentionPct)) {
            field.setSuffixComponent(new Div("%"));
            field.setWidth("10em");
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
        marginPct.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        discount.addValueChangeListener(change -> showRetention());
        horizon.addValueChangeListener(change -> showRetention());
        retentionPct.addValueChangeListener(change -> showRetention());
        var parameters = new HorizontalLayout(marginPct, discount, horizon, retentionPct);
        parameters.setAlignItems(FlexComponent.Alignment.BASELINE);
        var layout = new VerticalLayout(parameters, retention);
        layout.setPadding(false);
        return layout;
    }

    private void showRetention() {
        retention.removeAll();
        var rows = retentionRows;
        var percent = NumberFormat.getPercentInstance(context.locale());
        percent.setMaximumFractionDigits(1);
        var table = new Grid<CustomerAnalysis.Retention>();
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.setAllRowsVisible(true);
        table.setWidth("32em");
        table.addColumn(CustomerAnalysis.Retention::year).setHeader(context.message("retention.year"));
        table.addColumn(CustomerAnalysis.Retention::previous).setHeader(context.message("retention.previous"))
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(CustomerAnalysis.Retention::retained).setHeader(context.message("retention.retained"))
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> percent.format(r.rate())).setHeader(context.message("retention.rate")).setTextAlign(ColumnTextAlign.END);
        table.setItems(rows);
        retention.add(new H3(context.message("retention.title")), table);
        clvModel = clvModel();
        var clv = clvModel;
        grid.getDataProvider().refreshAll();
        if (clv == null) {
            retention.add(new Paragraph(context.message("clv.invalid")));
            return;
        }
        BigDecimal example = new BigDecimal("10000");
        var sensitivity = new Grid<Clv.Row>();
        sensitivity.addThemeVariants(GridVariant.LUMO_COMPACT);
        sensitivity.setAllRowsVisible(true);
        sensitivity.setWidth("32em");
        sensitivity.addColumn(r -> (r.points() > 0 ? "+" : "") + r.points()).setHeader(context.message("clv.points"));
        sensitivity.addColumn(r -> percent.format(r.retention())).setHeader(context.message("clv.retention"))
                .setTextAlign(ColumnTextAlign.END);
        sensitivity.addColumn(r -> money.format(r.clv())).setHeader(context.message("clv.value", money.format(example)))
                .setTextAlign(ColumnTextAlign.END);
        sensitivity.setItems(clv.sensitivity(example));
        retention.add(new H3(context.message("clv.title")), new Paragraph(context.message("clv.intro")), sensitivity);
    }

    /** The CLV parameters of the retention tab; retention from the latest year with data unless typed in. */
    Clv clvModel() {
        if (discount.getValue() == null || horizon.getValue() == null || horizon.getValue() < 1 || horizon.getValue() > 30
                || discount.getValue().signum() < 0 || discount.getValue().compareTo(new BigDecimal("100")) > 0) {
            return null;
        }
        BigDecimal r;
        if (retentionPct.getValue() != null) {
            if (retentionPct.getValue().signum() < 0 || retentionPct.getValue().compareTo(new BigDecimal("100")) > 0) {
                return null;
            }
            r = retentionPct.getValue().movePointLeft(2);
        } else {
            int lastYear = LocalDate.now(context.clock()).getYear() - 1;
            r = retentionRows.stream().filter(row -> row.year() == lastYear).findFirst()
                    .map(row -> BigDecimal.valueOf(row.rate()).setScale(4, RoundingMode.HALF_UP)).orElse(BigDecimal.ZERO);
        }
        return new Clv(r, discount.getValue().movePointLeft(2), horizon.getValue());
    }

    /** A customer's CLV: its known margin, else its revenue x the margin %, scaled to a year, as m. */
    private java.util.Optional<BigDecimal> clv(CustomerAnalysis.Score score) {
        return clv(score, clvModel, marginPct.getValue(), periodDays);
    }

    private static java.util.Optional<BigDecimal> clv(CustomerAnalysis.Score score, Clv model, BigDecimal marginPct, long periodDays) {
        if (model == null || marginPct == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(model.of(Clv.yearlyMargin(score.margin(), score.monetary(), marginPct, periodDays)));
    }

    /**
     * What the CSV export of the customers list needs, taken under the session lock: the list's
     * filters, the CLV parameters and the labels in the user's language.
     */
    record ExportState(CustomerAnalysis analysis, CustomerAnalysis.ScoreQuery query, Clv clv, BigDecimal marginPct,
                       long periodDays, List<String> headers, java.util.Map<String, String> labels) {
    }

    ExportState exportState() {
        var labels = new java.util.HashMap<String, String>();
        for (PyramidLayer l : PyramidLayer.values()) {
            labels.put(l.name(), context.message(l.labelKey()));
        }
        for (Quadrant q : Quadrant.values()) {
            labels.put(q.name(), context.message(q.labelKey()));
        }
        var headers = List.of("#", context.message("customers.account-id"), context.message("customers.name"),
                context.message("customers.layer"), context.message("customers.previous-layer"), "ABC", context.message("matrix.cell"),
                context.message("customers.recency"), context.message("customers.frequency"), context.message("customers.monetary"),
                context.message("customers.potential"), context.message("customers.margin"), "R", "F", "M", "P",
                context.message("customers.clv"));
        return new ExportState(analysis, new CustomerAnalysis.ScoreQuery(search.getValue(), layer.getValue(), abcClass.getValue(),
                quadrant.getValue(), null, true), clvModel, marginPct.getValue(), periodDays, headers, labels);
    }

    /** Writes the filtered customers list, by revenue rank, amounts as plain numbers. */
    static void export(ExportState state, CsvWriter csv, Locale locale) {
        csv.row(state.headers());
        CsvDownloads.paged(1_000, (offset, limit) -> state.analysis().page(state.query(), offset, limit), s -> csv.row(
                java.util.Arrays.asList(s.revenueRank(), s.accountId(), s.name(), state.labels().get(s.layer().name()),
                        s.previousLayer() == null ? "" : state.labels().get(s.previousLayer().name()), s.abc(),
                        s.quadrant() == null ? "" : state.labels().get(s.quadrant().name()), s.recencyDays(), s.frequency(),
                        s.monetary().toPlainString(), s.potential().toPlainString(),
                        s.margin() == null ? "" : s.margin().toPlainString(), s.r(), s.f(), s.m(), s.p(),
                        clv(s, state.clv(), state.marginPct(), state.periodDays()).map(BigDecimal::toPlainString).orElse(""))));
    }

    private int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private void error(String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

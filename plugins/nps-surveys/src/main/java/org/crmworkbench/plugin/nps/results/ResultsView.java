package org.crmworkbench.plugin.nps.results;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.api.csv.CsvWriter;
import org.crmworkbench.plugin.nps.answer.Tagging;
import org.crmworkbench.plugin.nps.campaign.Campaign;
import org.crmworkbench.plugin.nps.campaign.Campaigns;
import org.crmworkbench.plugin.nps.campaign.CustomerGroups;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The NPS results (route {@code /nps-surveys/results}, for those with the results permission):
 * score with promoters, passives and detractors, response rate, the monthly trend, a breakdown of
 * choice, and the comments with their tags, filtered by campaign and period. "—" where there are no
 * answers, never 0.
 */
@PermitAll
public class ResultsView extends VerticalLayout implements HasDynamicTitle {

    static final int TREND_MONTHS = 12;

    final Select<Campaign> campaign = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Div summary = new Div();
    final Div trend = new Div();
    final Select<Breakdown> breakdown = new Select<>();
    final Grid<NpsResults.Row> breakdownGrid = new Grid<>();
    final Select<Category> category = new Select<>();
    final Select<Tagging.Tag> tag = new Select<>();
    final TextField search = new TextField();
    final Grid<NpsResults.Comment> comments = new Grid<>();
    final Paragraph noComments = new Paragraph();
    private final PluginContext context;
    private final NpsResults results;
    private final Tagging tagging;
    private final Locale locale;
    private Map<Long, Tagging.Tag> tags;

    public ResultsView(PluginContext context) {
        this.context = context;
        this.results = new NpsResults(context.dsl());
        this.tagging = new Tagging(context.dsl(), context::requirePermission);
        this.locale = context.locale();
        this.tags = tagging.tags().stream().collect(Collectors.toMap(Tagging.Tag::id, Function.identity()));
        setWidthFull();

        campaign.setLabel(context.message("results.campaign"));
        campaign.setItems(new Campaigns(context.dsl(), context.clock()).all());
        campaign.setEmptySelectionAllowed(true);
        campaign.setEmptySelectionCaption(context.message("results.all-campaigns"));
        campaign.setItemLabelGenerator(c -> c == null ? context.message("results.all-campaigns") : c.name());
        from.setLabel(context.message("results.from"));
        to.setLabel(context.message("results.to"));
        from.setLocale(locale);
        to.setLocale(locale);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        campaign.addValueChangeListener(change -> refresh());
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());
        var filters = new HorizontalLayout(campaign, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        summary.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1rem");

        breakdown.setLabel(context.message("results.breakdown"));
        breakdown.setItems(Breakdown.CAMPAIGN, Breakdown.MANAGER, Breakdown.GROUP, Breakdown.STAGE, Breakdown.DMU_ROLE,
                Breakdown.TAG, Breakdown.MONTH);
        breakdown.setItemLabelGenerator(b -> context.message(b.labelKey()));
        breakdown.setValue(Breakdown.MANAGER);
        breakdown.addValueChangeListener(change -> showBreakdown());
        breakdownGrid.addColumn(row -> name(breakdown.getValue(), row)).setHeader(context.message("results.name")).setFlexGrow(3)
                .setSortable(true).setComparator(row -> name(breakdown.getValue(), row));
        breakdownGrid.addColumn(row -> row.nps().responses()).setHeader(context.message("results.responses")).setSortable(true)
                .setComparator(row -> row.nps().responses());
        breakdownGrid.addColumn(row -> row.nps().formatPercentage(Category.PROMOTER, locale)).setHeader(context.message("category.promoter"));
        breakdownGrid.addColumn(row -> row.nps().formatPercentage(Category.PASSIVE, locale)).setHeader(context.message("category.passive"));
        breakdownGrid.addColumn(row -> row.nps().formatPercentage(Category.DETRACTOR, locale)).setHeader(context.message("category.detractor"));
        breakdownGrid.addColumn(row -> row.nps().format(locale)).setHeader(context.message("results.nps")).setSortable(true)
                .setComparator(java.util.Comparator.comparing((NpsResults.Row row) -> row.nps().score().orElse(null),
                        java.util.Comparator.nullsFirst(java.util.Comparator.<java.math.BigDecimal>naturalOrder())));
        breakdownGrid.setAllRowsVisible(true);

        category.setLabel(context.message("results.category"));
        category.setItems(Category.values());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(context.message("results.all"));
        category.setItemLabelGenerator(c -> c == null ? context.message("results.all") : context.message(c.labelKey()));
        category.addValueChangeListener(change -> refreshComments());
        tag.setLabel(context.message("results.tag"));
        tag.setItems(tags.values().stream().sorted(java.util.Comparator.comparing(t -> t.name(locale))).toList());
        tag.setEmptySelectionAllowed(true);
        tag.setEmptySelectionCaption(context.message("results.all"));
        tag.setItemLabelGenerator(t -> t == null ? context.message("results.all") : t.name(locale));
        tag.addValueChangeListener(change -> refreshComments());
        search.setPlaceholder(context.message("results.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refreshComments());
        var export = new Anchor(CsvDownloads.handler("nps-comments.csv", this::exportState, ResultsView::export), "");
        var exportButton = new Button(context.message("results.export"), VaadinIcon.DOWNLOAD_ALT.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.getElement().setAttribute("download", true);
        var commentFilters = new HorizontalLayout(category, tag, search, export);
        commentFilters.setAlignItems(FlexComponent.Alignment.BASELINE);
        commentFilters.getStyle().set("flex-wrap", "wrap");

        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        comments.addColumn(c -> dates.format(c.answeredAt())).setHeader(context.message("results.date")).setAutoWidth(true);
        comments.addColumn(NpsResults.Comment::score).setHeader(context.message("results.score")).setAutoWidth(true);
        comments.addColumn(NpsResults.Comment::comment).setHeader(context.message("results.comment")).setFlexGrow(4)
                .setTooltipGenerator(NpsResults.Comment::comment);
        comments.addComponentColumn(c -> c.accountId() == null ? new Span(context.message("results.anonymous"))
                : new Anchor("accounts/" + c.accountId(), c.accountName())).setHeader(context.message("results.account")).setFlexGrow(2);
        comments.addColumn(c -> c.contactName() == null ? "" : c.contactName()).setHeader(context.message("results.contact"));
        comments.addColumn(NpsResults.Comment::campaignName).setHeader(context.message("results.campaign"));
        comments.addComponentColumn(this::tagsOf).setHeader(context.message("results.tags")).setFlexGrow(2);
        comments.setItems(query -> {
            var page = results.comments(commentFilter(), query.getOffset(), query.getLimit());
            shownTags = tagging.tagsOf(page.stream().map(NpsResults.Comment::answerId).toList());
            return page.stream();
        }, query -> results.countComments(commentFilter()));
        comments.setHeight("28rem");
        comments.setWidthFull();

        add(new H2(context.message("results.title")), new Paragraph(context.message("results.intro")), filters, summary,
                new H3(context.message("results.trend")), trend, new H3(context.message("results.breakdowns")), breakdown,
                breakdownGrid, new H3(context.message("results.comments")), commentFilters, noComments, comments);
        refresh();
    }

    private Map<Long, List<Long>> shownTags = Map.of();
    /** The figures of the current filter, read in one pass. */
    private NpsResults.Report report;

    @Override
    public String getPageTitle() {
        return context.message("results.title");
    }

    ResultFilter filter() {
        return new ResultFilter(campaign.getValue() == null ? null : campaign.getValue().id(), from.getValue(), to.getValue());
    }

    private NpsResults.CommentFilter commentFilter() {
        return new NpsResults.CommentFilter(filter(), category.getValue(), tag.getValue() == null ? null : tag.getValue().id(),
                search.getValue());
    }

    void refresh() {
        var filter = filter();
        report = results.report(filter);
        var nps = report.overall();
        summary.removeAll();
        summary.add(card(context.message("results.nps"), nps.format(locale), "nps-score"),
                card(context.message("category.promoter"), count(nps.promoters(), nps.formatPercentage(Category.PROMOTER, locale)), null),
                card(context.message("category.passive"), count(nps.passives(), nps.formatPercentage(Category.PASSIVE, locale)), null),
                card(context.message("category.detractor"), count(nps.detractors(), nps.formatPercentage(Category.DETRACTOR, locale)), null),
                card(context.message("results.responses"), String.valueOf(nps.responses()), null),
                card(context.message("results.response-rate"), results.responseRate(filter)
                        .map(rate -> new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(locale)).format(rate) + "%")
                        .orElse(Nps.NONE), "response-rate"));
        trend.removeAll();
        var months = results.trend(new ResultFilter(filter.campaignId(), null, null), LocalDate.now(context.clock()), TREND_MONTHS);
        trend.add(Charts.image(Charts.bars(months, locale), context.message("results.trend-alt")));
        showBreakdown();
        refreshComments();
    }

    private static String count(long count, String percentage) {
        return count + " (" + percentage + ")";
    }

    private static Component card(String label, String value, String id) {
        var number = new Span(value);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        if (id != null) {
            number.setId(id);
        }
        var box = new Div(new Div(new Span(label)), number);
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "0.6rem 1rem").set("min-width", "9rem");
        return box;
    }

    void showBreakdown() {
        var by = breakdown.getValue();
        breakdownGrid.setItems(NpsResults.IN_REPORT.contains(by) ? report.breakdowns().get(by) : results.breakdown(filter(), by));
    }

    private void refreshComments() {
        comments.getDataProvider().refreshAll();
        boolean none = results.countComments(commentFilter()) == 0;
        noComments.setText(context.message("results.no-comments"));
        noComments.setVisible(none);
        comments.setVisible(!none);
    }

    String name(Breakdown by, NpsResults.Row row) {
        if (row.key() == null) {
            return context.message(by == Breakdown.MANAGER ? "results.no-manager" : "results.unknown");
        }
        return switch (by) {
            case CAMPAIGN, MONTH, MANAGER -> row.name();
            case GROUP -> context.message(CustomerGroups.labelKey(row.key()));
            case STAGE -> context.message("stage." + row.key().toLowerCase().replace('_', '-'));
            case DMU_ROLE -> context.message("dmu." + row.key().toLowerCase());
            case TAG -> {
                var found = tags.get(Long.valueOf(row.key()));
                yield found == null ? row.name() : found.name(locale);
            }
        };
    }

    private Component tagsOf(NpsResults.Comment comment) {
        var ids = shownTags.getOrDefault(comment.answerId(), List.of());
        var names = ids.stream().map(tags::get).filter(java.util.Objects::nonNull).map(t -> t.name(locale)).sorted()
                .collect(Collectors.joining(", "));
        var edit = new Button(VaadinIcon.TAGS.create(), click -> editTags(comment, ids));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        edit.setAriaLabel(context.message("results.edit-tags"));
        edit.setTooltipText(context.message("results.edit-tags"));
        var line = new HorizontalLayout(new Span(names), edit);
        line.setSpacing(false);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        return line;
    }

    void editTags(NpsResults.Comment comment, List<Long> current) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message("results.edit-tags"));
        var choice = new CheckboxGroup<Tagging.Tag>();
        choice.setItems(tags.values().stream().sorted(java.util.Comparator.comparing(t -> t.name(locale))).toList());
        choice.setItemLabelGenerator(t -> t.name(locale));
        choice.setValue(current.stream().map(tags::get).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        var save = new Button(context.message("results.save"), click -> {
            tagging.set(comment.answerId(), choice.getValue().stream().map(Tagging.Tag::id).collect(Collectors.toCollection(HashSet::new)));
            dialog.close();
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(comment.comment()), choice);
        dialog.getFooter().add(new Button(context.message("results.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    /** What an export needs, taken under the session lock. */
    record ExportState(NpsResults results, NpsResults.CommentFilter filter, List<String> headers, String anonymous) {
    }

    ExportState exportState() {
        return new ExportState(results, commentFilter(), List.of(context.message("results.date"), context.message("results.score"),
                context.message("results.comment"), context.message("results.account"), context.message("results.contact"),
                context.message("results.campaign")), context.message("results.anonymous"));
    }

    static void export(ExportState state, CsvWriter csv, Locale exportLocale) {
        csv.row(state.headers());
        CsvDownloads.paged(1_000, (offset, limit) -> state.results().comments(state.filter(), offset, limit), c -> csv.row(List.of(
                c.answeredAt().toLocalDate().toString(), c.score(), c.comment(),
                c.accountName() == null ? state.anonymous() : c.accountName(), c.contactName() == null ? "" : c.contactName(),
                c.campaignName())));
    }
}

package org.crmworkbench.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.api.csv.CsvWriter;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountRow;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.CustomerGroup;
import org.crmworkbench.core.account.LifecycleRules;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.editing.CsvDownload;
import org.crmworkbench.ui.editing.MaxLength;
import org.crmworkbench.ui.imports.AccountImportView;
import org.crmworkbench.ui.imports.OrderImportView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The account list: SQL-paged and sorted grid with quick search (name, city, KvK number) and filters
 * for stage, customer group, level, manager and "my accounts". SALES users see the accounts they manage
 * or are on the team of.
 * Managers can run the lifecycle rules over all accounts from here (also done nightly).
 */
@Route("accounts")
@PermitAll
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AccountsView.class);

    final TextField search = new TextField();
    final Select<LifecycleStage> stage = new Select<>();
    final Select<AccountLevel> level = new Select<>();
    final Select<CustomerGroup> group = new Select<>();
    final Select<UserRef> manager = new Select<>();
    final Checkbox onlyMine = new Checkbox();
    final Button recalculate = new Button();
    final ProgressBar recalculating = new ProgressBar();
    final Grid<AccountRow> grid = new Grid<>();
    final Span total = new Span();
    final Paragraph empty = new Paragraph();
    private final AccountService accounts;
    private final UserRef user;

    private final LifecycleRules lifecycle;

    public AccountsView(AccountService accounts, LifecycleRules lifecycle, UserAccounts users, CurrentUser currentUser,
                        SecurityLog securityLog) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.user = currentUser.user().orElseThrow();
        setSizeFull();

        // element ids: stable hooks for browser tests and the UI load benchmark (bench/UiBench)
        search.setId("account-search");
        grid.setId("account-grid");
        search.setPlaceholder(getTranslation("accounts.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        MaxLength.of(search, 100);
        stage.setLabel(getTranslation("account.stage"));
        stage.setItems(LifecycleStage.values());
        stage.setEmptySelectionAllowed(true);
        stage.setEmptySelectionCaption(getTranslation("accounts.all"));
        stage.setItemLabelGenerator(s -> s == null ? getTranslation("accounts.all") : getTranslation(s.labelKey()));
        level.setLabel(getTranslation("account.level"));
        level.setItems(AccountLevel.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("accounts.all"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("accounts.all") : getTranslation(l.labelKey()));
        group.setLabel(getTranslation("account.group"));
        group.setItems(CustomerGroup.values());
        group.setEmptySelectionAllowed(true);
        group.setEmptySelectionCaption(getTranslation("accounts.all"));
        group.setItemLabelGenerator(g -> g == null ? getTranslation("accounts.all") : getTranslation(g.labelKey()));
        group.setTooltipText(getTranslation("account.group.period"));
        manager.setLabel(getTranslation("account.manager"));
        manager.setItems(users.activeUsers());
        manager.setEmptySelectionAllowed(true);
        manager.setEmptySelectionCaption(getTranslation("accounts.all"));
        manager.setItemLabelGenerator(u -> u == null ? getTranslation("accounts.all") : u.displayName());
        manager.setVisible(AccountService.seesAll(user)); // SALES only sees its own accounts anyway
        onlyMine.setLabel(getTranslation("accounts.only-mine"));
        recalculate.setText(getTranslation("accounts.recalculate"));
        recalculate.setIcon(VaadinIcon.REFRESH.create());
        recalculate.setTooltipText(getTranslation("accounts.recalculate.help", lifecycle.churnMonths()));
        recalculate.setVisible(AccountService.seesAll(user));
        recalculate.addClickListener(click -> recalculate());
        recalculating.setIndeterminate(true);
        recalculating.setVisible(false);
        recalculating.setWidth("8em");
        var create = new Button(getTranslation("accounts.new"), VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(AccountEditorView.class, AccountEditorView.NEW)));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addValueChangeListener(change -> refresh());
        stage.addValueChangeListener(change -> refresh());
        level.addValueChangeListener(change -> refresh());
        group.addValueChangeListener(change -> refresh());
        manager.addValueChangeListener(change -> refresh());
        onlyMine.addValueChangeListener(change -> refresh());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(AccountRow::name).setKey("name").setHeader(getTranslation("account.name")).setSortable(true).setFlexGrow(3);
        grid.addColumn(AccountRow::city).setKey("city").setHeader(getTranslation("account.city")).setSortable(true);
        grid.addColumn(AccountRow::cocNumber).setKey("cocNumber").setHeader(getTranslation("account.coc-number")).setSortable(true)
                .setWidth("8em").setFlexGrow(0);
        grid.addColumn(row -> getTranslation(row.stage().labelKey())).setKey("stage").setHeader(getTranslation("account.stage")).setSortable(true)
                .setWidth("10em").setFlexGrow(0);
        grid.addColumn(row -> getTranslation(row.level().labelKey())).setKey("level").setHeader(getTranslation("account.level")).setSortable(true)
                .setWidth("9em").setFlexGrow(0);
        grid.addColumn(row -> getTranslation(row.group().labelKey())).setKey("group").setHeader(getTranslation("account.group"))
                .setWidth("9em").setFlexGrow(0);
        grid.addColumn(AccountRow::managerName).setKey("manager").setHeader(getTranslation("account.manager")).setSortable(true);
        grid.setItems(query -> accounts.page(query(query.getSortOrders()), user, query.getOffset(), query.getLimit()).stream(),
                query -> counted(accounts.count(query(List.of()), user)));
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(AccountEditorView.class, String.valueOf(click.getItem().id()))));
        empty.setText(getTranslation("accounts.empty"));

        search.setMinWidth("16em");
        var filters = new HorizontalLayout(search, stage, group, level, manager, onlyMine);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        filters.expand(search);
        var export = CsvDownload.link(getTranslation("action.export-csv"), "accounts.csv", () -> query(List.of()), this::export,
                securityLog, user);
        var importCsv = new Button(getTranslation("accounts.import"), VaadinIcon.UPLOAD_ALT.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(AccountImportView.class)));
        importCsv.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var importOrders = new Button(getTranslation("accounts.import-orders"), VaadinIcon.UPLOAD_ALT.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(OrderImportView.class)));
        importOrders.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var heading = new HorizontalLayout(new H2(getTranslation("nav.accounts")), total, create, importCsv, importOrders, export, recalculate,
                recalculating);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading, filters, empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.accounts") + " | " + getTranslation("app.name");
    }

    /** Runs the lifecycle rules over all accounts off the UI thread; the UI polls until it is done. */
    private void recalculate() {
        var ui = UI.getCurrent();
        recalculate.setEnabled(false);
        recalculating.setVisible(true);
        ui.setPollInterval(500);
        Thread.ofVirtual().name("lifecycle-recalculation").start(() -> {
            Integer changed;
            try {
                changed = lifecycle.recalculateAll();
            } catch (RuntimeException e) {
                log.error("Lifecycle recalculation failed", e);
                changed = null;
            }
            Integer result = changed;
            ui.access(() -> {
                ui.setPollInterval(-1);
                recalculate.setEnabled(true);
                recalculating.setVisible(false);
                var notification = result == null
                        ? Notification.show(getTranslation("accounts.recalculate-failed"), 8000, Notification.Position.BOTTOM_START)
                        : Notification.show(getTranslation("accounts.recalculated", result), 6000, Notification.Position.BOTTOM_START);
                notification.addThemeVariants(result == null ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
                refresh();
            });
        });
    }

    /** The accounts of a query as CSV rows under a header, page by page. */
    void export(AccountQuery query, CsvWriter csv, Locale locale) {
        csv.row(List.of(getTranslation(locale, "account.name"), getTranslation(locale, "account.coc-number"), getTranslation(locale, "account.city"),
                getTranslation(locale, "account.stage"), getTranslation(locale, "account.level"), getTranslation(locale, "account.group"),
                getTranslation(locale, "account.manager")));
        CsvDownloads.paged(1_000, (offset, limit) -> accounts.page(query, user, offset, limit),
                row -> csv.row(Arrays.asList(row.name(), row.cocNumber(), row.city(), getTranslation(locale, row.stage().labelKey()),
                        getTranslation(locale, row.level().labelKey()), getTranslation(locale, row.group().labelKey()), row.managerName())));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** The grid's count query also updates the total and the empty state: one COUNT per refresh. */
    private int counted(int count) {
        total.setText(getTranslation("accounts.total", count));
        empty.setVisible(count == 0);
        return count;
    }

    private AccountQuery query(List<QuerySortOrder> sortOrders) {
        var sorts = sortOrders.stream()
                .map(order -> new AccountQuery.Sort(order.getSorted(), order.getDirection() == SortDirection.ASCENDING))
                .toList();
        return new AccountQuery(search.getValue(), stage.getValue(), level.getValue(), group.getValue(),
                manager.getValue() == null ? null : manager.getValue().id(), onlyMine.getValue(), sorts);
    }
}

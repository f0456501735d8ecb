package org.crmworkbench.ui.contact;

import com.vaadin.flow.component.button.Button;
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
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.contact.ContactQuery;
import org.crmworkbench.core.contact.ContactRow;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.contact.DmuRole;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.ui.account.AccountEditorView;
import org.crmworkbench.ui.editing.CsvDownload;
import org.crmworkbench.ui.editing.MaxLength;
import org.crmworkbench.ui.imports.ContactImportView;

import java.util.Arrays;
import java.util.List;

/**
 * All contacts the user may see at {@code /contacts}: paged, sorted and searched in SQL (name, e-mail,
 * account), filtered by DMU role, active and e-mail consent; a row opens its account.
 */
@Route("contacts")
@PermitAll
public class ContactsView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Select<DmuRole> dmuRole = new Select<>();
    final Checkbox activeOnly = new Checkbox();
    final Checkbox consentOnly = new Checkbox();
    final Grid<ContactRow> grid = new Grid<>();
    final Span total = new Span();
    final Paragraph empty = new Paragraph();

    public ContactsView(ContactService contacts, CurrentUser currentUser, SecurityLog securityLog) {
        UserRef user = currentUser.user().orElseThrow();
        setSizeFull();
        search.setPlaceholder(getTranslation("contacts.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        MaxLength.of(search, 100);
        search.setMinWidth("16em");
        dmuRole.setLabel(getTranslation("contact.dmu-role"));
        dmuRole.setItems(DmuRole.values());
        dmuRole.setEmptySelectionAllowed(true);
        dmuRole.setEmptySelectionCaption(getTranslation("accounts.all"));
        dmuRole.setItemLabelGenerator(r -> r == null ? getTranslation("accounts.all") : getTranslation(r.labelKey()));
        activeOnly.setLabel(getTranslation("contacts.active-only"));
        activeOnly.setValue(true);
        consentOnly.setLabel(getTranslation("contacts.consent-only"));
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        dmuRole.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        activeOnly.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        consentOnly.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(row -> row.contact().fullName()).setKey("name").setHeader(getTranslation("contact.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(ContactRow::accountName).setKey("account").setHeader(getTranslation("opportunity.account")).setSortable(true).setFlexGrow(2);
        grid.addColumn(row -> row.contact().data().jobTitle()).setKey("jobTitle").setHeader(getTranslation("contact.job-title")).setSortable(true);
        grid.addColumn(row -> row.contact().data().dmuRole() == null ? "—" : getTranslation(row.contact().data().dmuRole().labelKey()))
                .setKey("dmuRole").setHeader(getTranslation("contact.dmu-role")).setSortable(true);
        grid.addColumn(row -> row.contact().data().email()).setKey("email").setHeader(getTranslation("contact.email")).setSortable(true).setFlexGrow(2);
        grid.addColumn(row -> row.contact().data().phone()).setHeader(getTranslation("contact.phone"));
        grid.setItems(query -> contacts.page(query(query.getSortOrders()), user, query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = contacts.count(query(List.of()), user);
                    total.setText(getTranslation("contacts.total", count));
                    empty.setVisible(count == 0);
                    return count;
                });
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(AccountEditorView.class, String.valueOf(click.getItem().contact().accountId()))));
        empty.setText(getTranslation("contacts.none-match"));

        var filters = new HorizontalLayout(search, dmuRole, activeOnly, consentOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        filters.expand(search);
        var export = CsvDownload.link(getTranslation("action.export-csv"), "contacts.csv", () -> query(List.of()),
                (query, csv, locale) -> {
                    csv.row(List.of(getTranslation(locale, "contact.first-name"), getTranslation(locale, "contact.last-name"),
                            getTranslation(locale, "opportunity.account"), getTranslation(locale, "contact.job-title"),
                            getTranslation(locale, "contact.dmu-role"), getTranslation(locale, "contact.email"), getTranslation(locale, "contact.phone"),
                            getTranslation(locale, "contact.email-consent"), getTranslation(locale, "contact.status")));
                    CsvDownloads.paged(1_000, (offset, limit) -> contacts.page(query, user, offset, limit), row -> {
                        var data = row.contact().data();
                        csv.row(Arrays.asList(data.firstName(), data.lastName(), row.accountName(), data.jobTitle(),
                                data.dmuRole() == null ? null : getTranslation(locale, data.dmuRole().labelKey()), data.email(),
                                data.phone(), getTranslation(locale, data.emailConsent() ? "audit.true" : "audit.false"),
                                getTranslation(locale, data.active() ? "contact.active" : "contact.inactive")));
                    });
                }, securityLog, user);
        var importCsv = new Button(getTranslation("accounts.import"), VaadinIcon.UPLOAD_ALT.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(ContactImportView.class)));
        importCsv.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var heading = new HorizontalLayout(new H2(getTranslation("nav.contacts")), total, importCsv, export);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading, filters, empty, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.contacts") + " | " + getTranslation("app.name");
    }

    private ContactQuery query(List<QuerySortOrder> sortOrders) {
        var sorts = sortOrders.stream()
                .map(o -> new ContactQuery.Sort(o.getSorted(), o.getDirection() == SortDirection.ASCENDING)).toList();
        return new ContactQuery(null, search.getValue(), dmuRole.getValue(), activeOnly.getValue(), consentOnly.getValue(), sorts);
    }
}

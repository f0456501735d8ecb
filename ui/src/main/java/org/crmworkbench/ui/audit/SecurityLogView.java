package org.crmworkbench.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.crmworkbench.core.audit.SecurityLog;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The security log (route {@code /admin/security-log}), newest first, paged in SQL. ADMIN only. */
@Route("admin/security-log")
@RolesAllowed("ADMIN")
public class SecurityLogView extends VerticalLayout implements HasDynamicTitle {

    final Select<SecurityLog.Kind> kind = new Select<>();
    final Grid<SecurityLog.Event> grid = new Grid<>();

    public SecurityLogView(SecurityLog log) {
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        kind.setLabel(getTranslation("security-log.kind"));
        kind.setItems(SecurityLog.Kind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("security-log.all"));
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("security-log.all") : getTranslation("security-log.kind." + k.name()));
        grid.addColumn(e -> when.format(e.at())).setHeader(getTranslation("security-log.at")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("security-log.kind." + e.kind().name())).setHeader(getTranslation("security-log.kind"))
                .setAutoWidth(true);
        grid.addColumn(e -> dash(e.username())).setHeader(getTranslation("security-log.user")).setAutoWidth(true);
        grid.addColumn(e -> dash(e.address())).setHeader(getTranslation("security-log.address")).setAutoWidth(true);
        grid.addColumn(e -> dash(e.detail())).setHeader(getTranslation("security-log.detail")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("security-log.empty"));
        grid.setItems(query -> log.page(kind.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> log.count(kind.getValue()));
        kind.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        setSizeFull();
        add(new H2(getTranslation("security-log.title")), new Paragraph(getTranslation("security-log.intro")), kind, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security-log.title") + " | " + getTranslation("app.name");
    }

    private static String dash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}

package org.crmworkbench.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.audit.AuditEntry;
import org.crmworkbench.core.audit.AuditTrail;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.crmworkbench.core.account.StageChange;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The account editor's history tab: every lifecycle stage change with who or what made it, and the
 * audit trail of the account, its contacts and opportunities (who changed which field when, paged in SQL).
 */
final class AccountHistory extends VerticalLayout {

    final Grid<StageChange> grid = new Grid<>();
    final Grid<AuditEntry> changes = new Grid<>();

    AccountHistory() {
        setSizeFull();
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(UI.getCurrent().getLocale());
        grid.addColumn(change -> format.format(change.changedAt())).setHeader(getTranslation("history.when")).setAutoWidth(true);
        grid.addColumn(change -> change.from() == null ? "—" : getTranslation(change.from().labelKey()))
                .setHeader(getTranslation("history.from"));
        grid.addColumn(change -> getTranslation(change.to().labelKey())).setHeader(getTranslation("history.to"));
        grid.addColumn(change -> getTranslation(change.cause().labelKey())).setHeader(getTranslation("history.cause"));
        grid.addColumn(change -> change.changedBy() == null ? "—" : change.changedBy()).setHeader(getTranslation("history.by"));
        grid.setAllRowsVisible(true);
        var texts = new AuditTexts(this);
        changes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        changes.addColumn(entry -> format.format(entry.changedAt())).setHeader(getTranslation("history.when")).setWidth("11em").setFlexGrow(0);
        changes.addColumn(texts::subject).setHeader(getTranslation("audit.subject")).setWidth("11em").setFlexGrow(0);
        changes.addColumn(entry -> getTranslation(entry.action().labelKey())).setHeader(getTranslation("audit.action")).setWidth("8em").setFlexGrow(0);
        changes.addColumn(texts::changes).setHeader(getTranslation("audit.changes")).setFlexGrow(1);
        changes.addColumn(AuditEntry::changedBy).setHeader(getTranslation("history.by")).setWidth("8em").setFlexGrow(0);
        add(new H4(getTranslation("history.stages")), grid, new H4(getTranslation("history.changes")), changes);
        setFlexGrow(1, changes);
    }

    /** Shows the audit trail of the account, loaded page by page. */
    void showChanges(AuditTrail audit, long accountId, UserRef user) {
        changes.setItems(query -> audit.page(accountId, user, query.getOffset(), query.getLimit()).stream(),
                query -> audit.count(accountId, user));
    }

    /** Shows the account's changes; the history of one account is short, so it comes in one query. */
    void show(List<StageChange> changes) {
        grid.setItems(changes);
    }
}

package org.crmworkbench.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.crmworkbench.core.account.StageChange;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** The account editor's history tab: every lifecycle stage change, newest first, with who or what made it. */
final class AccountHistory extends VerticalLayout {

    final Grid<StageChange> grid = new Grid<>();

    AccountHistory() {
        setSizeFull();
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(UI.getCurrent().getLocale());
        grid.addColumn(change -> format.format(change.changedAt())).setHeader(getTranslation("history.when")).setAutoWidth(true);
        grid.addColumn(change -> change.from() == null ? "—" : getTranslation(change.from().labelKey()))
                .setHeader(getTranslation("history.from"));
        grid.addColumn(change -> getTranslation(change.to().labelKey())).setHeader(getTranslation("history.to"));
        grid.addColumn(change -> getTranslation(change.cause().labelKey())).setHeader(getTranslation("history.cause"));
        grid.addColumn(change -> change.changedBy() == null ? "—" : change.changedBy()).setHeader(getTranslation("history.by"));
        add(grid);
    }

    /** Shows the account's changes; the history of one account is short, so it comes in one query. */
    void show(List<StageChange> changes) {
        grid.setItems(changes);
    }
}

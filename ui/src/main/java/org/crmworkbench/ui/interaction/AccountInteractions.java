package org.crmworkbench.ui.interaction;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.interaction.FollowUp;
import org.crmworkbench.core.interaction.Interaction;
import org.crmworkbench.core.interaction.InteractionService;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The account editor's interactions tab: contact moments newest first, paged in SQL; log and edit in a dialog. */
public class AccountInteractions extends VerticalLayout {

    final Grid<Interaction> grid = new Grid<>();
    final Button add = new Button();
    final Paragraph empty = new Paragraph();

    public AccountInteractions(InteractionService interactions, ContactService contacts, long accountId, UserRef user) {
        setSizeFull();
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(UI.getCurrent().getLocale());
        add.setId("interaction-add");
        add.setText(getTranslation("interactions.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(click -> new InteractionDialog(interactions, contacts, accountId, null, user,
                grid.getDataProvider()::refreshAll).open());
        grid.addColumn(i -> format.format(i.data().occurredAt())).setHeader(getTranslation("interaction.occurred-at")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation(i.data().kind().labelKey())).setHeader(getTranslation("interaction.kind")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(i -> i.data().summary()).setHeader(getTranslation("interaction.summary")).setFlexGrow(4);
        grid.addColumn(i -> String.join(", ", i.contactNames())).setHeader(getTranslation("interaction.contacts")).setFlexGrow(1);
        grid.addColumn(Interaction::userName).setHeader(getTranslation("interaction.user")).setFlexGrow(1);
        grid.addColumn(i -> i.data().followUp() == FollowUp.NONE ? "" : getTranslation(i.data().followUp().labelKey()))
                .setHeader(getTranslation("interaction.follow-up")).setWidth("8em").setFlexGrow(0);
        grid.setItems(query -> interactions.page(accountId, user, query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = interactions.count(accountId, user);
                    empty.setVisible(count == 0);
                    return count;
                });
        grid.addItemClickListener(click -> new InteractionDialog(interactions, contacts, accountId, click.getItem(), user,
                grid.getDataProvider()::refreshAll).open());
        empty.setText(getTranslation("interactions.empty"));
        add(add, empty, grid);
    }
}

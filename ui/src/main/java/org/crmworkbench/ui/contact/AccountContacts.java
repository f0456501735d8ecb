package org.crmworkbench.ui.contact;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.contact.Contact;
import org.crmworkbench.core.contact.ContactService;

/** The account editor's contacts tab: the people at the account with their DMU role; add and edit in a dialog. */
public class AccountContacts extends VerticalLayout {

    final Grid<Contact> grid = new Grid<>();
    final Button add = new Button();
    final Paragraph empty = new Paragraph();
    private final ContactService contacts;
    private final long accountId;
    private final UserRef user;

    public AccountContacts(ContactService contacts, long accountId, UserRef user) {
        this.contacts = contacts;
        this.accountId = accountId;
        this.user = user;
        setSizeFull();
        add.setText(getTranslation("contacts.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(click -> new ContactDialog(contacts, accountId, null, user, this::refresh).open());
        grid.addColumn(Contact::fullName).setHeader(getTranslation("contact.name")).setFlexGrow(2);
        grid.addColumn(c -> c.data().jobTitle()).setHeader(getTranslation("contact.job-title"));
        grid.addColumn(c -> c.data().dmuRole() == null ? "—" : getTranslation(c.data().dmuRole().labelKey()))
                .setHeader(getTranslation("contact.dmu-role"));
        grid.addColumn(c -> c.data().email()).setHeader(getTranslation("contact.email")).setFlexGrow(2);
        grid.addColumn(c -> c.data().phone()).setHeader(getTranslation("contact.phone"));
        grid.addColumn(c -> getTranslation(c.data().active() ? "contact.active" : "contact.inactive"))
                .setHeader(getTranslation("contact.status"));
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.addItemClickListener(click ->
                new ContactDialog(contacts, accountId, click.getItem(), user, this::refresh).open());
        empty.setText(getTranslation("contacts.empty"));
        add(add, empty, grid);
        refresh();
    }

    void refresh() {
        // the contacts of one account are few: one query, no paging needed
        var list = contacts.forAccount(accountId, user);
        grid.setItems(list);
        empty.setVisible(list.isEmpty());
        grid.setVisible(!list.isEmpty());
    }
}

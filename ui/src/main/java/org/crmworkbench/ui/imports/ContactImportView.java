package org.crmworkbench.ui.imports;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.core.contact.ContactImport;
import org.crmworkbench.core.csv.RowCheck;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.ui.contact.ContactsView;

/** CSV import of contacts at {@code /import/contacts}; an e-mail address known at the account updates that contact. */
@Route("import/contacts")
@PermitAll
public class ContactImportView extends CsvImportView<ContactImport.Target, RowCheck<ContactImport.Row>> {

    public ContactImportView(ContactImport importer, CurrentUser currentUser) {
        super(importer, currentUser, "import.contacts.title", "import.contacts.intro", ContactsView.class, "nav.contacts");
    }
}

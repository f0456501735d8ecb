package org.crmworkbench.ui.imports;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.core.account.AccountImport;
import org.crmworkbench.core.csv.RowCheck;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.ui.account.AccountsView;

/** CSV import of accounts at {@code /import/accounts}; a KvK number that exists updates that account. */
@Route("import/accounts")
@PermitAll
public class AccountImportView extends CsvImportView<AccountImport.Target, RowCheck<AccountImport.Row>> {

    public AccountImportView(AccountImport importer, CurrentUser currentUser) {
        super(importer, currentUser, "import.title", "import.intro", AccountsView.class, "nav.accounts");
    }
}

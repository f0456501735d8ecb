package org.crmworkbench.ui.imports;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.core.order.OrderImport;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.ui.account.AccountsView;

/** CSV import of orders at {@code /import/orders}; an order number that exists gets its lines replaced. */
@Route("import/orders")
@PermitAll
public class OrderImportView extends CsvImportView<OrderImport.Target, OrderImport.Check> {

    public OrderImportView(OrderImport importer, CurrentUser currentUser) {
        super(importer, currentUser, "import.orders.title", "import.orders.intro", AccountsView.class, "nav.accounts");
    }
}

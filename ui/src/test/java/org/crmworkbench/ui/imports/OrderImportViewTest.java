package org.crmworkbench.ui.imports;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.order.OrderImport.Target;
import org.crmworkbench.core.order.OrderService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@WithMockUser(username = "manager", roles = "MANAGER")
class OrderImportViewTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    OrderService orders;
    @Autowired
    UserAccounts users;

    @Test
    void orders_are_imported_and_the_account_becomes_a_customer() throws InterruptedException {
        UserRef manager = users.findByUsername("manager").orElseThrow().user();
        long suffix = System.nanoTime() % 1_000_000;
        String kvk = String.valueOf(60_000_000 + suffix);
        long id = accounts.create(new AccountData("Order Import " + suffix, kvk, null, null, null, null, null, "Breda", "NL",
                AccountLevel.REGIONAL, LifecycleStage.HOT_LEAD, null, false, null, null, manager.id()), manager);
        var view = navigate(OrderImportView.class);

        view.load(("Ordernummer;KvK;Orderdatum;Artikelcode;Aantal\n"
                + "IMP-" + suffix + ";" + kvk + ";" + LocalDate.now().minusDays(3) + ";VP-100;40\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(view.mapping.get(Target.PRODUCT_CODE).getValue()).isEqualTo(3);
        test(view.check).click();
        awaitBackground(() -> view.progress.isVisible() || !view.check.isEnabled());
        assertThat(view.summary.getText()).isEqualTo("1 to create, 0 to update, 0 rejected");
        test(view.importButton).click();
        awaitBackground(() -> view.progress.isVisible() || !view.check.isEnabled());

        assertThat(view.summary.getText()).isEqualTo("Imported: 1 created, 0 updated");
        assertThat(orders.count(id, manager)).isEqualTo(1);
        assertThat(accounts.find(id, manager).orElseThrow().data().stage()).isEqualTo(LifecycleStage.NEW_CUSTOMER);
    }
}

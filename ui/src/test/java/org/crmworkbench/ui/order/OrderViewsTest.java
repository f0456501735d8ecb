package org.crmworkbench.ui.order;

import com.vaadin.flow.component.notification.Notification;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.account.StageChangeCause;
import org.crmworkbench.core.order.OrderService;
import org.crmworkbench.core.order.ProductService;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountEditorView;
import org.crmworkbench.ui.account.AccountPluginTabs;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class OrderViewsTest extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    OrderService orders;
    @Autowired
    ProductService products;
    @Autowired
    UserAccounts users;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void an_order_entered_on_the_account_makes_a_hot_lead_a_new_customer_and_the_form_can_still_be_saved() {
        UserRef manager = user("manager");
        long id = accounts.create(new AccountData("Technisch Bureau Order " + System.nanoTime(), null, null, null, null, null,
                null, "Delft", "NL", AccountLevel.REGIONAL, LifecycleStage.HOT_LEAD, null, false, null, null, null), manager);
        navigate(AccountEditorView.class, String.valueOf(id));
        roundTrip();
        $(AccountPluginTabs.class).first().setSelectedIndex(5);
        roundTrip();
        var tab = $(AccountOrders.class).first();
        assertThat(tab.empty.isVisible()).isTrue();

        test(tab.add).click();
        roundTrip();
        var dialog = $(OrderDialog.class).first();
        var line = dialog.lines.getFirst();
        line.product.setValue(products.page("VP-100", true, 0, 1).getFirst());
        assertThat(line.unitPrice.getValue()).as("list price filled in").isEqualByComparingTo("0.85");
        line.quantity.setValue(BigDecimal.ZERO);
        test(dialog.save).click();
        assertThat(line.quantity.isInvalid()).isTrue();
        assertThat(line.quantity.getErrorMessage()).isEqualTo("Enter a quantity above 0 (at most 3 decimals)");
        assertThat(orders.count(id, manager)).isZero();

        line.quantity.setValue(new BigDecimal("250"));
        var second = dialog.addRow();
        test(dialog.save).click();
        assertThat(second.product.isInvalid()).as("empty line needs a product").isTrue();
        test(second.remove).click();
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(orders.count(id, manager)).isEqualTo(1);
        assertThat(test(tab.grid).size()).isEqualTo(1);
        assertThat($(Span.class).withText("New customer").exists()).as("stage badge").isTrue();
        assertThat(accounts.stageHistory(id, manager).getFirst().cause()).isEqualTo(StageChangeCause.RULE);

        $(AccountPluginTabs.class).first().setSelectedIndex(0);
        roundTrip();
        test($(TextArea.class).first()).setValue("Ordered through the workbench");
        test($(Button.class).withText("Save").first()).click(); // the form took the new stage and version: no false conflict, no manual stage
        assertThat(test($(Notification.class).last()).getText()).startsWith("Account \"Technisch Bureau Order");
        assertThat(accounts.find(id, manager).orElseThrow().data().stage()).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        assertThat(accounts.stageHistory(id, manager)).hasSize(2);

        $(AccountPluginTabs.class).first().setSelectedIndex(5);
        roundTrip();
        test((Button) test(tab.grid).getCellComponent(0, 5)).click();
        roundTrip();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(orders.count(id, manager)).isZero();
        assertThat(test(tab.grid).size()).isZero();
        assertThat($(Span.class).withText("Hot lead").exists()).as("back to its stage before the order").isTrue();
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void a_manager_adds_a_product_and_a_taken_code_is_flagged() {
        var view = navigate(ProductsView.class);
        int before = test(view.grid).size();
        assertThat(before).as("demo catalogue").isPositive();

        test(view.add).click();
        roundTrip();
        var dialog = $(ProductDialog.class).first();
        test(dialog.code).setValue("VP-100");
        test(dialog.name).setValue("Dubbele doos");
        test(dialog.group).setValue("Verpakkingen");
        test(dialog.save).click();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Another product has this code");

        test(dialog.code).setValue("VP-999-" + System.nanoTime() % 10_000);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(before + 1);
    }

    @Test
    @WithMockUser(username = "sales", roles = "SALES")
    void sales_reads_the_catalogue_but_cannot_change_it() {
        var view = navigate(ProductsView.class);
        assertThat(view.add.isVisible()).isFalse();
        test(view.search).setValue("Toner");
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    private UserRef user(String username) {
        return users.findByUsername(username).orElseThrow().user();
    }
}

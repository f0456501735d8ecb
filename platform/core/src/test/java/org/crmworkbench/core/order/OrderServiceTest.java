package org.crmworkbench.core.order;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.CustomerGroup;
import org.crmworkbench.core.account.LifecycleRules;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.account.StageChange;
import org.crmworkbench.core.account.StageChangeCause;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.NotAllowedException;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/** Orders, the lifecycle rules they drive and the customer groups derived from them, on real MariaDB. */
class OrderServiceTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<AccountEvent> events = new ArrayList<>();
    private final AccountService accounts = new AccountService(dsl, clock, events::add);
    private final LifecycleRules lifecycle = new LifecycleRules(dsl, clock, LifecycleRules.DEFAULT_CHURN_MONTHS, events::add);
    private final OrderService orders = new OrderService(dsl, clock, lifecycle, events::add);
    private final ProductService products = new ProductService(dsl, clock);
    private UserRef manager;
    private UserRef sales;
    private long box;
    private long toner;

    @BeforeEach
    void data() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(PRODUCT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "M", "pw-manager-1", Set.of(Role.MANAGER)), "m", "M", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "S", "pw-sales-1", Set.of(Role.SALES)), "s", "S", Set.of(Role.SALES));
        box = products.create(new ProductData("vp-100", "Doos", "Verpakkingen", new BigDecimal("0.85"), true), manager);
        toner = products.create(new ProductData("KA-200", "Toner", "Kantoor", new BigDecimal("79"), true), manager);
        events.clear();
    }

    @Test
    void an_order_is_stored_with_its_lines_and_totals() {
        long account = account("Bakkerij Jansen", LifecycleStage.HOT_LEAD);
        long id = orders.add(account, new OrderData("A-1", TODAY.minusDays(3), List.of(
                new OrderLineData(box, new BigDecimal("100"), new BigDecimal("0.85"), new BigDecimal("30")),
                new OrderLineData(toner, new BigDecimal("2"), new BigDecimal("79.00"), null))), sales);

        var summary = orders.page(account, sales, 0, 10).getFirst();
        assertThat(summary.id()).isEqualTo(id);
        assertThat(summary.lineCount()).isEqualTo(2);
        assertThat(summary.amount()).isEqualByComparingTo("243.00");
        assertThat(summary.margin()).isEqualByComparingTo("25.50");
        assertThat(orders.lines(id, sales)).extracting(OrderLineView::productCode).containsExactly("VP-100", "KA-200");
        assertThat(orders.count(account, sales)).isEqualTo(1);
        assertThat(events).contains(new AccountEvent.OrderAdded(account, NOW, id));
    }

    @Test
    void bad_orders_are_refused_per_line_and_nothing_is_saved() {
        long account = account("Garage Visser", LifecycleStage.LEAD);
        products.update(toner, 0, new ProductData("KA-200", "Toner", "Kantoor", null, false), manager);

        assertThatThrownBy(() -> orders.add(account, new OrderData("", TODAY.plusDays(1), List.of(
                new OrderLineData(box, BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("101")))), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsOnlyKeys(
                        "orderDate", "lines[0].quantity", "lines[0].unitPrice", "lines[0].marginPct"));
        assertThatThrownBy(() -> orders.add(account, new OrderData(null, TODAY, List.of()), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsOnlyKeys("lines"));
        assertThatThrownBy(() -> orders.add(account, new OrderData(null, TODAY, List.of(
                line(box), line(toner))), sales)) // toner is no longer sold
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(java.util.Map.entry("lines[1].product", "order.error.product")));
        orders.add(account, new OrderData("A-7", TODAY, List.of(line(box))), sales);
        assertThatThrownBy(() -> orders.add(account, new OrderData("A-7", TODAY, List.of(line(box))), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsOnlyKeys("orderNumber"));

        assertThat(dsl.fetchCount(SALES_ORDER)).isEqualTo(1);
        assertThat(dsl.fetchCount(ORDER_LINE)).isEqualTo(1);
    }

    @Test
    void sales_cannot_see_or_add_orders_of_accounts_it_does_not_manage() {
        long others = accounts.create(data("Drukkerij Maes", LifecycleStage.LEAD, manager.id()), manager);
        orders.add(others, new OrderData(null, TODAY, List.of(line(box))), manager);

        assertThat(orders.page(others, sales, 0, 10)).isEmpty();
        assertThat(orders.count(others, sales)).isZero();
        assertThatThrownBy(() -> orders.add(others, new OrderData(null, TODAY, List.of(line(box))), sales))
                .isInstanceOf(InvalidInputException.class);
        assertThat(orders.count(others, manager)).isEqualTo(1);
    }

    @Test
    void a_first_order_makes_a_new_customer_and_orders_in_two_years_a_loyal_one() {
        long account = account("Tuincentrum Bos", LifecycleStage.HOT_LEAD);

        orders.add(account, new OrderData(null, LocalDate.of(2025, 11, 3), List.of(line(box))), sales);
        assertThat(stage(account)).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        assertThat(events).contains(new AccountEvent.StageChanged(account, NOW, "HOT_LEAD", "NEW_CUSTOMER"));

        orders.add(account, new OrderData(null, LocalDate.of(2026, 2, 1), List.of(line(box))), sales);
        assertThat(stage(account)).isEqualTo(LifecycleStage.LOYAL_CUSTOMER);
        assertThat(accounts.stageHistory(account, sales)).extracting(StageChange::to, StageChange::cause).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LifecycleStage.LOYAL_CUSTOMER, StageChangeCause.RULE),
                org.assertj.core.groups.Tuple.tuple(LifecycleStage.NEW_CUSTOMER, StageChangeCause.RULE),
                org.assertj.core.groups.Tuple.tuple(LifecycleStage.HOT_LEAD, StageChangeCause.CREATED));
    }

    @Test
    void recalculation_churns_customers_without_orders_in_the_window_and_respects_stages_set_by_hand() {
        long churned = account("Brouwerij Claes", LifecycleStage.LOYAL_CUSTOMER);
        long recent = account("Houthandel Smit", LifecycleStage.SUSPECT);
        long byHand = account("Elektro Kok", LifecycleStage.LOYAL_CUSTOMER);
        long noOrders = account("Reisbureau Dekker", LifecycleStage.LEAD);
        insertOrder(churned, LocalDate.of(2023, 5, 1));
        insertOrder(churned, LocalDate.of(2024, 6, 14)); // one day before the 24-month window
        insertOrder(recent, LocalDate.of(2024, 6, 15)); // first day inside the window
        insertOrder(byHand, LocalDate.of(2022, 1, 10));
        var byHandAccount = accounts.find(byHand, manager).orElseThrow();
        accounts.update(byHand, byHandAccount.version(), byHandAccount.data().withStage(LifecycleStage.NEW_CUSTOMER), manager);
        events.clear();

        assertThat(lifecycle.recalculateAll()).isEqualTo(2);

        assertThat(stage(churned)).isEqualTo(LifecycleStage.EX_CUSTOMER);
        assertThat(stage(recent)).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        assertThat(stage(byHand)).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        assertThat(stage(noOrders)).isEqualTo(LifecycleStage.LEAD);
        assertThat(events).containsExactlyInAnyOrder(
                new AccountEvent.StageChanged(churned, NOW, "LOYAL_CUSTOMER", "EX_CUSTOMER"),
                new AccountEvent.StageChanged(recent, NOW, "SUSPECT", "NEW_CUSTOMER"));
        assertThat(lifecycle.recalculateAll()).as("a second run changes nothing").isZero();

        // the next order hands the account back to the rules: orders in 2022 and 2026
        orders.add(byHand, new OrderData(null, TODAY, List.of(line(box))), manager);
        assertThat(stage(byHand)).isEqualTo(LifecycleStage.LOYAL_CUSTOMER);
        assertThat(accounts.stageHistory(byHand, manager)).extracting(StageChange::cause)
                .containsExactly(StageChangeCause.RULE, StageChangeCause.MANUAL, StageChangeCause.CREATED);
        assertThat(accounts.stageHistory(byHand, manager).get(1).changedBy()).isEqualTo("m");
    }

    @Test
    void customer_groups_follow_the_orders_of_the_last_twelve_months() {
        long active = account("Zorggroep Active", LifecycleStage.NEW_CUSTOMER);
        long inactive = account("Zorggroep Inactive", LifecycleStage.EX_CUSTOMER);
        long potential = account("Zorggroep Potential", LifecycleStage.LEAD);
        long possibly = account("Zorggroep Possibly", LifecycleStage.SUSPECT);
        long other = accounts.create(data("Zorggroep Other", LifecycleStage.SUSPECT, sales.id()).withNeverInterested(), manager);
        insertOrder(active, LocalDate.of(2025, 6, 16)); // first day of the period
        insertOrder(inactive, LocalDate.of(2025, 6, 15));

        assertThat(accounts.group(active, sales)).contains(CustomerGroup.ACTIVE);
        assertThat(accounts.group(inactive, sales)).contains(CustomerGroup.INACTIVE);
        assertThat(accounts.group(potential, sales)).contains(CustomerGroup.POTENTIAL);
        assertThat(accounts.group(possibly, sales)).contains(CustomerGroup.POSSIBLY_INTERESTED);
        assertThat(accounts.group(other, sales)).contains(CustomerGroup.OTHER);
        var inactiveOnly = new AccountQuery("", null, null, CustomerGroup.INACTIVE, null, false, List.of());
        assertThat(accounts.page(inactiveOnly, sales, 0, 10)).extracting(row -> row.id()).containsExactly(inactive);
        assertThat(accounts.page(AccountQuery.all(), sales, 0, 10)).extracting(row -> row.group())
                .containsExactly(CustomerGroup.ACTIVE, CustomerGroup.INACTIVE, CustomerGroup.OTHER,
                        CustomerGroup.POSSIBLY_INTERESTED, CustomerGroup.POTENTIAL);
    }

    @Test
    void products_have_unique_codes_and_only_managers_maintain_them() {
        assertThatThrownBy(() -> products.create(new ProductData("VP-100", "Dubbel", "X", null, true), manager))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("code", "product.error.code-taken"));
        assertThatThrownBy(() -> products.create(new ProductData("X-1", "", " ", new BigDecimal("-1"), true), manager))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("name", "productGroup", "listPrice"));
        assertThatThrownBy(() -> products.create(new ProductData("X-1", "Iets", "X", null, true), sales))
                .isInstanceOf(NotAllowedException.class);
        assertThat(products.page("kan", false, 0, 10)).extracting(Product::label).containsExactly("KA-200 — Toner");
        assertThat(products.count("", false)).isEqualTo(2);
    }

    @Test
    void an_order_is_replaced_with_optimistic_locking_and_deleting_it_reapplies_the_lifecycle_rules() {
        long account = account("Drukkerij Peeters", LifecycleStage.HOT_LEAD);
        long id = orders.add(account, new OrderData("B-1", TODAY.minusDays(10), List.of(
                new OrderLineData(box, new BigDecimal("10"), new BigDecimal("0.85"), null))), sales);
        var read = orders.find(id, sales).orElseThrow();
        assertThat(read.version()).isZero();
        assertThat(read.data().lines()).hasSize(1);
        events.clear();

        orders.update(id, read.version(), new OrderData("B-1a", TODAY.minusDays(5), List.of(
                new OrderLineData(toner, new BigDecimal("3"), new BigDecimal("79"), new BigDecimal("20")),
                new OrderLineData(box, new BigDecimal("1"), new BigDecimal("0.9"), null))), sales);

        var changed = orders.find(id, sales).orElseThrow();
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.updatedBy()).isEqualTo("s");
        assertThat(changed.data().orderNumber()).isEqualTo("B-1a");
        assertThat(changed.data().lines()).extracting(OrderLineData::productId).containsExactly(toner, box);
        assertThat(orders.page(account, sales, 0, 10).getFirst().amount()).isEqualByComparingTo("237.90");
        assertThat(events).contains(new AccountEvent.OrderChanged(account, NOW, id));
        assertThatThrownBy(() -> orders.update(id, 0, changed.data(), manager))
                .isInstanceOf(org.crmworkbench.core.editing.ConcurrentEditException.class);
        assertThatThrownBy(() -> orders.delete(id, 0, manager))
                .isInstanceOf(org.crmworkbench.core.editing.ConcurrentEditException.class);
        assertThat(orders.find(id, sales)).isPresent();

        assertThat(stage(account)).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        assertThat(orders.delete(id, 1, sales)).isTrue();
        assertThat(orders.find(id, manager)).isEmpty();
        assertThat(stage(account)).as("its only order is gone").isEqualTo(LifecycleStage.HOT_LEAD);
        assertThat(events).contains(new AccountEvent.StageChanged(account, NOW, "NEW_CUSTOMER", "HOT_LEAD"));
        assertThat(dsl.fetchCount(ORDER_LINE, ORDER_LINE.ORDER_ID.eq(id))).isZero();
        assertThat(orders.delete(id, null, sales)).isFalse();
    }

    @Test
    void a_product_in_use_is_not_deleted_and_only_managers_delete_products() {
        long account = account("Bakkerij Jansen", LifecycleStage.HOT_LEAD);
        orders.add(account, new OrderData(null, TODAY, List.of(
                new OrderLineData(box, BigDecimal.ONE, BigDecimal.ONE, null))), sales);

        assertThatThrownBy(() -> products.delete(toner, null, sales)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> products.delete(box, null, manager))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsValue("product.error.in-use"));
        assertThat(products.find(box)).isPresent();
        assertThat(products.delete(toner, 0, manager)).isTrue();
        assertThat(products.find(toner)).isEmpty();
    }

    private LifecycleStage stage(long account) {
        return accounts.find(account, manager).orElseThrow().data().stage();
    }

    private long account(String name, LifecycleStage stage) {
        return accounts.create(data(name, stage, sales.id()), manager);
    }

    private void insertOrder(long account, LocalDate date) {
        long id = dsl.insertInto(SALES_ORDER, SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_DATE).values(account, date)
                .returningResult(SALES_ORDER.ID).fetchSingle().value1();
        dsl.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID, ORDER_LINE.QUANTITY,
                ORDER_LINE.UNIT_PRICE).values(id, 1, box, BigDecimal.ONE, BigDecimal.TEN).execute();
    }

    private OrderLineData line(long product) {
        return new OrderLineData(product, BigDecimal.ONE, new BigDecimal("10.00"), null);
    }

    private static AccountData data(String name, LifecycleStage stage, Long managerId) {
        return new AccountData(name, null, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL, stage,
                null, false, null, null, managerId);
    }
}

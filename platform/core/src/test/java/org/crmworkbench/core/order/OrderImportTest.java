package org.crmworkbench.core.order;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleRules;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.core.csv.ImportAction;
import org.crmworkbench.core.csv.ImportProblem;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/** CSV import of orders on real MariaDB: grouping by order number, re-import replaces, lifecycle rules run. */
class OrderImportTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    private final List<AccountEvent> events = new ArrayList<>();
    private final AccountService accounts = new AccountService(dsl, clock, events::add);
    private final OrderImport importer = new OrderImport(dsl, clock,
            new LifecycleRules(dsl, clock, LifecycleRules.DEFAULT_CHURN_MONTHS, events::add), events::add);
    private UserRef manager;
    private long account;

    @BeforeEach
    void data() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(PRODUCT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "M", "pw-manager-1", Set.of(Role.MANAGER)), "m", "M", Set.of(Role.MANAGER));
        account = accounts.create(new AccountData("Bouwbedrijf Bos", "45454545", null, null, null, null, null, null, "NL",
                AccountLevel.REGIONAL, LifecycleStage.HOT_LEAD, null, false, null, null, manager.id()), manager);
        var products = new ProductService(dsl, clock);
        products.create(new ProductData("VP-100", "Doos", "Verpakkingen", new BigDecimal("0.85"), true), manager);
        products.create(new ProductData("KA-200", "Toner", "Kantoor", new BigDecimal("79.00"), true), manager);
        events.clear();
    }

    @Test
    void lines_are_grouped_into_orders_the_rules_run_and_a_re_import_replaces_the_lines() throws Exception {
        var file = csv("Ordernummer;KvK;Orderdatum;Artikelcode;Aantal;Stukprijs;Marge\n"
                + "E-1;45454545;2025-03-01;VP-100;100;;30\n"
                + "E-1;45454545;2025-03-01;ka-200;2;75,50;\n"
                + "E-2;45454545;1-2-2026;VP-100;10;0.80;25\n");
        var check = importer.check(file, importer.suggestMapping(file.header()), manager);
        assertThat(check.problems()).isEmpty();
        assertThat(check.count(ImportAction.CREATE)).isEqualTo(2);
        assertThat(check.lines()).isEqualTo(3);

        importer.apply(check, manager, done -> { });
        assertThat(dsl.fetchCount(SALES_ORDER)).isEqualTo(2);
        assertThat(dsl.fetchCount(ORDER_LINE)).isEqualTo(3);
        assertThat(dsl.select(ORDER_LINE.UNIT_PRICE).from(ORDER_LINE).orderBy(ORDER_LINE.ID).fetch(ORDER_LINE.UNIT_PRICE))
                .as("the list price when none is given").containsExactly(new BigDecimal("0.85"), new BigDecimal("75.50"),
                        new BigDecimal("0.80"));
        assertThat(accounts.find(account, manager).orElseThrow().data().stage()).as("orders in 2025 and 2026")
                .isEqualTo(LifecycleStage.LOYAL_CUSTOMER);
        assertThat(events).filteredOn(AccountEvent.OrderAdded.class::isInstance).hasSize(2);

        var again = csv("Ordernummer;KvK;Orderdatum;Artikelcode;Aantal\nE-1;45454545;2025-03-01;KA-200;5\n");
        var second = importer.check(again, importer.suggestMapping(again.header()), manager);
        assertThat(second.count(ImportAction.UPDATE)).isEqualTo(1);
        importer.apply(second, manager, done -> { });
        assertThat(dsl.fetchCount(SALES_ORDER)).as("no duplicate order").isEqualTo(2);
        assertThat(dsl.fetchCount(ORDER_LINE)).isEqualTo(2);

        // order numbers match without case, and lines replaced by someone after the check are not overwritten
        var lower = csv("Ordernummer;KvK;Orderdatum;Artikelcode;Aantal\ne-1;45454545;2025-03-01;VP-100;7\n");
        var third = importer.check(lower, importer.suggestMapping(lower.header()), manager);
        assertThat(third.count(ImportAction.UPDATE)).isEqualTo(1);
        importer.apply(importer.check(again, importer.suggestMapping(again.header()), manager), manager, done -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.apply(third, manager, done -> { }))
                .isInstanceOf(org.crmworkbench.core.csv.StaleImportException.class);
        assertThat(dsl.select(ORDER_LINE.QUANTITY).from(ORDER_LINE).join(SALES_ORDER).on(SALES_ORDER.ID.eq(ORDER_LINE.ORDER_ID))
                .where(SALES_ORDER.ORDER_NUMBER.eq("E-1")).fetchSingle().value1()).isEqualByComparingTo("5");
    }

    @Test
    void bad_lines_are_reported_per_column_and_nothing_is_imported() throws Exception {
        var file = csv("order,kvk,date,product,quantity,price\n"
                + "F-1,45454545,2099-01-01,VP-100,1,1\n"
                + "F-2,99999999,2025-01-01,XX-1,0,-1\n"
                + "F-3,45454545,2025-01-01,VP-100,1,1\n"
                + "F-3,45454545,2025-01-02,VP-100,1,1\n"
                + "F-4,45454545,2025-01-01,VP-100,10000000000,1\n");
        var check = importer.check(file, importer.suggestMapping(file.header()), manager);

        assertThat(check.problems()).containsExactly(
                new ImportProblem(2, "date", "import.error.date", "2099-01-01"),
                new ImportProblem(3, "kvk", "import.error.account-unknown", "99999999"),
                new ImportProblem(3, "product", "order.error.product", "XX-1"),
                new ImportProblem(3, "quantity", "order.error.quantity", "0"),
                new ImportProblem(3, "price", "order.error.unit-price", "-1"),
                new ImportProblem(5, "order", "import.error.order-mismatch", "F-3"),
                new ImportProblem(6, "quantity", "order.error.quantity", "10000000000"));
        assertThat(check.count(ImportAction.REJECT)).as("orders F-1 to F-4").isEqualTo(4);
        assertThat(dsl.fetchCount(SALES_ORDER)).isZero();
    }

    private static CsvFile csv(String text) throws CsvFile.UnreadableException {
        return CsvFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}

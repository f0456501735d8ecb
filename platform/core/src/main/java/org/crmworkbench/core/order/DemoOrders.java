package org.crmworkbench.core.order;

import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.db.jooq.tables.records.OrderLineRecord;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.jooq.Record2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/**
 * A demo product catalogue and three years of orders that fit each account's stage: loyal customers
 * order every year, new customers only this year, ex-customers stopped more than two years ago,
 * non-customers never. Fixed seed, batched inserts; dates count back from {@code today}.
 */
public final class DemoOrders {

    /** code, name, group, list price, typical margin %. */
    private static final List<Object[]> PRODUCTS = List.of(
            new Object[]{"VP-100", "Verzenddoos klein", "Verpakkingen", "0.85", 32},
            new Object[]{"VP-110", "Verzenddoos groot", "Verpakkingen", "1.60", 30},
            new Object[]{"VP-200", "Stretchfolie rol", "Verpakkingen", "14.50", 22},
            new Object[]{"VP-300", "Palletlabel (1000)", "Verpakkingen", "39.00", 35},
            new Object[]{"KA-100", "Printpapier A4 (doos)", "Kantoorartikelen", "24.95", 18},
            new Object[]{"KA-200", "Toner zwart", "Kantoorartikelen", "79.00", 25},
            new Object[]{"KA-300", "Ordner breed", "Kantoorartikelen", "3.40", 40},
            new Object[]{"SC-100", "Allesreiniger 5 l", "Schoonmaak", "12.75", 38},
            new Object[]{"SC-200", "Handzeep navul 5 l", "Schoonmaak", "18.90", 36},
            new Object[]{"SC-300", "Poetsrol industrieel", "Schoonmaak", "27.50", 28},
            new Object[]{"VL-100", "Werkhandschoen nitril (100)", "Veiligheid", "11.20", 34},
            new Object[]{"VL-200", "Veiligheidsbril", "Veiligheid", "8.60", 45},
            new Object[]{"VL-300", "Gehoorbescherming", "Veiligheid", "21.00", 42},
            new Object[]{"GR-100", "Accuboormachine", "Gereedschap", "189.00", 20},
            new Object[]{"GR-200", "Bitset 32-delig", "Gereedschap", "24.50", 38},
            new Object[]{"GR-300", "Rolmaat 5 m", "Gereedschap", "9.95", 44},
            new Object[]{"DI-100", "Onderhoudscontract (jaar)", "Diensten", "950.00", 55},
            new Object[]{"DI-200", "Installatie op locatie (uur)", "Diensten", "72.50", 48},
            new Object[]{"DI-300", "Training veilig werken", "Diensten", "425.00", 52});
    private static final int BATCH = 1_000;

    private DemoOrders() {
    }

    public static void create(DSLContext dsl, LocalDate today, long seed) {
        var random = new Random(seed);
        var productInsert = dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP, PRODUCT.LIST_PRICE,
                PRODUCT.UPDATED_BY);
        for (Object[] p : PRODUCTS) {
            productInsert = productInsert.values((String) p[0], (String) p[1], (String) p[2], new BigDecimal((String) p[3]), "demo");
        }
        productInsert.execute();
        List<Long> productIds = dsl.select(PRODUCT.ID).from(PRODUCT).orderBy(PRODUCT.ID).fetch(PRODUCT.ID);

        List<Record2<Long, String>> customers = dsl.select(ACCOUNT.ID, ACCOUNT.LIFECYCLE_STAGE).from(ACCOUNT)
                .where(ACCOUNT.LIFECYCLE_STAGE.in(LifecycleStage.NEW_CUSTOMER.name(), LifecycleStage.LOYAL_CUSTOMER.name(),
                        LifecycleStage.EX_CUSTOMER.name()))
                .orderBy(ACCOUNT.ID).fetch();
        var orders = new ArrayList<Object[]>(); // account id, date
        LocalDate startOfYear = today.withDayOfYear(1);
        for (var customer : customers) {
            int size = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8); // a few big buyers
            switch (LifecycleStage.valueOf(customer.value2())) {
                case NEW_CUSTOMER -> addOrders(orders, customer.value1(), startOfYear, today, 1 + random.nextInt(4), random);
                case LOYAL_CUSTOMER -> {
                    addOrders(orders, customer.value1(), today.minusYears(3), today.minusYears(1), size, random);
                    addOrders(orders, customer.value1(), startOfYear, today, 1 + size / 2, random);
                }
                case EX_CUSTOMER -> addOrders(orders, customer.value1(), today.minusYears(3), today.minusMonths(26),
                        1 + random.nextInt(4), random);
                default -> throw new IllegalStateException(customer.value2());
            }
        }
        orders.sort((a, b) -> ((LocalDate) a[1]).compareTo((LocalDate) b[1]));
        for (int start = 0; start < orders.size(); start += BATCH) {
            var insert = dsl.insertInto(SALES_ORDER, SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_NUMBER, SALES_ORDER.ORDER_DATE,
                    SALES_ORDER.CREATED_BY);
            for (int i = start; i < Math.min(orders.size(), start + BATCH); i++) {
                insert = insert.values((Long) orders.get(i)[0], "D" + (100_001 + i), (LocalDate) orders.get(i)[1], "demo");
            }
            insert.execute();
        }
        var orderIds = dsl.select(SALES_ORDER.ID).from(SALES_ORDER).orderBy(SALES_ORDER.ID).fetch(SALES_ORDER.ID);
        var lines = newLineInsert(dsl);
        int pending = 0;
        for (long orderId : orderIds) {
            for (int lineNo = 1, n = 1 + random.nextInt(4); lineNo <= n; lineNo++) {
                int index = random.nextInt(productIds.size());
                Object[] p = PRODUCTS.get(index);
                var price = new BigDecimal((String) p[3]);
                var quantity = BigDecimal.valueOf(price.compareTo(BigDecimal.valueOf(100)) > 0 ? 1 + random.nextInt(3)
                        : 5 + random.nextInt(200));
                int typical = (Integer) p[4];
                var margin = BigDecimal.valueOf(random.nextInt(40) == 0 ? -1 - random.nextInt(10) // sold at a loss
                        : typical - 8 + random.nextInt(17)).setScale(2, RoundingMode.UNNECESSARY);
                lines = lines.values(orderId, lineNo, productIds.get(index), quantity, price, margin);
                if (++pending == BATCH) {
                    lines.execute();
                    lines = newLineInsert(dsl);
                    pending = 0;
                }
            }
        }
        if (pending > 0) {
            lines.execute();
        }
    }

    private static void addOrders(List<Object[]> orders, long accountId, LocalDate from, LocalDate to, int count, Random random) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
        for (int i = 0; i < count; i++) {
            orders.add(new Object[]{accountId, from.plusDays(random.nextLong(days))});
        }
    }

    private static InsertValuesStep6<OrderLineRecord, Long, Integer, Long, BigDecimal, BigDecimal, BigDecimal> newLineInsert(
            DSLContext dsl) {
        return dsl.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID,
                ORDER_LINE.QUANTITY, ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT);
    }
}

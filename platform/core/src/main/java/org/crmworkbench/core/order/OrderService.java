package org.crmworkbench.core.order;

import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.editing.Decimals;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleRules;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/**
 * Orders of an account with their lines. Whoever may see the account may see and add its orders.
 * Adding an order applies the lifecycle rules to the account in the same transaction and then
 * publishes {@link AccountEvent.OrderAdded} (and {@link AccountEvent.StageChanged} when the stage moved).
 */
public final class OrderService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("999999999");
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999999999");

    private final DSLContext dsl;
    private final SecurityLog securityLog;
    private final Clock clock;
    private final LifecycleRules lifecycle;
    private final Consumer<AccountEvent> events;

    public OrderService(DSLContext dsl, Clock clock, LifecycleRules lifecycle, Consumer<AccountEvent> events) {
        this.dsl = dsl;
        this.securityLog = new SecurityLog(dsl, clock);
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /** The account's orders, newest first, with totals; empty when the viewer may not see the account. */
    public List<OrderSummary> page(long accountId, UserRef viewer, int offset, int limit) {
        Field<BigDecimal> amount = DSL.sum(ORDER_LINE.QUANTITY.mul(ORDER_LINE.UNIT_PRICE));
        Field<BigDecimal> margin = DSL.sum(ORDER_LINE.QUANTITY.mul(ORDER_LINE.UNIT_PRICE).mul(ORDER_LINE.MARGIN_PCT).div(HUNDRED));
        return dsl.select(SALES_ORDER.ID, SALES_ORDER.ORDER_NUMBER, SALES_ORDER.ORDER_DATE, DSL.count(ORDER_LINE.ID),
                        amount, margin)
                .from(SALES_ORDER).join(ORDER_LINE).on(ORDER_LINE.ORDER_ID.eq(SALES_ORDER.ID))
                .where(SALES_ORDER.ACCOUNT_ID.eq(accountId).and(visible(viewer)))
                .groupBy(SALES_ORDER.ID, SALES_ORDER.ORDER_NUMBER, SALES_ORDER.ORDER_DATE)
                .orderBy(SALES_ORDER.ORDER_DATE.desc(), SALES_ORDER.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new OrderSummary(r.value1(), r.value2(), r.value3(), r.value4(), money(r.value5()),
                        r.value6() == null ? null : money(r.value6())));
    }

    public int count(long accountId, UserRef viewer) {
        return dsl.fetchCount(SALES_ORDER, SALES_ORDER.ACCOUNT_ID.eq(accountId).and(visible(viewer)));
    }

    /** The lines of an order the viewer may see, in order. */
    public List<OrderLineView> lines(long orderId, UserRef viewer) {
        return dsl.select(ORDER_LINE.LINE_NO, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP, ORDER_LINE.QUANTITY,
                        ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT)
                .from(ORDER_LINE).join(SALES_ORDER).on(SALES_ORDER.ID.eq(ORDER_LINE.ORDER_ID))
                .join(PRODUCT).on(PRODUCT.ID.eq(ORDER_LINE.PRODUCT_ID))
                .where(ORDER_LINE.ORDER_ID.eq(orderId).and(visible(viewer)))
                .orderBy(ORDER_LINE.LINE_NO)
                .fetch(r -> new OrderLineView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /**
     * Adds an order to an account the user may see.
     *
     * @throws InvalidInputException when the input breaks a rule; nothing is saved. Line errors use the
     *                               field names {@code lines[i].quantity} etc. (0-based)
     */
    public long add(long accountId, OrderData data, UserRef by) {
        validate(data);
        if (!dsl.fetchExists(ACCOUNT, ACCOUNT.ID.eq(accountId).and(AccountService.visibleTo(by)))) {
            throw new InvalidInputException(Map.of("account", "order.error.account"));
        }
        checkProducts(data, Set.of());
        record Added(long orderId, List<AccountEvent.StageChanged> stageChanges) {
        }
        Added added;
        try {
            added = dsl.transactionResult(tx -> {
                var ctx = tx.dsl();
                long orderId = ctx.insertInto(SALES_ORDER, SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_NUMBER,
                                SALES_ORDER.ORDER_DATE, SALES_ORDER.CREATED_AT, SALES_ORDER.CREATED_BY)
                        .values(accountId, blankToNull(data.orderNumber()), data.orderDate(), LocalDateTime.now(clock),
                                by.username())
                        .returningResult(SALES_ORDER.ID).fetchSingle().value1();
                insertLines(ctx, orderId, data.lines());
                return new Added(orderId, lifecycle.afterOrderChange(ctx, accountId));
            });
        } catch (IntegrityConstraintViolationException e) {
            throw numberTakenOrRethrow(e);
        }
        events.accept(new AccountEvent.OrderAdded(accountId, clock.instant(), added.orderId()));
        lifecycle.publish(added.stageChanges());
        return added.orderId();
    }

    /** The order with its lines, if it exists and the viewer may see its account. */
    public Optional<Order> find(long id, UserRef viewer) {
        var order = dsl.selectFrom(SALES_ORDER).where(SALES_ORDER.ID.eq(id).and(visible(viewer))).fetchOptional();
        if (order.isEmpty()) {
            return Optional.empty();
        }
        var o = order.get();
        var lines = dsl.select(ORDER_LINE.PRODUCT_ID, ORDER_LINE.QUANTITY, ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT)
                .from(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(id)).orderBy(ORDER_LINE.LINE_NO)
                .fetch(r -> new OrderLineData(r.value1(), r.value2(), r.value3(), r.value4()));
        return Optional.of(new Order(id, o.getAccountId(), new OrderData(o.getOrderNumber(), o.getOrderDate(), lines),
                o.getUpdatedAt(), o.getUpdatedBy(), o.getVersion()));
    }

    /**
     * Replaces the number, date and lines of an order that still has {@code expectedVersion}, applies
     * the lifecycle rules to its account and publishes {@link AccountEvent.OrderChanged}. Products
     * that were deactivated since may stay on the lines that already had them.
     *
     * @throws ConcurrentEditException when someone saved it in between, or it is gone
     * @throws InvalidInputException   when the input breaks a rule; nothing is saved
     */
    public void update(long id, int expectedVersion, OrderData data, UserRef by) {
        validate(data);
        Order before = find(id, by).orElseThrow(() -> new ConcurrentEditException(null, null));
        var kept = new HashSet<Long>();
        before.data().lines().forEach(line -> kept.add(line.productId()));
        checkProducts(data, kept);
        List<AccountEvent.StageChanged> stageChanges;
        try {
            stageChanges = dsl.transactionResult(tx -> {
                var ctx = tx.dsl();
                int rows = ctx.update(SALES_ORDER).set(SALES_ORDER.ORDER_NUMBER, blankToNull(data.orderNumber()))
                        .set(SALES_ORDER.ORDER_DATE, data.orderDate())
                        .set(SALES_ORDER.UPDATED_AT, LocalDateTime.now(clock)).set(SALES_ORDER.UPDATED_BY, by.username())
                        .set(SALES_ORDER.VERSION, SALES_ORDER.VERSION.plus(1))
                        .where(SALES_ORDER.ID.eq(id).and(SALES_ORDER.VERSION.eq(expectedVersion))).execute();
                if (rows == 0) {
                    return null;
                }
                ctx.deleteFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(id)).execute();
                insertLines(ctx, id, data.lines());
                return lifecycle.afterOrderChange(ctx, before.accountId());
            });
        } catch (IntegrityConstraintViolationException e) {
            throw numberTakenOrRethrow(e);
        }
        if (stageChanges == null) {
            var now = dsl.selectFrom(SALES_ORDER).where(SALES_ORDER.ID.eq(id)).fetchOptional();
            throw new ConcurrentEditException(now.map(o -> o.getUpdatedBy()).orElse(null),
                    now.map(o -> o.getUpdatedAt()).orElse(null));
        }
        events.accept(new AccountEvent.OrderChanged(before.accountId(), clock.instant(), id));
        lifecycle.publish(stageChanges);
    }

    /**
     * Deletes an order the user may see with its lines, applies the lifecycle rules to its account and
     * publishes {@link AccountEvent.OrderChanged}.
     *
     * @param expectedVersion null to delete whatever version is stored
     * @return false when there is no such order the user may see
     * @throws ConcurrentEditException when {@code expectedVersion} is given and someone saved it in between
     */
    public boolean delete(long id, Integer expectedVersion, UserRef by) {
        var current = dsl.selectFrom(SALES_ORDER).where(SALES_ORDER.ID.eq(id).and(visible(by))).fetchOptional();
        if (current.isEmpty()) {
            return false;
        }
        long accountId = current.get().getAccountId();
        Condition version = expectedVersion == null ? DSL.trueCondition() : SALES_ORDER.VERSION.eq(expectedVersion);
        List<AccountEvent.StageChanged> stageChanges = dsl.transactionResult(tx -> {
            if (tx.dsl().deleteFrom(SALES_ORDER).where(SALES_ORDER.ID.eq(id).and(version)).execute() == 0) {
                return null;
            }
            return lifecycle.afterOrderChange(tx.dsl(), accountId);
        });
        if (stageChanges == null) {
            var now = dsl.selectFrom(SALES_ORDER).where(SALES_ORDER.ID.eq(id)).fetchOptional();
            if (now.isEmpty()) {
                return false;
            }
            throw new ConcurrentEditException(now.get().getUpdatedBy(), now.get().getUpdatedAt());
        }
        securityLog.deleted(by, "order", id);
        events.accept(new AccountEvent.OrderChanged(accountId, clock.instant(), id));
        lifecycle.publish(stageChanges);
        return true;
    }

    /** Every line's product must exist and be active, unless the order already had it ({@code kept}). */
    private void checkProducts(OrderData data, Set<Long> kept) {
        var productIds = new HashSet<Long>();
        data.lines().forEach(line -> productIds.add(line.productId()));
        Set<Long> orderable = new HashSet<>(dsl.select(PRODUCT.ID).from(PRODUCT)
                .where(PRODUCT.ID.in(productIds).and(PRODUCT.ACTIVE.isTrue().or(PRODUCT.ID.in(kept)))).fetch(PRODUCT.ID));
        var errors = new LinkedHashMap<String, String>();
        for (int i = 0; i < data.lines().size(); i++) {
            if (!orderable.contains(data.lines().get(i).productId())) {
                errors.put("lines[" + i + "].product", "order.error.product");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void insertLines(DSLContext ctx, long orderId, List<OrderLineData> lines) {
        var insert = ctx.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID,
                ORDER_LINE.QUANTITY, ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT);
        int lineNo = 0;
        for (OrderLineData line : lines) {
            insert = insert.values(orderId, ++lineNo, line.productId(), line.quantity(),
                    line.unitPrice().setScale(2, RoundingMode.HALF_UP), line.marginPct());
        }
        insert.execute();
    }

    private static RuntimeException numberTakenOrRethrow(IntegrityConstraintViolationException e) {
        if (e.getMessage() != null && e.getMessage().contains("uq_sales_order_number")) {
            return new InvalidInputException(Map.of("orderNumber", "order.error.number-taken"));
        }
        return e;
    }

    Map<String, String> check(OrderData data) {
        var errors = new LinkedHashMap<String, String>();
        if (data.orderDate() == null) {
            errors.put("orderDate", "order.error.date-required");
        } else if (data.orderDate().isAfter(LocalDate.now(clock))) {
            errors.put("orderDate", "order.error.date-in-future");
        }
        if (data.orderNumber() != null && data.orderNumber().strip().length() > 40) {
            errors.put("orderNumber", "order.error.too-long");
        }
        if (data.lines().isEmpty()) {
            errors.put("lines", "order.error.no-lines");
        }
        for (int i = 0; i < data.lines().size(); i++) {
            var line = data.lines().get(i);
            String prefix = "lines[" + i + "].";
            lineErrors(line.quantity(), line.unitPrice(), line.marginPct()).forEach((field, key) -> errors.put(prefix + field, key));
        }
        return errors;
    }

    /**
     * The rules of one order line, for the order dialog and the order import alike.
     *
     * @return field ({@code quantity}, {@code unitPrice}, {@code marginPct}) to message key, in that order
     */
    static Map<String, String> lineErrors(BigDecimal quantity, BigDecimal unitPrice, BigDecimal marginPct) {
        var errors = new LinkedHashMap<String, String>();
        if (quantity == null || Decimals.tooPrecise(quantity) || quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0
                || quantity.stripTrailingZeros().scale() > 3) {
            errors.put("quantity", "order.error.quantity");
        }
        if (unitPrice == null || Decimals.tooPrecise(unitPrice) || unitPrice.signum() < 0 || unitPrice.compareTo(MAX_PRICE) > 0) {
            errors.put("unitPrice", "order.error.unit-price");
        }
        if (marginPct != null && (Decimals.tooPrecise(marginPct) || marginPct.compareTo(HUNDRED.negate()) < 0 || marginPct.compareTo(HUNDRED) > 0)) {
            errors.put("marginPct", "order.error.margin");
        }
        return errors;
    }

    private void validate(OrderData data) {
        var errors = check(data);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Condition visible(UserRef viewer) {
        return AccountService.seesAll(viewer) ? DSL.trueCondition()
                : SALES_ORDER.ACCOUNT_ID.in(DSL.select(ACCOUNT.ID).from(ACCOUNT).where(AccountService.visibleTo(viewer)));
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

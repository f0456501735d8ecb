package org.crmworkbench.core.account;

import org.crmworkbench.api.account.AccountEvent;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_STAGE_HISTORY;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/**
 * The lifecycle rules of DOMAIN.md section 1, derived from the orders:
 * <ul>
 *   <li>no order within the churn window (default 24 months) -> {@code EX_CUSTOMER};</li>
 *   <li>else orders in at least two different calendar years -> {@code LOYAL_CUSTOMER};</li>
 *   <li>else (a first order) -> {@code NEW_CUSTOMER}.</li>
 * </ul>
 * Accounts without orders keep their pre-customer stage; one whose last order is deleted goes back
 * to it. A stage set by hand ({@code stage_manual})
 * is left alone until the account's next order. Runs set-based: one {@code INSERT ... SELECT} writes
 * the history, one {@code UPDATE ... JOIN} the stages, whatever the number of accounts.
 */
public final class LifecycleRules {

    public static final int DEFAULT_CHURN_MONTHS = 24;

    private final DSLContext dsl;
    private final Clock clock;
    private final int churnMonths;
    private final Consumer<AccountEvent> events;

    public LifecycleRules(DSLContext dsl, Clock clock, int churnMonths, Consumer<AccountEvent> events) {
        if (churnMonths < 1) {
            throw new IllegalArgumentException("churn window must be at least one month: " + churnMonths);
        }
        this.dsl = dsl;
        this.clock = clock;
        this.churnMonths = churnMonths;
        this.events = events;
    }

    public int churnMonths() {
        return churnMonths;
    }

    /** Applies the rules to every account; returns how many changed stage. */
    public int recalculateAll() {
        var changes = dsl.transactionResult(tx -> apply(tx.dsl(), DSL.trueCondition()));
        publish(changes);
        return changes.size();
    }

    /**
     * Applies the rules to one account inside the caller's transaction, after its orders changed:
     * clears a hand-set stage first. The caller publishes the returned changes after commit.
     */
    public List<AccountEvent.StageChanged> afterOrderChange(DSLContext tx, long accountId) {
        tx.update(ACCOUNT).set(ACCOUNT.STAGE_MANUAL, false).where(ACCOUNT.ID.eq(accountId)).execute();
        if (!tx.fetchExists(SALES_ORDER, SALES_ORDER.ACCOUNT_ID.eq(accountId))) {
            return withoutOrders(tx, accountId);
        }
        return apply(tx, SALES_ORDER.ACCOUNT_ID.eq(accountId));
    }

    /**
     * The account's last order was deleted: a customer stage no longer holds, so it goes back to the
     * stage it had before it first became a customer (prospect when the history does not say).
     */
    private List<AccountEvent.StageChanged> withoutOrders(DSLContext tx, long accountId) {
        var customerStages = List.of(LifecycleStage.NEW_CUSTOMER.name(), LifecycleStage.LOYAL_CUSTOMER.name(),
                LifecycleStage.EX_CUSTOMER.name());
        String current = tx.select(ACCOUNT.LIFECYCLE_STAGE).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(ACCOUNT.LIFECYCLE_STAGE).orElse(null);
        if (current == null || !customerStages.contains(current)) {
            return List.of();
        }
        var h = ACCOUNT_STAGE_HISTORY;
        String before = tx.select(h.FROM_STAGE).from(h)
                .where(h.ACCOUNT_ID.eq(accountId).and(h.TO_STAGE.in(customerStages))
                        .and(h.FROM_STAGE.isNotNull()).and(h.FROM_STAGE.notIn(customerStages)))
                .orderBy(h.ID.desc()).limit(1)
                .fetchOptional(h.FROM_STAGE).orElse(LifecycleStage.PROSPECT.name());
        var now = LocalDateTime.now(clock);
        tx.insertInto(h, h.ACCOUNT_ID, h.FROM_STAGE, h.TO_STAGE, h.CHANGED_AT, h.CAUSE)
                .values(accountId, current, before, now, StageChangeCause.RULE.name()).execute();
        tx.update(ACCOUNT).set(ACCOUNT.LIFECYCLE_STAGE, before).set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .set(ACCOUNT.UPDATED_AT, now).set(ACCOUNT.UPDATED_BY, (String) null)
                .where(ACCOUNT.ID.eq(accountId)).execute();
        return List.of(new AccountEvent.StageChanged(accountId, clock.instant(), current, before));
    }

    /**
     * Applies the rules, set-based, to the accounts whose orders an import changed, inside the
     * caller's transaction; clears their hand-set stages first.
     */
    public List<AccountEvent.StageChanged> afterOrderChanges(DSLContext tx, java.util.Collection<Long> accountIds) {
        var changes = new java.util.ArrayList<AccountEvent.StageChanged>();
        var ids = List.copyOf(accountIds);
        for (int from = 0; from < ids.size(); from += 1_000) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
            tx.update(ACCOUNT).set(ACCOUNT.STAGE_MANUAL, false).where(ACCOUNT.ID.in(chunk)).execute();
            changes.addAll(apply(tx, SALES_ORDER.ACCOUNT_ID.in(chunk)));
        }
        return changes;
    }

    /** Publishes changes once they are committed. */
    public void publish(List<AccountEvent.StageChanged> changes) {
        changes.forEach(events);
    }

    private List<AccountEvent.StageChanged> apply(DSLContext tx, Condition orders) {
        var now = LocalDateTime.now(clock);
        LocalDate churnStart = now.toLocalDate().minusMonths(churnMonths);
        Table<?> stats = DSL.select(SALES_ORDER.ACCOUNT_ID,
                        DSL.max(SALES_ORDER.ORDER_DATE).as("last_order"),
                        DSL.countDistinct(DSL.year(SALES_ORDER.ORDER_DATE)).as("order_years"))
                .from(SALES_ORDER).where(orders).groupBy(SALES_ORDER.ACCOUNT_ID).asTable("s");
        Field<Long> statsAccount = stats.field(SALES_ORDER.ACCOUNT_ID);
        Field<LocalDate> lastOrder = stats.field("last_order", LocalDate.class);
        Field<Integer> orderYears = stats.field("order_years", Integer.class);
        Field<String> target = DSL.when(lastOrder.lt(churnStart), LifecycleStage.EX_CUSTOMER.name())
                .when(orderYears.ge(2), LifecycleStage.LOYAL_CUSTOMER.name())
                .otherwise(LifecycleStage.NEW_CUSTOMER.name());
        Condition differs = ACCOUNT.STAGE_MANUAL.isFalse().and(ACCOUNT.LIFECYCLE_STAGE.ne(target));
        Table<?> accountsWithStats = ACCOUNT.join(stats).on(ACCOUNT.ID.eq(statsAccount));

        long lastHistoryId = tx.select(DSL.coalesce(DSL.max(ACCOUNT_STAGE_HISTORY.ID), 0L))
                .from(ACCOUNT_STAGE_HISTORY).fetchSingle().value1();
        var h = ACCOUNT_STAGE_HISTORY;
        tx.insertInto(h, h.ACCOUNT_ID, h.FROM_STAGE, h.TO_STAGE, h.CHANGED_AT, h.CAUSE)
                .select(DSL.select(ACCOUNT.ID, ACCOUNT.LIFECYCLE_STAGE, target, DSL.val(now),
                                DSL.val(StageChangeCause.RULE.name()))
                        .from(accountsWithStats).where(differs))
                .execute();
        // a new version, so an editor open on the old stage reports a concurrent change instead of undoing it
        tx.update(accountsWithStats).set(ACCOUNT.LIFECYCLE_STAGE, target).set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .set(ACCOUNT.UPDATED_AT, now).set(ACCOUNT.UPDATED_BY, (String) null)
                .where(differs).execute();
        var at = clock.instant();
        return tx.select(h.ACCOUNT_ID, h.FROM_STAGE, h.TO_STAGE).from(h)
                .where(h.ID.gt(lastHistoryId).and(h.CAUSE.eq(StageChangeCause.RULE.name())))
                .orderBy(h.ID)
                .fetch(r -> new AccountEvent.StageChanged(r.value1(), at, r.value2(), r.value3()));
    }
}

package org.crmworkbench.plugin.rating.score;

import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.plugin.rating.MetricTables;
import org.crmworkbench.plugin.rating.model.CriterionKind;
import org.crmworkbench.plugin.rating.model.ModelCriterion;
import org.crmworkbench.plugin.rating.model.RatingModel;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.crmworkbench.plugin.rating.model.Rule;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.api.coreviews.Tables.V_ORDERS;
import static org.crmworkbench.api.coreviews.Tables.V_ORDER_LINES;
import static org.crmworkbench.plugin.rating.jooq.Tables.ALERT_SUBSCRIPTION;
import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION;
import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION_THRESHOLD;
import static org.crmworkbench.plugin.rating.jooq.Tables.MANUAL_SCORE;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_ALERT;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_HISTORY;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_MODEL;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_RESULT;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_RUN;
import static org.crmworkbench.plugin.rating.jooq.Tables.RESULT_SCORE;

/**
 * The rating run of DOMAIN.md 2 over all accounts, set-based: one {@code INSERT ... SELECT} scores
 * every account on every criterion of the model (manual scores as given, computed criteria from the
 * core views through their thresholds), a second sums {@code weight x score} per account and checks
 * the knock-outs and the cut-off. Whatever the number of accounts, the work is a fixed handful of
 * statements in one transaction; there is no loop over accounts in Java.
 */
public final class RatingRun {

    private final DSLContext dsl;
    private final Clock clock;
    private final List<AccountMetric> metrics;

    /**
     * @param metrics the account metrics the installed plugins offer ({@code PluginContext.accountMetrics()}),
     *                for criteria with rule {@link Rule#METRIC}
     */
    public RatingRun(DSLContext dsl, Clock clock, List<AccountMetric> metrics) {
        this.dsl = dsl;
        this.clock = clock;
        this.metrics = List.copyOf(metrics);
    }

    /**
     * What a run did.
     *
     * @param accounts   accounts rated
     * @param qualifying of which qualify
     */
    public record Outcome(long runId, long modelId, int modelVersion, int accounts, int qualifying) {
    }

    /** The model has no criteria, so there is nothing to compute. */
    public static final class NoCriteriaException extends RuntimeException {
        NoCriteriaException() {
            super("the rating model has no criteria");
        }
    }

    /**
     * Rates all accounts on one model, replacing the model's previous results; the values are added to
     * each account's history and followers of an account that crossed the cut-off get an alert.
     *
     * @param progress told 0..1 as the steps finish
     */
    public Outcome run(long modelId, String by, DoubleConsumer progress) {
        LocalDateTime started = LocalDateTime.now(clock).withNano(0);
        LocalDate today = started.toLocalDate();
        return dsl.transactionResult(tx -> {
            var ctx = tx.dsl();
            ctx.connection(connection -> connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_COMMITTED));
            // the definition cannot change under the run: edits of this model are refused until it ends
            ctx.select(RATING_MODEL.ID).from(RATING_MODEL).where(RATING_MODEL.ID.eq(modelId)).forUpdate().fetch();
            var models = new RatingModels(ctx, clock);
            RatingModel model = models.find(modelId).orElseThrow(RatingModels.ModelChangedException::new);
            List<ModelCriterion> criteria = models.criteria(modelId);
            if (criteria.isEmpty()) {
                throw new NoCriteriaException();
            }
            long previousRun = ctx.select(DSL.coalesce(DSL.max(RATING_RUN.ID), 0L)).from(RATING_RUN)
                    .where(RATING_RUN.MODEL_ID.eq(modelId)).fetchSingle().value1();
            long runId = ctx.insertInto(RATING_RUN)
                    .set(RATING_RUN.MODEL_ID, modelId).set(RATING_RUN.MODEL_VERSION, model.version())
                    .set(RATING_RUN.ACCOUNTS, 0).set(RATING_RUN.QUALIFYING, 0)
                    .set(RATING_RUN.STARTED_AT, started).set(RATING_RUN.STARTED_BY, by)
                    .returningResult(RATING_RUN.ID).fetchSingle().value1();
            progress.accept(0.05);

            ctx.deleteFrom(RESULT_SCORE).where(RESULT_SCORE.MODEL_ID.eq(modelId)).execute();
            ctx.insertInto(RESULT_SCORE, RESULT_SCORE.MODEL_ID, RESULT_SCORE.ACCOUNT_ID, RESULT_SCORE.CRITERION_ID,
                            RESULT_SCORE.RAW_VALUE, RESULT_SCORE.SCORE)
                    .select(scores(model, criteria, today))
                    .execute();
            progress.accept(0.6);

            ctx.deleteFrom(RATING_RESULT).where(RATING_RESULT.MODEL_ID.eq(modelId)).execute();
            insertResults(ctx, model, runId);
            progress.accept(0.85);

            ctx.insertInto(RATING_HISTORY, RATING_HISTORY.RUN_ID, RATING_HISTORY.ACCOUNT_ID, RATING_HISTORY.RATING_VALUE,
                            RATING_HISTORY.QUALIFIES)
                    .select(DSL.select(DSL.val(runId), RATING_RESULT.ACCOUNT_ID, RATING_RESULT.RATING_VALUE, RATING_RESULT.QUALIFIES)
                            .from(RATING_RESULT).where(RATING_RESULT.MODEL_ID.eq(modelId)))
                    .execute();
            alertCrossings(ctx, modelId, runId, previousRun, started);

            var totals = ctx.select(DSL.count(), DSL.count().filterWhere(RATING_RESULT.QUALIFIES))
                    .from(RATING_RESULT).where(RATING_RESULT.MODEL_ID.eq(modelId)).fetchSingle();
            ctx.update(RATING_RUN).set(RATING_RUN.ACCOUNTS, totals.value1()).set(RATING_RUN.QUALIFYING, totals.value2())
                    .set(RATING_RUN.FINISHED_AT, LocalDateTime.now(clock).withNano(0))
                    .where(RATING_RUN.ID.eq(runId)).execute();
            progress.accept(1.0);
            return new Outcome(runId, modelId, model.version(), totals.value1(), totals.value2());
        });
    }

    private static Set<Rule> rules(List<ModelCriterion> criteria) {
        var rules = EnumSet.noneOf(Rule.class);
        criteria.stream().filter(c -> c.kind() == CriterionKind.COMPUTED).forEach(c -> rules.add(c.rule()));
        return rules;
    }

    /**
     * Every account x every criterion of the model: the raw value of a computed criterion (only the
     * aggregates its rules need are joined, and the values of the account metrics it names) and the
     * score, from the thresholds or as given by hand.
     */
    Select<Record5<Long, Long, Long, BigDecimal, Integer>> scores(RatingModel model, List<ModelCriterion> criteria,
                                                                   LocalDate today) {
        var a = V_ACCOUNTS;
        var c = CRITERION;
        Set<Rule> rules = rules(criteria);
        Table<?> from = a.crossJoin(c);
        Field<BigDecimal> zero = DSL.inline(BigDecimal.ZERO);
        CaseConditionStep<BigDecimal> when = null;

        if (rules.stream().anyMatch(Rule::readsPeriod)) {
            var l = V_ORDER_LINES;
            Table<?> period = DSL.select(l.ACCOUNT_ID.as("account_id"),
                            DSL.sum(l.AMOUNT).as("revenue"),
                            DSL.countDistinct(l.ORDER_ID).as("orders"),
                            DSL.sum(l.AMOUNT.mul(DSL.coalesce(l.MARGIN_PCT, zero)).div(DSL.inline(100))).as("margin"))
                    .from(l)
                    .where(l.ORDER_DATE.between(today.minusMonths(model.periodMonths()).plusDays(1), today))
                    .groupBy(l.ACCOUNT_ID)
                    .asTable("period");
            from = from.leftJoin(period).on(period.field("account_id", Long.class).eq(a.ID));
            when = add(when, c.RULE.eq(Rule.REVENUE.name()), DSL.coalesce(period.field("revenue", BigDecimal.class), zero));
            when = add(when, c.RULE.eq(Rule.ORDER_FREQUENCY.name()), DSL.coalesce(period.field("orders", BigDecimal.class), zero));
            when = add(when, c.RULE.eq(Rule.MARGIN.name()), DSL.coalesce(period.field("margin", BigDecimal.class), zero));
        }
        if (rules.contains(Rule.RECENCY)) {
            Table<?> last = DSL.select(V_ORDERS.ACCOUNT_ID.as("account_id"), DSL.max(V_ORDERS.ORDER_DATE).as("last_order"))
                    .from(V_ORDERS).where(V_ORDERS.ORDER_DATE.le(today)).groupBy(V_ORDERS.ACCOUNT_ID).asTable("last");
            from = from.leftJoin(last).on(last.field("account_id", Long.class).eq(a.ID));
            when = add(when, c.RULE.eq(Rule.RECENCY.name()),
                    DSL.localDateDiff(DSL.val(today), last.field("last_order", LocalDate.class)).cast(SQLDataType.DECIMAL(18, 2)));
        }
        if (rules.contains(Rule.POTENTIAL)) {
            when = add(when, c.RULE.eq(Rule.POTENTIAL.name()), a.POTENTIAL_VALUE);
        }
        if (rules.contains(Rule.DMU_CONTACTS)) {
            Table<?> dmu = DSL.select(V_CONTACTS.ACCOUNT_ID.as("account_id"), DSL.count().as("contacts"))
                    .from(V_CONTACTS).where(V_CONTACTS.ACTIVE.isTrue().and(V_CONTACTS.DMU_ROLE.isNotNull()))
                    .groupBy(V_CONTACTS.ACCOUNT_ID).asTable("dmu");
            from = from.leftJoin(dmu).on(dmu.field("account_id", Long.class).eq(a.ID));
            when = add(when, c.RULE.eq(Rule.DMU_CONTACTS.name()), DSL.coalesce(dmu.field("contacts", BigDecimal.class), zero));
        }
        // a metric another plugin offers: its values as a derived table; a metric no plugin offers stays NULL
        Map<String, AccountMetric> offered = metrics.stream()
                .collect(Collectors.toMap(AccountMetric::key, Function.identity(), (first, second) -> first));
        int joined = 0;
        for (ModelCriterion criterion : criteria) {
            AccountMetric metric = criterion.rule() == Rule.METRIC ? offered.get(criterion.metricKey()) : null;
            var values = metric == null ? java.util.Optional.<Table<?>>empty() : MetricTables.perAccount(metric, "metric_" + ++joined);
            if (values.isPresent()) {
                from = from.leftJoin(values.get()).on(values.get().field("account_id", Long.class).eq(a.ID));
                when = add(when, c.ID.eq(criterion.id()), values.get().field("value", BigDecimal.class));
            }
        }
        from = from.leftJoin(MANUAL_SCORE).on(MANUAL_SCORE.CRITERION_ID.eq(c.ID).and(MANUAL_SCORE.ACCOUNT_ID.eq(a.ID)));
        Field<BigDecimal> rawValue = when == null ? DSL.castNull(SQLDataType.DECIMAL(18, 2))
                : when.otherwise(DSL.castNull(SQLDataType.DECIMAL(18, 2)));

        Table<?> scored = DSL.select(a.ID.as("account_id"), c.ID.as("criterion_id"), c.KIND.as("kind"), c.RULE.as("rule"),
                        c.LOWER_IS_BETTER.as("lower"), rawValue.cast(SQLDataType.DECIMAL(18, 2)).as("raw_value"),
                        MANUAL_SCORE.SCORE.as("manual"))
                .from(from)
                .where(c.MODEL_ID.eq(model.id()))
                .asTable("scored");
        Field<Long> criterion = scored.field("criterion_id", Long.class);
        Field<BigDecimal> value = scored.field("raw_value", BigDecimal.class);
        Field<Boolean> lower = scored.field("lower", Boolean.class);
        var t = CRITERION_THRESHOLD;
        Condition reached = lower.isTrue().and(value.le(t.BOUND)).or(lower.isFalse().and(value.ge(t.BOUND)));
        Field<Integer> thresholdScore = DSL.coalesce(
                DSL.field(DSL.select(DSL.max(t.SCORE)).from(t).where(t.CRITERION_ID.eq(criterion).and(reached))),
                DSL.inline(1));
        Field<Integer> score = DSL.when(scored.field("kind", String.class).eq(CriterionKind.MANUAL.name()),
                        scored.field("manual", Integer.class))
                .when(scored.field("rule", String.class).eq(Rule.METRIC.name()).and(value.isNull()), DSL.castNull(Integer.class))
                .otherwise(thresholdScore);
        return DSL.select(DSL.val(model.id()), scored.field("account_id", Long.class), criterion, value, score).from(scored);
    }

    private static CaseConditionStep<BigDecimal> add(CaseConditionStep<BigDecimal> when, Condition condition,
                                                     Field<BigDecimal> raw) {
        return when == null ? DSL.when(condition, raw) : when.when(condition, raw);
    }

    /**
     * value = sum of weight x score (an unscored manual criterion adds nothing); it qualifies when no
     * knock-out failed (an unscored criterion with a minimum fails it) and the value reaches the cut-off.
     */
    private static void insertResults(DSLContext ctx, RatingModel model, long runId) {
        var s = RESULT_SCORE;
        var c = CRITERION;
        Condition knockedOut = c.MIN_SCORE.isNotNull().and(s.SCORE.isNull().or(s.SCORE.lt(c.MIN_SCORE)));
        Field<BigDecimal> value = DSL.sum(c.WEIGHT.mul(DSL.coalesce(s.SCORE, DSL.inline(0)))).cast(SQLDataType.DECIMAL(12, 2));
        Condition qualifies = DSL.count().filterWhere(knockedOut).eq(0);
        if (model.minimumTotal() != null) {
            qualifies = qualifies.and(value.ge(model.minimumTotal()));
        }
        // a knock-out list is short: no session variable for GROUP_CONCAT's length (one statement, no multi-query)
        DSL.using(ctx.configuration().deriveSettings(settings -> settings.withRenderGroupConcatMaxLenSessionVariable(false)))
                .insertInto(RATING_RESULT, RATING_RESULT.MODEL_ID, RATING_RESULT.ACCOUNT_ID, RATING_RESULT.RUN_ID,
                        RATING_RESULT.MODEL_VERSION, RATING_RESULT.RATING_VALUE, RATING_RESULT.QUALIFIES, RATING_RESULT.KNOCKED_OUT)
                .select(DSL.select(s.MODEL_ID, s.ACCOUNT_ID, DSL.val(runId), DSL.val(model.version()), value,
                                DSL.field(qualifies),
                                DSL.groupConcat(DSL.when(knockedOut, c.ID.cast(SQLDataType.VARCHAR(20))))
                                        .orderBy(c.ID).separator(","))
                        .from(s).join(c).on(c.ID.eq(s.CRITERION_ID))
                        .where(s.MODEL_ID.eq(model.id()))
                        .groupBy(s.MODEL_ID, s.ACCOUNT_ID))
                .execute();
    }

    /** Followers of an account whose qualification changed since the model's previous run hear of it. */
    private static void alertCrossings(DSLContext ctx, long modelId, long runId, long previousRun, LocalDateTime at) {
        var now = RATING_HISTORY.as("now");
        var before = RATING_HISTORY.as("before");
        var sub = ALERT_SUBSCRIPTION;
        ctx.insertInto(RATING_ALERT, RATING_ALERT.USER_ID, RATING_ALERT.ACCOUNT_ID, RATING_ALERT.MODEL_ID, RATING_ALERT.KIND,
                        RATING_ALERT.OLD_VALUE, RATING_ALERT.NEW_VALUE, RATING_ALERT.CREATED_AT)
                .select(DSL.select(sub.USER_ID, sub.ACCOUNT_ID, DSL.val(modelId),
                                DSL.when(now.QUALIFIES, DSL.inline("QUALIFIES")).otherwise(DSL.inline("DISQUALIFIED")),
                                before.RATING_VALUE.cast(SQLDataType.VARCHAR(100)), now.RATING_VALUE.cast(SQLDataType.VARCHAR(100)),
                                DSL.val(at))
                        .from(sub)
                        .join(now).on(now.ACCOUNT_ID.eq(sub.ACCOUNT_ID).and(now.RUN_ID.eq(runId)))
                        .join(before).on(before.ACCOUNT_ID.eq(sub.ACCOUNT_ID).and(before.RUN_ID.eq(previousRun)))
                        .where(now.QUALIFIES.ne(before.QUALIFIES)))
                .execute();
    }
}

package org.crmworkbench.plugin.rating.analysis;

import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.plugin.rating.MetricTables;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record18;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_INTERACTIONS;
import static org.crmworkbench.api.coreviews.Tables.V_ORDERS;
import static org.crmworkbench.api.coreviews.Tables.V_ORDER_LINES;
import static org.crmworkbench.plugin.rating.jooq.Tables.ALERT_SUBSCRIPTION;
import static org.crmworkbench.plugin.rating.jooq.Tables.ANALYSIS_RUN;
import static org.crmworkbench.plugin.rating.jooq.Tables.CUSTOMER_SCORE;
import static org.crmworkbench.plugin.rating.jooq.Tables.PREVIOUS_LAYER;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_ALERT;
import static org.crmworkbench.plugin.rating.jooq.Tables.RELATIONSHIP_JUDGEMENT;

/**
 * The customer analysis of DOMAIN.md 2 over the public core views, set-based: one
 * {@code INSERT ... SELECT} with window functions computes for every customer with orders in the
 * period its RFM + P quintile scores, revenue rank, pyramid layer and ABC class, whatever the number
 * of accounts. Reading the result is paged SQL over {@code customer_score}.
 */
public final class CustomerAnalysis {

    private static final BigDecimal A_SHARE = new BigDecimal("0.80");
    private static final BigDecimal B_SHARE = new BigDecimal("0.95");

    /**
     * The key of the account metric with each account's latest NPS answer (0-10), which the NPS plugin
     * offers; with it the relationship axis of the matrix counts that answer too.
     */
    public static final String NPS_METRIC = "nps-surveys.latest-answer";

    private final DSLContext dsl;
    private final Clock clock;
    private final AccountMetric nps;

    /** An analysis without NPS answers: the relationship axis is the judgement or the interactions. */
    public CustomerAnalysis(DSLContext dsl, Clock clock) {
        this(dsl, clock, List.of());
    }

    /**
     * @param metrics the account metrics the installed plugins offer; the one named {@link #NPS_METRIC}
     *                (if any) feeds the relationship axis
     */
    public CustomerAnalysis(DSLContext dsl, Clock clock, List<AccountMetric> metrics) {
        this.dsl = dsl;
        this.clock = clock;
        this.nps = metrics.stream().filter(m -> NPS_METRIC.equals(m.key())).findFirst().orElse(null);
    }


    /**
     * The period analysed and how the pyramid is cut.
     *
     * @param from   first order date counted
     * @param to     last order date counted; recency is counted up to this day
     * @param shares pyramid percentages
     * @param buyingThreshold       matrix: buying is strong from this score (1-5); null = the median
     * @param relationshipThreshold matrix: the relationship is strong from this score (1-5); null = the median
     */
    public record Settings(LocalDate from, LocalDate to, PyramidShares shares, BigDecimal buyingThreshold,
                           BigDecimal relationshipThreshold) {

        public Settings(LocalDate from, LocalDate to, PyramidShares shares) {
            this(from, to, shares, null, null);
        }

        /** The last twelve months up to today, default pyramid, median thresholds. */
        public static Settings lastYear(LocalDate today) {
            return new Settings(today.minusYears(1).plusDays(1), today, PyramidShares.DEFAULT);
        }
    }

    /**
     * What a run did.
     *
     * @param retention the retention of the year before the period's end (0..1), null without customers
     *                  the year before
     */
    public record Run(long id, LocalDate from, LocalDate to, int customers, BigDecimal revenue, LocalDateTime finishedAt,
                      String by, BigDecimal buyingThreshold, BigDecimal relationshipThreshold, BigDecimal retention) {
    }

    /** Replaces the stored scores by those of {@code settings}, in one transaction. */
    public Run run(Settings settings, String by) {
        var started = LocalDateTime.now(clock);
        return dsl.transactionResult(tx -> {
            var ctx = tx.dsl();
            // consistent reads of the core views: orders and interactions keep being entered while it runs
            ctx.connection(connection -> connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_COMMITTED));
            // keep the layers of the run before, for the movement between layers
            ctx.deleteFrom(PREVIOUS_LAYER).execute();
            ctx.insertInto(PREVIOUS_LAYER, PREVIOUS_LAYER.ACCOUNT_ID, PREVIOUS_LAYER.PYRAMID_LAYER, PREVIOUS_LAYER.QUADRANT)
                    .select(DSL.select(CUSTOMER_SCORE.ACCOUNT_ID, CUSTOMER_SCORE.PYRAMID_LAYER, CUSTOMER_SCORE.QUADRANT)
                            .from(CUSTOMER_SCORE))
                    .execute();
            ctx.deleteFrom(CUSTOMER_SCORE).execute();
            ctx.insertInto(CUSTOMER_SCORE, CUSTOMER_SCORE.ACCOUNT_ID, CUSTOMER_SCORE.LAST_ORDER, CUSTOMER_SCORE.RECENCY_DAYS,
                            CUSTOMER_SCORE.FREQUENCY, CUSTOMER_SCORE.MONETARY, CUSTOMER_SCORE.POTENTIAL, CUSTOMER_SCORE.MARGIN,
                            CUSTOMER_SCORE.R_SCORE, CUSTOMER_SCORE.F_SCORE, CUSTOMER_SCORE.M_SCORE, CUSTOMER_SCORE.P_SCORE,
                            CUSTOMER_SCORE.REVENUE_RANK, CUSTOMER_SCORE.PYRAMID_LAYER, CUSTOMER_SCORE.ABC_CLASS,
                            CUSTOMER_SCORE.INTERACTIONS, CUSTOMER_SCORE.I_SCORE, CUSTOMER_SCORE.BUYING,
                            CUSTOMER_SCORE.RELATIONSHIP)
                    .select(scores(settings))
                    .execute();
            ctx.update(CUSTOMER_SCORE.join(PREVIOUS_LAYER).on(PREVIOUS_LAYER.ACCOUNT_ID.eq(CUSTOMER_SCORE.ACCOUNT_ID)))
                    .set(CUSTOMER_SCORE.PREVIOUS_LAYER, PREVIOUS_LAYER.PYRAMID_LAYER)
                    .execute();
            BigDecimal buying = settings.buyingThreshold() != null ? settings.buyingThreshold()
                    : median(ctx, CUSTOMER_SCORE.BUYING);
            BigDecimal relationship = settings.relationshipThreshold() != null ? settings.relationshipThreshold()
                    : median(ctx, CUSTOMER_SCORE.RELATIONSHIP);
            if (buying != null && relationship != null) {
                ctx.update(CUSTOMER_SCORE).set(CUSTOMER_SCORE.QUADRANT,
                                DSL.when(CUSTOMER_SCORE.BUYING.ge(buying).and(CUSTOMER_SCORE.RELATIONSHIP.ge(relationship)),
                                                Quadrant.PARTNER.name())
                                        .when(CUSTOMER_SCORE.BUYING.ge(buying), Quadrant.ECONOMICUS.name())
                                        .when(CUSTOMER_SCORE.RELATIONSHIP.ge(relationship), Quadrant.FRIEND.name())
                                        .otherwise(Quadrant.DOG.name()))
                        .execute();
            }
            alertChanges(ctx, started);
            var totals = ctx.select(DSL.count(), DSL.coalesce(DSL.sum(CUSTOMER_SCORE.MONETARY), BigDecimal.ZERO))
                    .from(CUSTOMER_SCORE).fetchSingle();
            var run = ctx.newRecord(ANALYSIS_RUN);
            run.setPeriodFrom(settings.from());
            run.setPeriodTo(settings.to());
            run.setCustomers(totals.value1());
            run.setRevenue(totals.value2());
            run.setStartedAt(started);
            run.setFinishedAt(LocalDateTime.now(clock));
            run.setStartedBy(by);
            run.setBuyingThreshold(buying);
            run.setRelationshipThreshold(relationship);
            int year = settings.to().getYear() - 1;
            run.setRetention(new CustomerAnalysis(ctx, clock).retention(year, year).stream().findFirst()
                    .filter(r -> r.previous() > 0)
                    .map(r -> BigDecimal.valueOf(r.retained()).divide(BigDecimal.valueOf(r.previous()), 4, RoundingMode.HALF_UP))
                    .orElse(null));
            run.store();
            return toRun(run);
        });
    }

    /**
     * Followers of an account whose pyramid layer or matrix quadrant changed since the run before hear
     * of it (two set-based inserts).
     */
    private static void alertChanges(DSLContext ctx, LocalDateTime at) {
        var sub = ALERT_SUBSCRIPTION;
        var now = CUSTOMER_SCORE;
        var before = PREVIOUS_LAYER;
        for (boolean layer : new boolean[] {true, false}) {
            Field<String> newValue = layer ? now.PYRAMID_LAYER : now.QUADRANT;
            Field<String> oldValue = layer ? before.PYRAMID_LAYER : before.QUADRANT;
            ctx.insertInto(RATING_ALERT, RATING_ALERT.USER_ID, RATING_ALERT.ACCOUNT_ID, RATING_ALERT.KIND, RATING_ALERT.OLD_VALUE,
                            RATING_ALERT.NEW_VALUE, RATING_ALERT.CREATED_AT)
                    .select(DSL.select(sub.USER_ID, sub.ACCOUNT_ID, DSL.inline(layer ? "LAYER" : "QUADRANT"), oldValue, newValue,
                                    DSL.val(at))
                            .from(sub)
                            .join(now).on(now.ACCOUNT_ID.eq(sub.ACCOUNT_ID))
                            .join(before).on(before.ACCOUNT_ID.eq(sub.ACCOUNT_ID))
                            .where(oldValue.isNotNull().and(newValue.isNotNull()).and(oldValue.ne(newValue))))
                    .execute();
        }
    }

    /** The latest run, if any. */
    public Optional<Run> lastRun() {
        return dsl.selectFrom(ANALYSIS_RUN).orderBy(ANALYSIS_RUN.ID.desc()).limit(1).fetchOptional(CustomerAnalysis::toRun);
    }

    /** The median of a score column over the stored customers (the mean of the middle two for an even count). */
    static BigDecimal median(DSLContext ctx, Field<BigDecimal> score) {
        int n = ctx.fetchCount(CUSTOMER_SCORE);
        if (n == 0) {
            return null;
        }
        var middle = ctx.select(score).from(CUSTOMER_SCORE).orderBy(score).limit(n % 2 == 0 ? 2 : 1).offset((n - 1) / 2)
                .fetch(score);
        return middle.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(middle.size()), 2, java.math.RoundingMode.HALF_UP);
    }

    /** The SELECT that computes every customer's row, in the column order of the run's INSERT. */
    Select<Record18<Long, LocalDate, Integer, Integer, BigDecimal, BigDecimal, BigDecimal, Integer, Integer, Integer,
            Integer, Integer, String, String, Integer, Integer, BigDecimal, BigDecimal>> scores(Settings settings) {
        var l = V_ORDER_LINES;
        Table<?> agg = DSL.select(l.ACCOUNT_ID.as("account_id"),
                        DSL.max(l.ORDER_DATE).as("last_order"),
                        DSL.countDistinct(l.ORDER_ID).as("frequency"),
                        DSL.round(DSL.sum(l.AMOUNT), 2).as("monetary"),
                        // the margin only when every line has one: a partly known margin is no margin
                        DSL.when(DSL.count(l.MARGIN_PCT).eq(DSL.count()),
                                DSL.round(DSL.sum(l.AMOUNT.mul(l.MARGIN_PCT).div(DSL.inline(100))), 2)).as("margin"))
                .from(l)
                .where(l.ORDER_DATE.between(settings.from(), settings.to()))
                .groupBy(l.ACCOUNT_ID)
                .asTable("agg");
        Field<Long> account = agg.field("account_id", Long.class);
        Field<LocalDate> lastOrder = agg.field("last_order", LocalDate.class);
        Field<Integer> frequency = agg.field("frequency", Integer.class);
        Field<BigDecimal> monetary = agg.field("monetary", BigDecimal.class);
        Field<BigDecimal> margin = agg.field("margin", BigDecimal.class);
        Field<BigDecimal> potential = DSL.coalesce(V_ACCOUNTS.POTENTIAL_VALUE, monetary);
        var i = V_INTERACTIONS;
        Table<?> contacts = DSL.select(i.ACCOUNT_ID.as("account_id"), DSL.count().as("interactions"))
                .from(i)
                .where(i.OCCURRED_AT.ge(settings.to().minusYears(1).plusDays(1).atStartOfDay())
                        .and(i.OCCURRED_AT.lt(settings.to().plusDays(1).atStartOfDay())))
                .groupBy(i.ACCOUNT_ID)
                .asTable("contacts");
        Field<Integer> interactions = DSL.coalesce(contacts.field("interactions", Integer.class), DSL.inline(0));

        Table<?> source = agg.join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(account))
                .leftJoin(contacts).on(contacts.field("account_id", Long.class).eq(account))
                .leftJoin(RELATIONSHIP_JUDGEMENT).on(RELATIONSHIP_JUDGEMENT.ACCOUNT_ID.eq(account));
        Field<BigDecimal> npsAnswer = DSL.castNull(SQLDataType.DECIMAL(18, 2));
        var answers = nps == null ? java.util.Optional.<Table<?>>empty() : MetricTables.perAccount(nps, "nps");
        if (answers.isPresent()) {
            source = source.leftJoin(answers.get()).on(answers.get().field("account_id", Long.class).eq(account));
            npsAnswer = answers.get().field("value", BigDecimal.class);
        }
        Table<?> ranked = DSL.select(account.as("account_id"), lastOrder.as("last_order"), frequency.as("frequency"),
                        monetary.as("monetary"), potential.as("potential"), margin.as("margin"),
                        DSL.count().over().as("n"),
                        DSL.rank().over(DSL.orderBy(lastOrder.asc())).as("r_rank"),
                        DSL.rank().over(DSL.orderBy(frequency.asc())).as("f_rank"),
                        DSL.rank().over(DSL.orderBy(monetary.asc())).as("m_rank"),
                        DSL.rank().over(DSL.orderBy(potential.asc())).as("p_rank"),
                        DSL.rowNumber().over(DSL.orderBy(monetary.desc(), account.asc())).as("k"),
                        DSL.sum(monetary).over(DSL.orderBy(monetary.desc(), account.asc())
                                .rowsBetweenUnboundedPreceding().andPreceding(1)).as("before"),
                        DSL.sum(monetary).over().as("total"),
                        interactions.as("interactions"),
                        DSL.rank().over(DSL.orderBy(interactions.asc())).as("i_rank"),
                        RELATIONSHIP_JUDGEMENT.SCORE.as("judgement"),
                        npsAnswer.as("nps"),
                        V_ACCOUNTS.POTENTIAL_VALUE.isNotNull().as("potential_recorded"))
                .from(source)
                .asTable("ranked");
        Field<Integer> n = ranked.field("n", Integer.class);
        Field<Integer> k = ranked.field("k", Integer.class);
        Field<BigDecimal> before = DSL.coalesce(ranked.field("before", BigDecimal.class), BigDecimal.ZERO);
        Field<BigDecimal> total = ranked.field("total", BigDecimal.class);
        Field<BigDecimal> rankedMargin = ranked.field("margin", BigDecimal.class);
        var shares = settings.shares();
        Field<String> layer = DSL.when(k.le(ceilPercent(n, shares.top())), PyramidLayer.TOP.name())
                .when(k.le(ceilPercent(n, shares.top() + shares.large())), PyramidLayer.LARGE.name())
                .when(k.le(ceilPercent(n, shares.top() + shares.large() + shares.medium())), PyramidLayer.MEDIUM.name())
                .otherwise(PyramidLayer.SMALL.name());
        Field<String> abc = DSL.when(rankedMargin.lt(BigDecimal.ZERO), "D")
                .when(before.lt(total.mul(A_SHARE)).or(k.eq(DSL.inline(1))), "A")
                .when(before.lt(total.mul(B_SHARE)), "B")
                .otherwise("C");
        Field<LocalDate> rankedLast = ranked.field("last_order", LocalDate.class);
        Field<Integer> r = quintile(ranked.field("r_rank", Integer.class), n);
        Field<Integer> f = quintile(ranked.field("f_rank", Integer.class), n);
        Field<Integer> m = quintile(ranked.field("m_rank", Integer.class), n);
        // P is scored like M over the potentials; P = M for an account without a recorded potential
        Field<Integer> p = DSL.when(ranked.field("potential_recorded", Boolean.class),
                quintile(ranked.field("p_rank", Integer.class), n)).otherwise(m);
        Field<Integer> iScore = quintile(ranked.field("i_rank", Integer.class), n);
        // buying = (R + F + M + P) / 4; relationship = the judgement when set, else the interaction quintile,
        // averaged with the latest NPS answer mapped 0-6 -> 1, 7-8 -> 3, 9-10 -> 5 when there is one
        Field<BigDecimal> buying = r.plus(f).plus(m).plus(p).cast(SQLDataType.DECIMAL(6, 2)).div(DSL.inline(new BigDecimal("4")))
                .cast(SQLDataType.DECIMAL(4, 2));
        Field<BigDecimal> answer = ranked.field("nps", BigDecimal.class);
        Field<Integer> npsScore = DSL.when(answer.le(new BigDecimal("6")), DSL.inline(1))
                .when(answer.le(new BigDecimal("8")), DSL.inline(3)).otherwise(DSL.inline(5));
        Field<BigDecimal> fromData = DSL.when(answer.isNull(), iScore.cast(SQLDataType.DECIMAL(6, 2)))
                .otherwise(iScore.plus(npsScore).cast(SQLDataType.DECIMAL(6, 2)).div(DSL.inline(new BigDecimal("2"))));
        Field<BigDecimal> relationship = DSL.coalesce(ranked.field("judgement", Integer.class).cast(SQLDataType.DECIMAL(6, 2)),
                fromData).cast(SQLDataType.DECIMAL(4, 2));
        return DSL.select(ranked.field("account_id", Long.class), rankedLast,
                        DSL.localDateDiff(DSL.val(settings.to()), rankedLast).cast(SQLDataType.INTEGER),
                        ranked.field("frequency", Integer.class), ranked.field("monetary", BigDecimal.class),
                        ranked.field("potential", BigDecimal.class), rankedMargin, r, f, m, p,
                        k, layer, abc, ranked.field("interactions", Integer.class), iScore, buying, relationship)
                .from(ranked);
    }

    /** 1 + floor(5 x (rank - 1) / n) in integer arithmetic: no decimal rounding near the quintile edges. */
    static Field<Integer> quintile(Field<Integer> rank, Field<Integer> n) {
        return floorDiv(DSL.inline(5).mul(rank.minus(DSL.inline(1))), n).plus(DSL.inline(1)).cast(SQLDataType.INTEGER);
    }

    /** ceil(n x percent / 100) in integer arithmetic. */
    private static Field<Integer> ceilPercent(Field<Integer> n, int percent) {
        return floorDiv(n.mul(DSL.inline(percent)).plus(DSL.inline(99)), DSL.inline(100)).cast(SQLDataType.INTEGER);
    }

    /**
     * What the results list asks for.
     *
     * @param search prefix of the account name, blank for all
     * @param layer  only this pyramid layer, or null
     * @param abc    only this ABC class (A, B, C, D), or null
     * @param quadrant only this cell of the relations matrix, or null
     * @param sort   column key (name, monetary, frequency, recency, r, f, m, p), unknown keys sort by revenue rank
     * @param ascending direction
     */
    public record ScoreQuery(String search, PyramidLayer layer, String abc, Quadrant quadrant, String sort, boolean ascending) {

        public static ScoreQuery all() {
            return new ScoreQuery("", null, null, null, null, true);
        }
    }

    /**
     * One customer's stored result.
     */
    public record Score(long accountId, String name, String city, LocalDate lastOrder, int recencyDays, int frequency,
                        BigDecimal monetary, BigDecimal potential, BigDecimal margin, int r, int f, int m, int p,
                        int revenueRank, PyramidLayer layer, String abc, int interactions, BigDecimal buying,
                        BigDecimal relationship, Quadrant quadrant, PyramidLayer previousLayer) {
    }

    private static final Map<String, Field<?>> SORTABLE = Map.of("name", V_ACCOUNTS.NAME,
            "monetary", CUSTOMER_SCORE.MONETARY, "frequency", CUSTOMER_SCORE.FREQUENCY,
            "recency", CUSTOMER_SCORE.RECENCY_DAYS, "r", CUSTOMER_SCORE.R_SCORE, "f", CUSTOMER_SCORE.F_SCORE,
            "m", CUSTOMER_SCORE.M_SCORE, "p", CUSTOMER_SCORE.P_SCORE, "potential", CUSTOMER_SCORE.POTENTIAL);

    /** The stored results, filtered, sorted and paged in SQL. */
    public List<Score> page(ScoreQuery query, int offset, int limit) {
        return page(query, offset, limit, DSL.trueCondition());
    }

    private List<Score> page(ScoreQuery query, int offset, int limit, org.jooq.Condition extra) {
        var order = new ArrayList<org.jooq.SortField<?>>();
        Field<?> sort = query.sort() == null ? null : SORTABLE.get(query.sort());
        if (sort != null) {
            order.add(query.ascending() ? sort.asc() : sort.desc());
        }
        order.add(CUSTOMER_SCORE.REVENUE_RANK.asc());
        var s = CUSTOMER_SCORE;
        return dsl.select(s.fields()).select(V_ACCOUNTS.NAME, V_ACCOUNTS.CITY)
                .from(s).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(s.ACCOUNT_ID))
                .where(condition(query).and(extra)).orderBy(order).offset(offset).limit(limit)
                .fetch(r -> new Score(r.get(s.ACCOUNT_ID), r.get(V_ACCOUNTS.NAME), r.get(V_ACCOUNTS.CITY), r.get(s.LAST_ORDER),
                        r.get(s.RECENCY_DAYS), r.get(s.FREQUENCY), r.get(s.MONETARY), r.get(s.POTENTIAL), r.get(s.MARGIN),
                        r.get(s.R_SCORE), r.get(s.F_SCORE), r.get(s.M_SCORE), r.get(s.P_SCORE), r.get(s.REVENUE_RANK),
                        PyramidLayer.valueOf(r.get(s.PYRAMID_LAYER)), r.get(s.ABC_CLASS), r.get(s.INTERACTIONS),
                        r.get(s.BUYING), r.get(s.RELATIONSHIP),
                        r.get(s.QUADRANT) == null ? null : Quadrant.valueOf(r.get(s.QUADRANT)),
                        r.get(s.PREVIOUS_LAYER) == null ? null : PyramidLayer.valueOf(r.get(s.PREVIOUS_LAYER))));
    }

    /**
     * The customers with the largest yearly contribution margin (their known margin, else revenue x
     * {@code marginPct}, scaled from the period to a year): with one CLV model for all, the largest CLVs.
     */
    public List<Score> topByMargin(BigDecimal marginPct, int limit) {
        var run = lastRun();
        if (run.isEmpty()) {
            return List.of();
        }
        Field<BigDecimal> margin = DSL.coalesce(CUSTOMER_SCORE.MARGIN, CUSTOMER_SCORE.MONETARY.mul(marginPct.movePointLeft(2)));
        var ids = dsl.select(CUSTOMER_SCORE.ACCOUNT_ID).from(CUSTOMER_SCORE)
                .orderBy(margin.desc(), CUSTOMER_SCORE.ACCOUNT_ID).limit(limit).fetch(CUSTOMER_SCORE.ACCOUNT_ID);
        return ids.isEmpty() ? List.of() : page(ScoreQuery.all(), 0, limit, CUSTOMER_SCORE.ACCOUNT_ID.in(ids)).stream()
                .sorted(java.util.Comparator.comparing((Score s) -> s.margin() != null ? s.margin()
                        : s.monetary().multiply(marginPct.movePointLeft(2))).reversed()).toList();
    }

    /** One account's stored result, if it had orders in the analysed period. */
    public Optional<Score> scoreOf(long accountId) {
        return page(ScoreQuery.all(), 0, 1, CUSTOMER_SCORE.ACCOUNT_ID.eq(accountId)).stream().findFirst();
    }

    /** Customers per cell of the relations matrix of the stored run, every cell present. */
    public Map<Quadrant, Integer> matrix() {
        var counts = new EnumMap<Quadrant, Integer>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            counts.put(q, 0);
        }
        dsl.select(CUSTOMER_SCORE.QUADRANT, DSL.count()).from(CUSTOMER_SCORE).where(CUSTOMER_SCORE.QUADRANT.isNotNull())
                .groupBy(CUSTOMER_SCORE.QUADRANT)
                .forEach(r -> counts.put(Quadrant.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** Whether the user is the account's account manager. */
    public boolean isAccountManager(long accountId, long userId) {
        return dsl.fetchExists(V_ACCOUNTS, V_ACCOUNTS.ID.eq(accountId).and(V_ACCOUNTS.ACCOUNT_MANAGER_ID.eq(userId)));
    }

    /** The account manager's judgement of the relationship (1-5), if given. */
    public Optional<Integer> judgement(long accountId) {
        return dsl.select(RELATIONSHIP_JUDGEMENT.SCORE).from(RELATIONSHIP_JUDGEMENT)
                .where(RELATIONSHIP_JUDGEMENT.ACCOUNT_ID.eq(accountId)).fetchOptional(RELATIONSHIP_JUDGEMENT.SCORE);
    }

    /**
     * Sets (1-5) or clears (null) the judgement of the relationship with an account; the next run uses it.
     *
     * @throws IllegalArgumentException for a score outside 1-5
     */
    public void judge(long accountId, Integer score, String by) {
        if (score == null) {
            dsl.deleteFrom(RELATIONSHIP_JUDGEMENT).where(RELATIONSHIP_JUDGEMENT.ACCOUNT_ID.eq(accountId)).execute();
            return;
        }
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("judgement outside 1-5: " + score);
        }
        var now = LocalDateTime.now(clock);
        dsl.insertInto(RELATIONSHIP_JUDGEMENT, RELATIONSHIP_JUDGEMENT.ACCOUNT_ID, RELATIONSHIP_JUDGEMENT.SCORE,
                        RELATIONSHIP_JUDGEMENT.JUDGED_BY, RELATIONSHIP_JUDGEMENT.JUDGED_AT)
                .values(accountId, score, by, now)
                .onDuplicateKeyUpdate().set(RELATIONSHIP_JUDGEMENT.SCORE, score).set(RELATIONSHIP_JUDGEMENT.JUDGED_BY, by)
                .set(RELATIONSHIP_JUDGEMENT.JUDGED_AT, now)
                .execute();
    }

    public int count(ScoreQuery query) {
        return dsl.selectCount().from(CUSTOMER_SCORE).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(CUSTOMER_SCORE.ACCOUNT_ID))
                .where(condition(query)).fetchSingle().value1();
    }

    private static org.jooq.Condition condition(ScoreQuery query) {
        org.jooq.Condition condition = DSL.trueCondition();
        if (query.layer() != null) {
            condition = condition.and(CUSTOMER_SCORE.PYRAMID_LAYER.eq(query.layer().name()));
        }
        if (query.abc() != null) {
            condition = condition.and(CUSTOMER_SCORE.ABC_CLASS.eq(query.abc()));
        }
        if (query.quadrant() != null) {
            condition = condition.and(CUSTOMER_SCORE.QUADRANT.eq(query.quadrant().name()));
        }
        String search = query.search() == null ? "" : query.search().strip();
        if (!search.isEmpty()) {
            condition = condition.and(V_ACCOUNTS.NAME.like(
                    search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%", '!'));
        }
        return condition;
    }

    /**
     * The accounts below the customer layers: customers without an order in the analysed period
     * (inactive), prospects (prospect, lead, hot lead) and suspects.
     */
    public BelowCustomers belowCustomers() {
        var a = V_ACCOUNTS;
        var counts = dsl.select(
                        DSL.count().filterWhere(a.LIFECYCLE_STAGE.in("NEW_CUSTOMER", "LOYAL_CUSTOMER", "EX_CUSTOMER")
                                .andNotExists(DSL.selectOne().from(CUSTOMER_SCORE).where(CUSTOMER_SCORE.ACCOUNT_ID.eq(a.ID)))),
                        DSL.count().filterWhere(a.LIFECYCLE_STAGE.in("PROSPECT", "LEAD", "HOT_LEAD")),
                        DSL.count().filterWhere(a.LIFECYCLE_STAGE.eq("SUSPECT")))
                .from(a).fetchSingle();
        return new BelowCustomers(counts.value1(), counts.value2(), counts.value3());
    }

    /** Counts of the layers below the customers. */
    public record BelowCustomers(int inactive, int prospects, int suspects) {
    }

    /** Customers and revenue per pyramid layer of the stored run, every layer present. */
    public Map<PyramidLayer, LayerTotal> pyramid() {
        var totals = new EnumMap<PyramidLayer, LayerTotal>(PyramidLayer.class);
        for (PyramidLayer layer : PyramidLayer.values()) {
            totals.put(layer, new LayerTotal(0, BigDecimal.ZERO));
        }
        dsl.select(CUSTOMER_SCORE.PYRAMID_LAYER, DSL.count(), DSL.sum(CUSTOMER_SCORE.MONETARY))
                .from(CUSTOMER_SCORE).groupBy(CUSTOMER_SCORE.PYRAMID_LAYER)
                .forEach(r -> totals.put(PyramidLayer.valueOf(r.value1()), new LayerTotal(r.value2(), r.value3())));
        return totals;
    }

    /**
     * How customers moved between the pyramid layers since the run before the stored one.
     *
     * @param up      in a higher layer than before
     * @param down    in a lower layer than before
     * @param same    in the same layer
     * @param added   customers now, not in the run before
     * @param dropped customers in the run before, without orders in this period
     */
    public record Movement(int up, int down, int same, int added, int dropped) {
    }

    /** The movement of the stored run; all zero after the first run (everyone is new then). */
    public Movement movement() {
        Field<Integer> now = layerOrder(CUSTOMER_SCORE.PYRAMID_LAYER);
        Field<Integer> before = layerOrder(CUSTOMER_SCORE.PREVIOUS_LAYER);
        var counts = dsl.select(
                        DSL.count().filterWhere(now.lt(before)),
                        DSL.count().filterWhere(now.gt(before)),
                        DSL.count().filterWhere(now.eq(before)),
                        DSL.count().filterWhere(CUSTOMER_SCORE.PREVIOUS_LAYER.isNull()))
                .from(CUSTOMER_SCORE).fetchSingle();
        int dropped = dsl.fetchCount(PREVIOUS_LAYER, DSL.notExists(DSL.selectOne().from(CUSTOMER_SCORE)
                .where(CUSTOMER_SCORE.ACCOUNT_ID.eq(PREVIOUS_LAYER.ACCOUNT_ID))));
        return new Movement(counts.value1(), counts.value2(), counts.value3(), counts.value4(), dropped);
    }

    /** TOP = 1 .. SMALL = 4, so a lower number is a higher layer. */
    private static Field<Integer> layerOrder(Field<String> layer) {
        return DSL.when(layer.eq(PyramidLayer.TOP.name()), DSL.inline(1))
                .when(layer.eq(PyramidLayer.LARGE.name()), DSL.inline(2))
                .when(layer.eq(PyramidLayer.MEDIUM.name()), DSL.inline(3))
                .when(layer.eq(PyramidLayer.SMALL.name()), DSL.inline(4));
    }

    /** Customers and revenue in one layer or class. */
    public record LayerTotal(int customers, BigDecimal revenue) {
    }

    /** Customers and revenue per ABC class of the stored run (A, B, C, D), every class present. */
    public Map<String, LayerTotal> abc() {
        var totals = new java.util.LinkedHashMap<String, LayerTotal>();
        for (String c : List.of("A", "B", "C", "D")) {
            totals.put(c, new LayerTotal(0, BigDecimal.ZERO));
        }
        dsl.select(CUSTOMER_SCORE.ABC_CLASS, DSL.count(), DSL.sum(CUSTOMER_SCORE.MONETARY))
                .from(CUSTOMER_SCORE).groupBy(CUSTOMER_SCORE.ABC_CLASS)
                .forEach(r -> totals.put(r.value1(), new LayerTotal(r.value2(), r.value3())));
        return totals;
    }

    /**
     * The Pareto curve of the stored run: cumulative share of customers (by revenue, largest first)
     * against cumulative share of revenue, from (0, 0) to (1, 1) in at most {@code points} steps.
     * Computed in SQL with a window sum; only the sampled ranks leave the database.
     */
    public List<double[]> pareto(int points) {
        Table<?> cumulative = cumulativeRevenue();
        Field<Integer> k = cumulative.field("k", Integer.class);
        Field<Integer> n = cumulative.field("n", Integer.class);
        Field<Integer> p = DSL.inline(points);
        // rank k is a sample point when floor(k x points / n) steps up at k
        var rows = dsl.select(k, n, cumulative.field("cum", BigDecimal.class), cumulative.field("total", BigDecimal.class))
                .from(cumulative)
                .where(floorDiv(k.mul(p), n).gt(floorDiv(k.minus(DSL.inline(1)).mul(p), n)))
                .orderBy(k)
                .fetch();
        var curve = new ArrayList<double[]>();
        curve.add(new double[]{0, 0});
        for (var row : rows) {
            double total = row.value4().doubleValue();
            curve.add(new double[]{(double) row.value1() / row.value2(), total == 0 ? 0 : row.value3().doubleValue() / total});
        }
        return curve;
    }

    /** Per revenue rank k: the revenue of ranks 1..k (cum), all revenue (total) and the number of customers (n). */
    private static Table<?> cumulativeRevenue() {
        var s = CUSTOMER_SCORE;
        return DSL.select(s.REVENUE_RANK.as("k"),
                        DSL.sum(s.MONETARY).over(DSL.orderBy(s.REVENUE_RANK)).as("cum"),
                        DSL.sum(s.MONETARY).over().as("total"),
                        DSL.count().over().as("n"))
                .from(s).asTable("c");
    }

    private static Field<Integer> floorDiv(Field<Integer> a, Field<Integer> b) {
        return a.minus(a.mod(b)).div(b);
    }

    /** The share of customers (largest first) that together bring {@code revenueShare} of the revenue, 0..1. */
    public double customerShareFor(BigDecimal revenueShare) {
        Table<?> cumulative = cumulativeRevenue();
        Field<Integer> k = cumulative.field("k", Integer.class);
        Field<Integer> n = cumulative.field("n", Integer.class);
        Field<BigDecimal> cum = cumulative.field("cum", BigDecimal.class);
        Field<BigDecimal> total = cumulative.field("total", BigDecimal.class);
        return dsl.select(k, n).from(cumulative).where(cum.ge(total.mul(revenueShare))).orderBy(k).limit(1)
                .fetchOptional(r -> (double) r.value1() / r.value2()).orElse(0d);
    }

    /**
     * Retention per year (DOMAIN.md 2): of the customers that ordered in year Y-1, the share that also
     * ordered in Y. One row per year from the second year with orders up to {@code lastYear}.
     */
    public List<Retention> retention(int firstYear, int lastYear) {
        var o = V_ORDERS;
        Table<?> years = DSL.selectDistinct(o.ACCOUNT_ID.as("account_id"), DSL.year(o.ORDER_DATE).as("y"))
                .from(o).where(DSL.year(o.ORDER_DATE).between(firstYear - 1, lastYear)).asTable("y1");
        Table<?> next = DSL.selectDistinct(o.ACCOUNT_ID.as("account_id"), DSL.year(o.ORDER_DATE).as("y"))
                .from(o).where(DSL.year(o.ORDER_DATE).between(firstYear, lastYear)).asTable("y2");
        Field<Integer> previous = years.field("y", Integer.class);
        return dsl.select(previous.plus(1), DSL.count(), DSL.count(next.field("account_id", Long.class)))
                .from(years).leftJoin(next).on(next.field("account_id", Long.class).eq(years.field("account_id", Long.class))
                        .and(next.field("y", Integer.class).eq(previous.plus(1))))
                .where(previous.lt(lastYear))
                .groupBy(previous).orderBy(previous)
                .fetch(r -> new Retention(r.value1(), r.value2(), r.value3()));
    }

    /**
     * @param year      Y
     * @param previous  customers that ordered in Y-1
     * @param retained  of those, the ones that ordered in Y too
     */
    public record Retention(int year, int previous, int retained) {

        /** retained / previous, 0..1; 0 when nobody ordered in Y-1. */
        public double rate() {
            return previous == 0 ? 0 : (double) retained / previous;
        }
    }

    private static Run toRun(org.crmworkbench.plugin.rating.jooq.tables.records.AnalysisRunRecord r) {
        return new Run(r.getId(), r.getPeriodFrom(), r.getPeriodTo(), r.getCustomers(), r.getRevenue(), r.getFinishedAt(),
                r.getStartedBy(), r.getBuyingThreshold(), r.getRelationshipThreshold(), r.getRetention());
    }
}

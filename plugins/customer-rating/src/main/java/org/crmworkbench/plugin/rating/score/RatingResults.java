package org.crmworkbench.plugin.rating.score;

import org.crmworkbench.plugin.rating.model.ModelCriterion;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_HISTORY;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_MODEL;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_RESULT;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_RUN;
import static org.crmworkbench.plugin.rating.jooq.Tables.RESULT_SCORE;

/** Reads the stored results of the rating runs: paged lists, one account's breakdown and history. */
public final class RatingResults {

    private static final Map<String, Field<?>> SORTABLE = Map.of("name", V_ACCOUNTS.NAME, "city", V_ACCOUNTS.CITY,
            "value", RATING_RESULT.RATING_VALUE, "qualifies", RATING_RESULT.QUALIFIES);

    private final DSLContext dsl;
    private final RatingModels models;

    public RatingResults(DSLContext dsl, RatingModels models) {
        this.dsl = dsl;
        this.models = models;
    }

    /**
     * What the results list asks for.
     *
     * @param search     prefix of the account name, blank for all
     * @param qualifies  only qualifying (true) or not qualifying (false) accounts; null for all
     * @param knockedOut only accounts that failed a knock-out
     * @param sort       column key (name, city, value, qualifies); others sort by value, highest first
     */
    public record Query(long modelId, String search, Boolean qualifies, boolean knockedOut, String sort, boolean ascending) {

        public static Query all(long modelId) {
            return new Query(modelId, "", null, false, null, false);
        }
    }

    /** One account's result in a list. */
    public record Row(long accountId, String name, String city, BigDecimal value, boolean qualifies, List<Long> knockedOut) {
    }

    /** A finished run. */
    public record RunInfo(long id, long modelId, int modelVersion, int accounts, int qualifying, LocalDateTime finishedAt,
                          String by) {
    }

    public List<Row> page(Query query, int offset, int limit) {
        var order = new ArrayList<SortField<?>>();
        Field<?> sort = query.sort() == null ? null : SORTABLE.get(query.sort());
        if (sort != null) {
            order.add(query.ascending() ? sort.asc() : sort.desc());
        }
        order.add(RATING_RESULT.RATING_VALUE.desc());
        order.add(RATING_RESULT.ACCOUNT_ID.asc());
        var r = RATING_RESULT;
        return dsl.select(r.ACCOUNT_ID, V_ACCOUNTS.NAME, V_ACCOUNTS.CITY, r.RATING_VALUE, r.QUALIFIES, r.KNOCKED_OUT)
                .from(r).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(r.ACCOUNT_ID))
                .where(condition(query)).orderBy(order).offset(offset).limit(limit)
                .fetch(row -> new Row(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), ids(row.value6())));
    }

    public int count(Query query) {
        return dsl.fetchCount(DSL.selectOne().from(RATING_RESULT).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(RATING_RESULT.ACCOUNT_ID))
                .where(condition(query)));
    }

    private static Condition condition(Query query) {
        Condition condition = RATING_RESULT.MODEL_ID.eq(query.modelId());
        if (query.search() != null && !query.search().isBlank()) {
            condition = condition.and(V_ACCOUNTS.NAME.startsWithIgnoreCase(query.search().strip()));
        }
        if (query.qualifies() != null) {
            condition = condition.and(RATING_RESULT.QUALIFIES.eq(query.qualifies()));
        }
        if (query.knockedOut()) {
            condition = condition.and(RATING_RESULT.KNOCKED_OUT.isNotNull());
        }
        return condition;
    }

    /** The latest finished run of a model. */
    public Optional<RunInfo> lastRun(long modelId) {
        return dsl.selectFrom(RATING_RUN).where(RATING_RUN.MODEL_ID.eq(modelId).and(RATING_RUN.FINISHED_AT.isNotNull()))
                .orderBy(RATING_RUN.ID.desc()).limit(1)
                .fetchOptional(r -> new RunInfo(r.getId(), r.getModelId(), r.getModelVersion(), r.getAccounts(),
                        r.getQualifying(), r.getFinishedAt(), r.getStartedBy()));
    }

    /**
     * One criterion's part in an account's value.
     *
     * @param score      the score, null for a manual criterion nobody scored
     * @param raw        the computed raw value (revenue, days, ...), null for a manual criterion
     * @param effect     how far it lifted (positive) or lowered (negative) the value compared with a
     *                   score in the middle of the scale: weight x (score - (1 + max) / 2)
     * @param knockedOut it has a knock-out minimum the score does not reach
     */
    public record Part(ModelCriterion criterion, BigDecimal raw, Integer score, BigDecimal contribution, BigDecimal effect,
                       boolean knockedOut) {
    }

    /**
     * An account's result on one model, explained.
     *
     * @param modelName    the model's name at that version
     * @param minimumTotal the cut-off at that version, or null
     * @param parts        per criterion, as the model was at the version the run used
     */
    public record Explained(long modelId, String modelName, boolean defaultModel, int modelVersion, BigDecimal minimumTotal,
                            BigDecimal value, boolean qualifies, LocalDateTime ratedAt, List<Part> parts) {

        /** The criterion that lifted the value most, if any lifted it. */
        public Optional<Part> liftedMost() {
            return parts.stream().filter(p -> p.effect().signum() > 0).max(Comparator.comparing(Part::effect));
        }

        /** The criterion that lowered the value most, if any lowered it. */
        public Optional<Part> loweredMost() {
            return parts.stream().filter(p -> p.effect().signum() < 0).min(Comparator.comparing(Part::effect));
        }
    }

    /** The account's results on every model that rated it, the default model first. */
    public List<Explained> explain(long accountId) {
        return explain(accountId, DSL.trueCondition());
    }

    /** The account's result on one model, if that model rated it. */
    public Optional<Explained> explain(long accountId, long modelId) {
        return explain(accountId, RATING_RESULT.MODEL_ID.eq(modelId)).stream().findFirst();
    }

    private List<Explained> explain(long accountId, Condition which) {
        var r = RATING_RESULT;
        var results = dsl.select(r.MODEL_ID, r.MODEL_VERSION, r.RATING_VALUE, r.QUALIFIES, RATING_MODEL.IS_DEFAULT,
                        RATING_RUN.FINISHED_AT)
                .from(r).join(RATING_MODEL).on(RATING_MODEL.ID.eq(r.MODEL_ID))
                .join(RATING_RUN).on(RATING_RUN.ID.eq(r.RUN_ID))
                .where(r.ACCOUNT_ID.eq(accountId).and(which))
                .orderBy(RATING_MODEL.IS_DEFAULT.desc(), RATING_MODEL.NAME)
                .fetch();
        if (results.isEmpty()) {
            return List.of();
        }
        var scores = dsl.select(RESULT_SCORE.MODEL_ID, RESULT_SCORE.CRITERION_ID, RESULT_SCORE.RAW_VALUE, RESULT_SCORE.SCORE)
                .from(RESULT_SCORE)
                .where(RESULT_SCORE.ACCOUNT_ID.eq(accountId).and(RESULT_SCORE.MODEL_ID.in(results.getValues(r.MODEL_ID))))
                .fetch();
        var explained = new ArrayList<Explained>();
        for (var result : results) {
            long modelId = result.value1();
            int version = result.value2();
            var header = models.versionOf(modelId, version);
            Map<Long, ModelCriterion> criteria = models.criteriaOfVersion(modelId, version).stream()
                    .collect(Collectors.toMap(ModelCriterion::id, Function.identity()));
            var parts = new ArrayList<Part>();
            for (var score : scores) {
                ModelCriterion criterion = criteria.get(score.value2());
                if (score.value1() == modelId && criterion != null) {
                    parts.add(part(criterion, score.value3(), score.value4()));
                }
            }
            explained.add(new Explained(modelId, header.name(), result.value5(), version, header.minimumTotal(),
                    result.value3(), result.value4(), result.value6(), parts));
        }
        return explained;
    }

    static Part part(ModelCriterion criterion, BigDecimal raw, Integer score) {
        BigDecimal weight = criterion.weight();
        BigDecimal contribution = score == null ? BigDecimal.ZERO : weight.multiply(BigDecimal.valueOf(score));
        BigDecimal middle = BigDecimal.valueOf(1 + criterion.scaleMax()).divide(BigDecimal.TWO, 1, RoundingMode.HALF_UP);
        BigDecimal effect = score == null ? weight.multiply(middle).negate()
                : weight.multiply(BigDecimal.valueOf(score).subtract(middle));
        boolean knockedOut = criterion.minScore() != null && (score == null || score < criterion.minScore());
        return new Part(criterion, raw, score, contribution, effect.stripTrailingZeros(), knockedOut);
    }

    /**
     * One run's value for an account.
     */
    public record HistoryEntry(LocalDateTime ratedAt, int modelVersion, BigDecimal value, boolean qualifies) {
    }

    /** The account's values on one model, latest first (at most {@code limit}). */
    public List<HistoryEntry> history(long modelId, long accountId, int limit) {
        return dsl.select(RATING_RUN.FINISHED_AT, RATING_RUN.MODEL_VERSION, RATING_HISTORY.RATING_VALUE, RATING_HISTORY.QUALIFIES)
                .from(RATING_HISTORY).join(RATING_RUN).on(RATING_RUN.ID.eq(RATING_HISTORY.RUN_ID))
                .where(RATING_HISTORY.ACCOUNT_ID.eq(accountId).and(RATING_RUN.MODEL_ID.eq(modelId)))
                .orderBy(RATING_HISTORY.RUN_ID.desc()).limit(limit)
                .fetch(r -> new HistoryEntry(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The criterion ids of a stored knock-out list. */
    static List<Long> ids(String knockedOut) {
        if (knockedOut == null || knockedOut.isBlank()) {
            return List.of();
        }
        return Arrays.stream(knockedOut.split(",")).map(String::strip).map(Long::valueOf).toList();
    }
}

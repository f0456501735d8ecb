package org.crmworkbench.plugin.rating.model;

import org.crmworkbench.plugin.rating.RatingPermissions;
import org.crmworkbench.plugin.rating.jooq.tables.records.CriterionRecord;
import org.crmworkbench.plugin.rating.jooq.tables.records.CriterionVersionRecord;
import org.crmworkbench.plugin.rating.jooq.tables.records.RatingModelRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION;
import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION_THRESHOLD;
import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION_VERSION;
import static org.crmworkbench.plugin.rating.jooq.Tables.MANUAL_SCORE;
import static org.crmworkbench.plugin.rating.jooq.Tables.MODEL_VERSION;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_MODEL;

/**
 * Rating models and their criteria in the plugin's schema. Every change of a model's definition
 * raises its version (checked against the version the editor read: a concurrent change is refused)
 * and keeps a copy of the new definition in {@code model_version} / {@code criterion_version}.
 */
public final class RatingModels {

    private static final BigDecimal MAX_WEIGHT = new BigDecimal("1000");
    /** MariaDB's "lock wait timeout exceeded", also what NOWAIT reports. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    /** MySQL's "NOWAIT is set" (ER_LOCK_NOWAIT). */
    private static final int LOCK_NOWAIT = 3572;

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public RatingModels(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public RatingModels(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    /** What the model form edits. */
    public record Settings(String name, BigDecimal minimumTotal, int periodMonths) {
    }

    /**
     * What the criterion form edits; {@code id} null for a new criterion.
     *
     * @param metricKey          for rule {@link Rule#METRIC}: the metric's key, else null
     * @param metricLowerIsBetter for rule {@link Rule#METRIC}: whether the metric is better low (other rules know it)
     */
    public record CriterionInput(Long id, String nameEn, String nameNl, AssessmentMethod method, CriterionKind kind,
                                 Rule rule, String metricKey, boolean metricLowerIsBetter, BigDecimal weight, int scaleMax,
                                 Integer minScore, Thresholds thresholds) {

        /** Whether a lower raw value is better: from the rule, or for a metric from the metric. */
        public boolean lowerIsBetter() {
            return rule == Rule.METRIC ? metricLowerIsBetter : rule != null && rule.lowerIsBetter();
        }

        /** A manual criterion. */
        public static CriterionInput manual(Long id, String nameEn, String nameNl, AssessmentMethod method, BigDecimal weight,
                                            int scaleMax, Integer minScore) {
            return new CriterionInput(id, nameEn, nameNl, method, CriterionKind.MANUAL, null, null, false, weight, scaleMax,
                    minScore, null);
        }

        /** A criterion computed by one of the built-in rules (not {@link Rule#METRIC}). */
        public static CriterionInput computed(Long id, String nameEn, String nameNl, AssessmentMethod method, Rule rule,
                                              BigDecimal weight, int scaleMax, Integer minScore, Thresholds thresholds) {
            return new CriterionInput(id, nameEn, nameNl, method, CriterionKind.COMPUTED, rule, null, false, weight, scaleMax,
                    minScore, thresholds);
        }
    }

    /** All models, the default first, then by name. */
    public List<RatingModel> list() {
        return dsl.selectFrom(RATING_MODEL).orderBy(RATING_MODEL.IS_DEFAULT.desc(), RATING_MODEL.NAME)
                .fetch(RatingModels::toModel);
    }

    public Optional<RatingModel> find(long id) {
        return dsl.selectFrom(RATING_MODEL).where(RATING_MODEL.ID.eq(id)).fetchOptional(RatingModels::toModel);
    }

    public Optional<RatingModel> defaultModel() {
        // two first models created at the same moment could both be default: the older one counts
        return dsl.selectFrom(RATING_MODEL).where(RATING_MODEL.IS_DEFAULT).orderBy(RATING_MODEL.ID).limit(1)
                .fetchOptional(RatingModels::toModel);
    }

    /** The current criteria of a model, by assessment method and then as they were added. */
    public List<ModelCriterion> criteria(long modelId) {
        Map<Long, List<Thresholds.Step>> steps = dsl.select(CRITERION_THRESHOLD.CRITERION_ID, CRITERION_THRESHOLD.SCORE,
                        CRITERION_THRESHOLD.BOUND)
                .from(CRITERION_THRESHOLD).join(CRITERION).on(CRITERION.ID.eq(CRITERION_THRESHOLD.CRITERION_ID))
                .where(CRITERION.MODEL_ID.eq(modelId))
                .fetchGroups(r -> r.value1(), r -> new Thresholds.Step(r.value2(), r.value3()));
        return dsl.selectFrom(CRITERION).where(CRITERION.MODEL_ID.eq(modelId))
                .orderBy(DSL.field("FIELD({0}, 'ACCOUNT', 'RELATIONSHIP', 'PRODUCT')", Integer.class, CRITERION.METHOD),
                        CRITERION.ID)
                .fetch(r -> toCriterion(r, steps.get(r.getId())));
    }

    /** The criteria of a model as they were in one of its versions. */
    public List<ModelCriterion> criteriaOfVersion(long modelId, int version) {
        return dsl.selectFrom(CRITERION_VERSION)
                .where(CRITERION_VERSION.MODEL_ID.eq(modelId).and(CRITERION_VERSION.VERSION.eq(version)))
                .orderBy(DSL.field("FIELD({0}, 'ACCOUNT', 'RELATIONSHIP', 'PRODUCT')", Integer.class, CRITERION_VERSION.METHOD),
                        CRITERION_VERSION.CRITERION_ID)
                .fetch(RatingModels::toCriterion);
    }

    /**
     * A saved version of a model's settings.
     */
    public record VersionHeader(long modelId, int version, String name, BigDecimal minimumTotal, int periodMonths,
                                LocalDateTime savedAt, String savedBy) {
    }

    /** The settings of one version of a model. */
    public VersionHeader versionOf(long modelId, int version) {
        return dsl.selectFrom(MODEL_VERSION).where(MODEL_VERSION.MODEL_ID.eq(modelId).and(MODEL_VERSION.VERSION.eq(version)))
                .fetchOptional(r -> new VersionHeader(r.getModelId(), r.getVersion(), r.getName(), r.getMinimumTotal(),
                        r.getPeriodMonths(), r.getSavedAt(), r.getSavedBy()))
                .orElseThrow(ModelChangedException::new);
    }

    /** All versions of a model, latest first. */
    public List<VersionHeader> versions(long modelId) {
        return dsl.selectFrom(MODEL_VERSION).where(MODEL_VERSION.MODEL_ID.eq(modelId)).orderBy(MODEL_VERSION.VERSION.desc())
                .fetch(r -> new VersionHeader(r.getModelId(), r.getVersion(), r.getName(), r.getMinimumTotal(),
                        r.getPeriodMonths(), r.getSavedAt(), r.getSavedBy()));
    }

    /**
     * Creates a model (version 1, no criteria yet); the first model becomes the default.
     *
     * @throws ModelRejectedException when a setting is invalid or the name is taken
     */
    public long create(Settings settings, String by) {
        requirePermission.accept(RatingPermissions.EDIT_CRITERIA);
        check(settings);
        return dsl.transactionResult(tx -> {
            var ctx = tx.dsl();
            boolean first = ctx.fetchCount(RATING_MODEL) == 0;
            long id = uniqueName(() -> ctx.insertInto(RATING_MODEL)
                    .set(RATING_MODEL.NAME, settings.name().strip())
                    .set(RATING_MODEL.MINIMUM_TOTAL, settings.minimumTotal())
                    .set(RATING_MODEL.PERIOD_MONTHS, settings.periodMonths())
                    .set(RATING_MODEL.IS_DEFAULT, first)
                    .set(RATING_MODEL.UPDATED_AT, now())
                    .set(RATING_MODEL.UPDATED_BY, by)
                    .returningResult(RATING_MODEL.ID).fetchSingle().value1(), "name");
            snapshot(ctx, id, 1, by);
            return id;
        });
    }

    /** Changes name, cut-off and period: a new version. */
    public int update(long modelId, int expectedVersion, Settings settings, String by) {
        requirePermission.accept(RatingPermissions.EDIT_CRITERIA);
        check(settings);
        return dsl.transactionResult(tx -> {
            var ctx = tx.dsl();
            int version = bump(ctx, modelId, expectedVersion, by);
            uniqueName(() -> ctx.update(RATING_MODEL)
                    .set(RATING_MODEL.NAME, settings.name().strip())
                    .set(RATING_MODEL.MINIMUM_TOTAL, settings.minimumTotal())
                    .set(RATING_MODEL.PERIOD_MONTHS, settings.periodMonths())
                    .where(RATING_MODEL.ID.eq(modelId)).execute(), "name");
            snapshot(ctx, modelId, version, by);
            return version;
        });
    }

    /** Makes a model the default one (not a change of its definition, so no new version). */
    public void makeDefault(long modelId) {
        requirePermission.accept(RatingPermissions.EDIT_CRITERIA);
        dsl.transaction(tx -> {
            var ctx = tx.dsl();
            Condition affected = RATING_MODEL.ID.eq(modelId).or(RATING_MODEL.IS_DEFAULT);
            if (lock(ctx, affected).stream().noneMatch(id -> id == modelId)) {
                throw new ModelChangedException();
            }
            ctx.update(RATING_MODEL).set(RATING_MODEL.IS_DEFAULT, RATING_MODEL.ID.eq(modelId)).where(affected).execute();
        });
    }

    /** Deletes a model with its criteria, scores and results; when it was the default the oldest other model takes over. */
    public void delete(long modelId, int expectedVersion) {
        requirePermission.accept(RatingPermissions.EDIT_CRITERIA);
        dsl.transaction(tx -> {
            var ctx = tx.dsl();
            lock(ctx, RATING_MODEL.ID.eq(modelId));
            if (ctx.deleteFrom(RATING_MODEL).where(RATING_MODEL.ID.eq(modelId).and(RATING_MODEL.VERSION.eq(expectedVersion)))
                    .execute() == 0) {
                throw new ModelChangedException();
            }
            if (ctx.fetchCount(RATING_MODEL, RATING_MODEL.IS_DEFAULT.isTrue()) == 0) {
                ctx.update(RATING_MODEL).set(RATING_MODEL.IS_DEFAULT, true)
                        .where(RATING_MODEL.ID.eq(DSL.select(DSL.min(RATING_MODEL.ID)).from(RATING_MODEL))).execute();
            }
        });
    }

    /**
     * Adds or changes a criterion: a new version of the model.
     *
     * @return the criterion's id
     */
    public long saveCriterion(long modelId, int expectedVersion, CriterionInput input, String by) {
        requirePermission.accept(RatingPermissions.EDIT_CRITERIA);
        check(input);
        return dsl.transactionResult(tx -> {
            var ctx = tx.dsl();
            int version = bump(ctx, modelId, expectedVersion, by);
            long id;
            if (input.id() == null) {
                id = uniqueName(() -> ctx.insertInto(CRITERION)
                        .set(criterionValues(modelId, input))
                        .returningResult(CRITERION.ID).fetchSingle().value1(), "criterion");
            } else {
                id = input.id();
                int updated = uniqueName(() -> ctx.update(CRITERION).set(criterionValues(modelId, input))
                        .where(CRITERION.ID.eq(id).and(CRITERION.MODEL_ID.eq(modelId))).execute(), "criterion");
                if (updated == 0) {
                    throw new ModelChangedException();
                }
                ctx.deleteFrom(CRITERION_THRESHOLD).where(CRITERION_THRESHOLD.CRITERION_ID.eq(id)).execute();
                // a smaller scale must not leave manual scores above it: refused, nobody's score is changed
                if (input.kind() == CriterionKind.MANUAL && ctx.fetchExists(MANUAL_SCORE,
                        MANUAL_SCORE.CRITERION_ID.eq(id).and(MANUAL_SCORE.SCORE.gt(input.scaleMax())))) {
                    throw new ModelRejectedException("scaleMax", "criterion.scale.scores-above");
                }
            }
            if (input.kind() == CriterionKind.COMPUTED) {
                var insert = ctx.insertInto(CRITERION_THRESHOLD, CRITERION_THRESHOLD.CRITERION_ID, CRITERION_THRESHOLD.SCORE,
                        CRITERION_THRESHOLD.BOUND);
                for (Thresholds.Step step : input.thresholds().steps()) {
                    insert = insert.values(id, step.score(), step.bound());
                }
                insert.execute();
            }
            snapshot(ctx, modelId, version, by);
            return id;
        });
    }

    /** Removes a criterion (with the manual scores given on it): a new version of the model. */
    public void deleteCriterion(long modelId, int expectedVersion, long criterionId, String by) {
        requirePermission.accept(RatingPermissions.EDIT_CRITERIA);
        dsl.transaction(tx -> {
            var ctx = tx.dsl();
            int version = bump(ctx, modelId, expectedVersion, by);
            if (ctx.deleteFrom(CRITERION).where(CRITERION.ID.eq(criterionId).and(CRITERION.MODEL_ID.eq(modelId))).execute() == 0) {
                throw new ModelChangedException();
            }
            snapshot(ctx, modelId, version, by);
        });
    }

    /** Number of criteria and total weight per assessment method of one model, in one query. */
    public Map<AssessmentMethod, MethodTotal> totalsByMethod(long modelId) {
        var totals = new EnumMap<AssessmentMethod, MethodTotal>(AssessmentMethod.class);
        dsl.select(CRITERION.METHOD, DSL.count(), DSL.sum(CRITERION.WEIGHT))
                .from(CRITERION).where(CRITERION.MODEL_ID.eq(modelId)).groupBy(CRITERION.METHOD)
                .forEach(row -> totals.put(AssessmentMethod.valueOf(row.value1()), new MethodTotal(row.value2(), row.value3())));
        return totals;
    }

    /**
     * Criteria of one method.
     *
     * @param count       how many
     * @param totalWeight sum of their weights
     */
    public record MethodTotal(int count, BigDecimal totalWeight) {
    }

    private Map<org.jooq.Field<?>, Object> criterionValues(long modelId, CriterionInput input) {
        var values = new java.util.HashMap<org.jooq.Field<?>, Object>();
        values.put(CRITERION.MODEL_ID, modelId);
        values.put(CRITERION.NAME, input.nameEn().strip());
        values.put(CRITERION.NAME_NL, input.nameNl().strip());
        values.put(CRITERION.METHOD, input.method().name());
        values.put(CRITERION.KIND, input.kind().name());
        boolean computed = input.kind() == CriterionKind.COMPUTED;
        values.put(CRITERION.RULE, computed ? input.rule().name() : null);
        values.put(CRITERION.METRIC_KEY, computed && input.rule() == Rule.METRIC ? input.metricKey() : null);
        values.put(CRITERION.LOWER_IS_BETTER, computed && input.lowerIsBetter());
        values.put(CRITERION.WEIGHT, input.weight());
        values.put(CRITERION.SCALE_MAX, input.scaleMax());
        values.put(CRITERION.MIN_SCORE, input.minScore());
        return values;
    }

    private int bump(DSLContext ctx, long modelId, int expectedVersion, String by) {
        lock(ctx, RATING_MODEL.ID.eq(modelId));
        int updated = ctx.update(RATING_MODEL)
                .set(RATING_MODEL.VERSION, RATING_MODEL.VERSION.plus(1))
                .set(RATING_MODEL.UPDATED_AT, now())
                .set(RATING_MODEL.UPDATED_BY, by)
                .where(RATING_MODEL.ID.eq(modelId).and(RATING_MODEL.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 0) {
            throw new ModelChangedException();
        }
        return expectedVersion + 1;
    }

    /**
     * Locks model rows for a change without waiting: a rating run holds its model's row for its whole
     * length, and an editor must not hang on it.
     *
     * @return the ids of the locked rows
     * @throws ModelBusyException when a run holds one of them
     */
    private static List<Long> lock(DSLContext ctx, Condition rows) {
        try {
            return ctx.select(RATING_MODEL.ID).from(RATING_MODEL).where(rows).forUpdate().noWait().fetch(RATING_MODEL.ID);
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLException sql && (sql.getErrorCode() == LOCK_WAIT_TIMEOUT
                    || sql.getErrorCode() == LOCK_NOWAIT)) {
                throw new ModelBusyException();
            }
            throw e;
        }
    }

    /** Keeps a copy of the model's definition as it is now, as {@code version}. */
    private void snapshot(DSLContext ctx, long modelId, int version, String by) {
        ctx.insertInto(MODEL_VERSION, MODEL_VERSION.MODEL_ID, MODEL_VERSION.VERSION, MODEL_VERSION.NAME,
                        MODEL_VERSION.MINIMUM_TOTAL, MODEL_VERSION.PERIOD_MONTHS, MODEL_VERSION.SAVED_AT, MODEL_VERSION.SAVED_BY)
                .select(DSL.select(RATING_MODEL.ID, DSL.inline(version), RATING_MODEL.NAME, RATING_MODEL.MINIMUM_TOTAL,
                                RATING_MODEL.PERIOD_MONTHS, DSL.val(now()), DSL.val(by))
                        .from(RATING_MODEL).where(RATING_MODEL.ID.eq(modelId)))
                .execute();
        var criteria = new RatingModels(ctx, clock).criteria(modelId);
        if (criteria.isEmpty()) {
            return;
        }
        var insert = ctx.insertInto(CRITERION_VERSION, CRITERION_VERSION.MODEL_ID, CRITERION_VERSION.VERSION,
                CRITERION_VERSION.CRITERION_ID, CRITERION_VERSION.NAME, CRITERION_VERSION.NAME_NL, CRITERION_VERSION.METHOD,
                CRITERION_VERSION.KIND, CRITERION_VERSION.RULE, CRITERION_VERSION.METRIC_KEY, CRITERION_VERSION.LOWER_IS_BETTER,
                CRITERION_VERSION.WEIGHT, CRITERION_VERSION.SCALE_MAX, CRITERION_VERSION.MIN_SCORE, CRITERION_VERSION.THRESHOLDS);
        for (ModelCriterion c : criteria) {
            insert = insert.values(modelId, version, c.id(), c.nameEn(), c.nameNl(), c.method().name(), c.kind().name(),
                    c.rule() == null ? null : c.rule().name(), c.metricKey(), c.lowerIsBetter(), c.weight(), c.scaleMax(),
                    c.minScore(), c.thresholds() == null ? null : c.thresholds().format());
        }
        insert.execute();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private static void check(Settings settings) {
        if (settings.name() == null || settings.name().isBlank()) {
            throw new ModelRejectedException("name", "model.name.required");
        }
        if (settings.name().strip().length() > 100) {
            throw new ModelRejectedException("name", "model.name.length");
        }
        if (settings.minimumTotal() != null && (settings.minimumTotal().signum() < 0
                || settings.minimumTotal().compareTo(new BigDecimal("99999999")) > 0 || settings.minimumTotal().scale() > 2)) {
            throw new ModelRejectedException("minimumTotal", "model.minimum-total.range");
        }
        if (settings.periodMonths() < 1 || settings.periodMonths() > 60) {
            throw new ModelRejectedException("periodMonths", "model.period.range");
        }
    }

    private static void check(CriterionInput input) {
        checkName(input.nameEn(), "nameEn");
        checkName(input.nameNl(), "nameNl");
        if (input.method() == null) {
            throw new ModelRejectedException("method", "criterion.method.required");
        }
        if (input.kind() == null) {
            throw new ModelRejectedException("kind", "criterion.kind.required");
        }
        if (input.weight() == null || input.weight().compareTo(new BigDecimal("0.01")) < 0
                || input.weight().compareTo(MAX_WEIGHT) > 0 || input.weight().scale() > 2) {
            throw new ModelRejectedException("weight", "criterion.weight.range");
        }
        if (input.scaleMax() < 2 || input.scaleMax() > 100) {
            throw new ModelRejectedException("scaleMax", "criterion.scale.range");
        }
        if (input.minScore() != null && (input.minScore() < 1 || input.minScore() > input.scaleMax())) {
            throw new ModelRejectedException("minScore", "criterion.min-score.range");
        }
        if (input.kind() == CriterionKind.COMPUTED) {
            if (input.rule() == null) {
                throw new ModelRejectedException("rule", "criterion.rule.required");
            }
            if (input.rule() == Rule.METRIC && (input.metricKey() == null || input.metricKey().isBlank())) {
                throw new ModelRejectedException("metric", "criterion.metric.required");
            }
            if (input.thresholds() == null || input.thresholds().steps().isEmpty()) {
                throw new ModelRejectedException("thresholds", "thresholds.required");
            }
            var recheck = Thresholds.parse(input.thresholds().format(), input.scaleMax(), input.lowerIsBetter());
            if (recheck.errorKey() != null) {
                throw new ModelRejectedException("thresholds", recheck.errorKey());
            }
        }
    }

    private static void checkName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new ModelRejectedException(field, "criterion.name.required");
        }
        if (name.strip().length() > 100) {
            throw new ModelRejectedException(field, "criterion.name.length");
        }
    }

    private static <T> T uniqueName(java.util.function.Supplier<T> write, String what) {
        try {
            return write.get();
        } catch (IntegrityConstraintViolationException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("uq_rating_model_name")) {
                throw new ModelRejectedException("name", "model.name.duplicate");
            }
            if (message.contains("uq_criterion_model_name_nl")) {
                throw new ModelRejectedException("nameNl", "criterion.name.duplicate");
            }
            if (message.contains("uq_criterion_model_name")) {
                throw new ModelRejectedException("nameEn", "criterion.name.duplicate");
            }
            throw e;
        }
    }

    private static RatingModel toModel(RatingModelRecord r) {
        return new RatingModel(r.getId(), r.getName(), r.getMinimumTotal(), r.getPeriodMonths(), r.getIsDefault(),
                r.getVersion(), r.getUpdatedAt(), r.getUpdatedBy());
    }

    private static ModelCriterion toCriterion(CriterionRecord r, List<Thresholds.Step> steps) {
        return new ModelCriterion(r.getId(), r.getName(), r.getNameNl(), AssessmentMethod.valueOf(r.getMethod()),
                CriterionKind.valueOf(r.getKind()), r.getRule() == null ? null : Rule.valueOf(r.getRule()), r.getMetricKey(),
                r.getLowerIsBetter(), r.getWeight(), r.getScaleMax(), r.getMinScore(), steps == null ? null : new Thresholds(steps));
    }

    private static ModelCriterion toCriterion(CriterionVersionRecord r) {
        Rule rule = r.getRule() == null ? null : Rule.valueOf(r.getRule());
        Thresholds thresholds = r.getThresholds() == null || rule == null ? null
                : Thresholds.parse(r.getThresholds(), r.getScaleMax(), r.getLowerIsBetter()).thresholds();
        return new ModelCriterion(r.getCriterionId(), r.getName(), r.getNameNl(), AssessmentMethod.valueOf(r.getMethod()),
                CriterionKind.valueOf(r.getKind()), rule, r.getMetricKey(), r.getLowerIsBetter(), r.getWeight(), r.getScaleMax(),
                r.getMinScore(), thresholds);
    }

    /** A rating run of the model is under way; change it when the run has finished. */
    public static final class ModelBusyException extends RuntimeException {
        public ModelBusyException() {
            super("a rating run of the model is under way");
        }
    }

    /** Someone else changed or deleted the model (or criterion) since it was read. */
    public static final class ModelChangedException extends RuntimeException {
        public ModelChangedException() {
            super("the rating model was changed by someone else");
        }
    }

    /**
     * Input the model refuses.
     */
    public static final class ModelRejectedException extends RuntimeException {
        private final String field;
        private final String messageKey;

        public ModelRejectedException(String field, String messageKey) {
            super(field + ": " + messageKey);
            this.field = field;
            this.messageKey = messageKey;
        }

        /** The input field at fault: name, minimumTotal, periodMonths, nameEn, nameNl, weight, ... */
        public String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}

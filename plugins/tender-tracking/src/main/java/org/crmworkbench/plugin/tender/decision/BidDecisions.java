package org.crmworkbench.plugin.tender.decision;

import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.crmworkbench.plugin.tender.jooq.Tables.BID_CHECK;
import static org.crmworkbench.plugin.tender.jooq.Tables.BID_CHECK_RESULT;
import static org.crmworkbench.plugin.tender.jooq.Tables.BID_CRITERION;
import static org.crmworkbench.plugin.tender.jooq.Tables.BID_DECISION;
import static org.crmworkbench.plugin.tender.jooq.Tables.BID_SCORE;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_SETTINGS;

/**
 * Bid/no-bid decisions: the pass/fail checks and weighted criteria (configurable), the thresholds of
 * the advice, and per tender the decision with its reason, user and date. A decision keeps the weights
 * it was scored with, so changing a criterion later does not rewrite it.
 */
public final class BidDecisions {

    public static final int MAX_REASON = 2000;
    public static final int MAX_NAME = 120;

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public BidDecisions(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public BidDecisions(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    /** The pass/fail checks then the weighted criteria, each in its order; the inactive ones only when asked. */
    public List<BidCriterion> questions(boolean activeOnly) {
        var all = new ArrayList<BidCriterion>();
        dsl.selectFrom(BID_CHECK).where(activeOnly ? BID_CHECK.ACTIVE.isTrue() : DSL.noCondition()).orderBy(BID_CHECK.POSITION, BID_CHECK.ID)
                .forEach(r -> all.add(new BidCriterion(r.getId(), r.getNameEn(), r.getNameNl(), null, r.getActive(), r.getVersion())));
        dsl.selectFrom(BID_CRITERION).where(activeOnly ? BID_CRITERION.ACTIVE.isTrue() : DSL.noCondition())
                .orderBy(BID_CRITERION.POSITION, BID_CRITERION.ID)
                .forEach(r -> all.add(new BidCriterion(r.getId(), r.getNameEn(), r.getNameNl(), r.getWeight(), r.getActive(), r.getVersion())));
        return List.copyOf(all);
    }

    public Thresholds thresholds() {
        var r = dsl.selectFrom(TENDER_SETTINGS).where(TENDER_SETTINGS.ID.eq(1)).fetchSingle();
        return new Thresholds(r.getBidThreshold(), r.getReviewThreshold(), r.getWarningDays());
    }

    /** The version of the stored thresholds, for {@link #saveThresholds}. */
    public int thresholdsVersion() {
        return dsl.select(TENDER_SETTINGS.VERSION).from(TENDER_SETTINGS).where(TENDER_SETTINGS.ID.eq(1)).fetchSingle().value1();
    }

    /**
     * Saves the thresholds if they still have {@code version}.
     *
     * @throws InputRejectedException    when review > bid, a threshold is outside 0..100 or the days outside 1..365
     * @throws ChangedMeanwhileException when someone saved them in between
     */
    public void saveThresholds(int bid, int review, int warningDays, int version) {
        requirePermission.accept(TenderPermissions.DECIDE);
        var errors = new LinkedHashMap<String, String>();
        if (bid < 0 || bid > 100) {
            errors.put("bid", "settings.error.threshold");
        }
        if (review < 0 || review > 100) {
            errors.put("review", "settings.error.threshold");
        } else if (review > bid) {
            errors.put("review", "settings.error.review-above-bid");
        }
        if (warningDays < 1 || warningDays > 365) {
            errors.put("warningDays", "settings.error.days");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        int rows = dsl.update(TENDER_SETTINGS).set(TENDER_SETTINGS.BID_THRESHOLD, bid).set(TENDER_SETTINGS.REVIEW_THRESHOLD, review)
                .set(TENDER_SETTINGS.WARNING_DAYS, warningDays).set(TENDER_SETTINGS.VERSION, TENDER_SETTINGS.VERSION.plus(1))
                .where(TENDER_SETTINGS.ID.eq(1).and(TENDER_SETTINGS.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    /**
     * Adds a check ({@code weight} null) or a criterion at the end, or changes one that still has
     * {@code version} ({@code id} not null; a check stays a check).
     *
     * @throws InputRejectedException    when a name is blank or too long, or the weight outside 1..100
     * @throws ChangedMeanwhileException when it was changed in between
     */
    public void saveQuestion(Long id, boolean check, String nameEn, String nameNl, Integer weight, boolean active, int version) {
        requirePermission.accept(TenderPermissions.DECIDE);
        var errors = new LinkedHashMap<String, String>();
        checkName(errors, "nameEn", nameEn);
        checkName(errors, "nameNl", nameNl);
        if (!check && (weight == null || weight < 1 || weight > 100)) {
            errors.put("weight", "settings.error.weight");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        int rows;
        if (check) {
            rows = id == null
                    ? dsl.insertInto(BID_CHECK, BID_CHECK.NAME_EN, BID_CHECK.NAME_NL, BID_CHECK.POSITION)
                    .select(DSL.select(DSL.val(nameEn.strip()), DSL.val(nameNl.strip()), DSL.coalesce(DSL.max(BID_CHECK.POSITION), 0).plus(1))
                            .from(BID_CHECK)).execute()
                    : dsl.update(BID_CHECK).set(BID_CHECK.NAME_EN, nameEn.strip()).set(BID_CHECK.NAME_NL, nameNl.strip())
                    .set(BID_CHECK.ACTIVE, active).set(BID_CHECK.VERSION, BID_CHECK.VERSION.plus(1))
                    .where(BID_CHECK.ID.eq(id).and(BID_CHECK.VERSION.eq(version))).execute();
        } else {
            rows = id == null
                    ? dsl.insertInto(BID_CRITERION, BID_CRITERION.NAME_EN, BID_CRITERION.NAME_NL, BID_CRITERION.WEIGHT, BID_CRITERION.POSITION)
                    .select(DSL.select(DSL.val(nameEn.strip()), DSL.val(nameNl.strip()), DSL.val(weight),
                            DSL.coalesce(DSL.max(BID_CRITERION.POSITION), 0).plus(1)).from(BID_CRITERION)).execute()
                    : dsl.update(BID_CRITERION).set(BID_CRITERION.NAME_EN, nameEn.strip()).set(BID_CRITERION.NAME_NL, nameNl.strip())
                    .set(BID_CRITERION.WEIGHT, weight).set(BID_CRITERION.ACTIVE, active).set(BID_CRITERION.VERSION, BID_CRITERION.VERSION.plus(1))
                    .where(BID_CRITERION.ID.eq(id).and(BID_CRITERION.VERSION.eq(version))).execute();
        }
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    private static void checkName(Map<String, String> errors, String field, String name) {
        if (name == null || name.isBlank()) {
            errors.put(field, "settings.error.name-required");
        } else if (name.strip().length() > MAX_NAME) {
            errors.put(field, "settings.error.name-long");
        }
    }

    public Optional<RecordedDecision> find(long tenderId) {
        var head = dsl.selectFrom(BID_DECISION).where(BID_DECISION.TENDER_ID.eq(tenderId)).fetchOptional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var checks = new LinkedHashMap<Long, Boolean>();
        dsl.selectFrom(BID_CHECK_RESULT).where(BID_CHECK_RESULT.TENDER_ID.eq(tenderId)).forEach(r -> checks.put(r.getCheckId(), r.getPassed()));
        var scores = new LinkedHashMap<Long, Integer>();
        dsl.selectFrom(BID_SCORE).where(BID_SCORE.TENDER_ID.eq(tenderId)).forEach(r -> scores.put(r.getCriterionId(), r.getScore()));
        var d = head.get();
        return Optional.of(new RecordedDecision(checks, scores, d.getTotal(), Recommendation.valueOf(d.getRecommendation()),
                Decision.valueOf(d.getDecision()), d.getReason(), d.getDecidedBy(), d.getDecidedAt()));
    }

    /** The advice the answers give, before anything is recorded (for the form's live total). */
    public BidScore.Outcome advise(Map<Long, Boolean> checks, Map<Long, Integer> scores) {
        return advise(questions(true), thresholds(), checks, scores);
    }

    /** The same, on questions and thresholds already read. */
    public static BidScore.Outcome advise(List<BidCriterion> questions, Thresholds thresholds, Map<Long, Boolean> checks,
                                          Map<Long, Integer> scores) {
        return BidScore.advise(scored(questions, scores), passedAll(questions, checks), thresholds);
    }

    /**
     * Records the decision on a tender that is still open and not yet submitted, replacing an earlier
     * one: every active check answered, every active criterion scored 0..5, a decision and its reason.
     *
     * @throws InputRejectedException when an answer, the decision or the reason is missing (fields
     *                                {@code check-<id>}, {@code score-<id>}, {@code decision}, {@code reason})
     *                                or the tender is past that point ({@code status})
     */
    public RecordedDecision record(long tenderId, Map<Long, Boolean> checks, Map<Long, Integer> scores, Decision decision,
                                   String reason, String by) {
        return record(tenderId, false, null, checks, scores, decision, reason, by);
    }

    /**
     * The same, from a form that showed {@code seen} (null: no decision was recorded then): refused when
     * someone recorded another decision meanwhile.
     *
     * @throws ChangedMeanwhileException when the stored decision is no longer the one seen
     */
    public RecordedDecision record(long tenderId, RecordedDecision seen, Map<Long, Boolean> checks, Map<Long, Integer> scores,
                                   Decision decision, String reason, String by) {
        return record(tenderId, true, seen, checks, scores, decision, reason, by);
    }

    private RecordedDecision record(long tenderId, boolean checkSeen, RecordedDecision seen, Map<Long, Boolean> checks,
                                    Map<Long, Integer> scores, Decision decision, String reason, String by) {
        requirePermission.accept(TenderPermissions.DECIDE);
        var questions = questions(true);
        var errors = new LinkedHashMap<String, String>();
        for (BidCriterion q : questions) {
            if (q.check() && checks.get(q.id()) == null) {
                errors.put("check-" + q.id(), "decision.error.check-missing");
            } else if (!q.check()) {
                Integer score = scores.get(q.id());
                if (score == null || score < 0 || score > BidScore.MAX_SCORE) {
                    errors.put("score-" + q.id(), "decision.error.score");
                }
            }
        }
        if (decision == null) {
            errors.put("decision", "decision.error.decision-required");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "decision.error.reason-required");
        } else if (reason.strip().length() > MAX_REASON) {
            errors.put("reason", "decision.error.reason-long");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        var outcome = BidScore.advise(scored(questions, scores), passedAll(questions, checks), thresholds());
        var now = LocalDateTime.now(clock);
        dsl.transaction(tx -> {
            var t = tx.dsl();
            String status = t.select(TENDER.STATUS).from(TENDER).where(TENDER.ID.eq(tenderId)).forUpdate()
                    .fetchOptional(TENDER.STATUS).orElseThrow(ChangedMeanwhileException::new);
            var current = TenderStatus.valueOf(status);
            if (!current.open() || current == TenderStatus.SUBMITTED) {
                throw new InputRejectedException("status", "decision.error.too-late");
            }
            if (current == TenderStatus.PREPARING && decision == Decision.NO_BID) {
                throw new InputRejectedException("decision", "decision.error.no-bid-while-preparing");
            }
            var stored = t.select(BID_DECISION.DECIDED_AT).from(BID_DECISION).where(BID_DECISION.TENDER_ID.eq(tenderId)).forUpdate()
                    .fetchOptional(BID_DECISION.DECIDED_AT);
            if (checkSeen && !stored.equals(Optional.ofNullable(seen).map(RecordedDecision::decidedAt))) {
                throw new ChangedMeanwhileException();
            }
            t.deleteFrom(BID_DECISION).where(BID_DECISION.TENDER_ID.eq(tenderId)).execute();
            t.insertInto(BID_DECISION).set(BID_DECISION.TENDER_ID, tenderId).set(BID_DECISION.TOTAL, outcome.total())
                    .set(BID_DECISION.RECOMMENDATION, outcome.recommendation().name()).set(BID_DECISION.DECISION, decision.name())
                    .set(BID_DECISION.REASON, reason.strip()).set(BID_DECISION.DECIDED_BY, by).set(BID_DECISION.DECIDED_AT, now).execute();
            var checkRows = t.insertInto(BID_CHECK_RESULT, BID_CHECK_RESULT.TENDER_ID, BID_CHECK_RESULT.CHECK_ID, BID_CHECK_RESULT.PASSED);
            var scoreRows = t.insertInto(BID_SCORE, BID_SCORE.TENDER_ID, BID_SCORE.CRITERION_ID, BID_SCORE.WEIGHT, BID_SCORE.SCORE);
            boolean anyCheck = false;
            boolean anyScore = false;
            for (BidCriterion q : questions) {
                if (q.check()) {
                    checkRows = checkRows.values(tenderId, q.id(), checks.get(q.id()));
                    anyCheck = true;
                } else {
                    scoreRows = scoreRows.values(tenderId, q.id(), q.weight(), scores.get(q.id()));
                    anyScore = true;
                }
            }
            if (anyCheck) {
                checkRows.execute();
            }
            if (anyScore) {
                scoreRows.execute();
            }
        });
        return find(tenderId).orElseThrow();
    }

    private static List<BidScore.Scored> scored(List<BidCriterion> questions, Map<Long, Integer> scores) {
        // an unscored criterion counts as 0 in the live total; recording needs every score
        return questions.stream().filter(q -> !q.check())
                .map(q -> new BidScore.Scored(q.weight(), Math.clamp(scores.getOrDefault(q.id(), 0), 0, BidScore.MAX_SCORE))).toList();
    }

    private static boolean passedAll(List<BidCriterion> questions, Map<Long, Boolean> checks) {
        return questions.stream().filter(BidCriterion::check).allMatch(q -> Boolean.TRUE.equals(checks.get(q.id())));
    }
}

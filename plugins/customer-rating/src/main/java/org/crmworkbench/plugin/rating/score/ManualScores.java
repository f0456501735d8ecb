package org.crmworkbench.plugin.rating.score;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION;
import static org.crmworkbench.plugin.rating.jooq.Tables.MANUAL_SCORE;

/** The scores account managers give on manual criteria, with who gave them and when. */
public final class ManualScores {

    private final DSLContext dsl;
    private final Clock clock;

    public ManualScores(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A given score. */
    public record Given(int score, String by, LocalDateTime at) {
    }

    /** The account's manual scores of one model, by criterion id. */
    public Map<Long, Given> of(long modelId, long accountId) {
        return dsl.select(MANUAL_SCORE.CRITERION_ID, MANUAL_SCORE.SCORE, MANUAL_SCORE.SCORED_BY, MANUAL_SCORE.SCORED_AT)
                .from(MANUAL_SCORE).join(CRITERION).on(CRITERION.ID.eq(MANUAL_SCORE.CRITERION_ID))
                .where(CRITERION.MODEL_ID.eq(modelId).and(MANUAL_SCORE.ACCOUNT_ID.eq(accountId)))
                .fetchMap(r -> r.value1(), r -> new Given(r.value2(), r.value3(), r.value4()));
    }

    /**
     * Gives, changes or (with a null score) clears an account's score on a manual criterion.
     *
     * @throws IllegalArgumentException when the criterion is not manual, the score is off its scale
     *                                  or the account does not exist
     */
    public void set(long criterionId, long accountId, Integer score, String by) {
        var criterion = dsl.select(CRITERION.KIND, CRITERION.SCALE_MAX).from(CRITERION).where(CRITERION.ID.eq(criterionId))
                .fetchOptional().orElseThrow(() -> new IllegalArgumentException("no criterion " + criterionId));
        if (!"MANUAL".equals(criterion.value1())) {
            throw new IllegalArgumentException("criterion " + criterionId + " is computed");
        }
        if (score == null) {
            dsl.deleteFrom(MANUAL_SCORE).where(MANUAL_SCORE.CRITERION_ID.eq(criterionId).and(MANUAL_SCORE.ACCOUNT_ID.eq(accountId)))
                    .execute();
            return;
        }
        if (score < 1 || score > criterion.value2()) {
            throw new IllegalArgumentException("score " + score + " is off the scale 1-" + criterion.value2());
        }
        if (dsl.fetchCount(V_ACCOUNTS, V_ACCOUNTS.ID.eq(accountId)) == 0) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        var now = LocalDateTime.now(clock).withNano(0);
        dsl.insertInto(MANUAL_SCORE)
                .set(MANUAL_SCORE.CRITERION_ID, criterionId).set(MANUAL_SCORE.ACCOUNT_ID, accountId)
                .set(MANUAL_SCORE.SCORE, score).set(MANUAL_SCORE.SCORED_AT, now).set(MANUAL_SCORE.SCORED_BY, by)
                .onDuplicateKeyUpdate()
                .set(MANUAL_SCORE.SCORE, score).set(MANUAL_SCORE.SCORED_AT, now).set(MANUAL_SCORE.SCORED_BY, by)
                .execute();
    }
}

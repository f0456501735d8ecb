package org.crmworkbench.core.plan;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.db.jooq.tables.records.AccountPlanActivityRecord;
import org.crmworkbench.db.jooq.tables.records.AccountPlanRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_PLAN;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_PLAN_ACTIVITY;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

/**
 * Account plans and their activities. Whoever may see the account may see and edit its plans; plans
 * and activities use optimistic locking.
 */
public final class PlanService {

    private final DSLContext dsl;
    private final Clock clock;

    public PlanService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The account's plans, newest period first, with the number of open activities. */
    public List<Plan> plans(long accountId, UserRef viewer) {
        Field<Integer> open = DSL.selectCount().from(ACCOUNT_PLAN_ACTIVITY)
                .where(ACCOUNT_PLAN_ACTIVITY.PLAN_ID.eq(ACCOUNT_PLAN.ID).and(ACCOUNT_PLAN_ACTIVITY.DONE.isFalse())).<Integer>asField("open");
        return dsl.select(ACCOUNT_PLAN.fields()).select(open)
                .from(ACCOUNT_PLAN).join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_PLAN.ACCOUNT_ID))
                .where(ACCOUNT_PLAN.ACCOUNT_ID.eq(accountId).and(AccountService.visibleTo(viewer)))
                .orderBy(ACCOUNT_PLAN.PERIOD_START.desc(), ACCOUNT_PLAN.ID.desc())
                .fetch(r -> toPlan(r.into(ACCOUNT_PLAN), r.get(open)));
    }

    /** The plan's activities by due date; empty when the viewer may not see the account. */
    public List<Activity> activities(long planId, UserRef viewer) {
        return dsl.select(ACCOUNT_PLAN_ACTIVITY.fields()).select(APP_USER.DISPLAY_NAME)
                .from(ACCOUNT_PLAN_ACTIVITY).join(ACCOUNT_PLAN).on(ACCOUNT_PLAN.ID.eq(ACCOUNT_PLAN_ACTIVITY.PLAN_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_PLAN.ACCOUNT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(ACCOUNT_PLAN_ACTIVITY.WHO_ID))
                .where(ACCOUNT_PLAN_ACTIVITY.PLAN_ID.eq(planId).and(AccountService.visibleTo(viewer)))
                .orderBy(ACCOUNT_PLAN_ACTIVITY.DONE, ACCOUNT_PLAN_ACTIVITY.DUE, ACCOUNT_PLAN_ACTIVITY.ID)
                .fetch(r -> toActivity(r.into(ACCOUNT_PLAN_ACTIVITY), r.get(APP_USER.DISPLAY_NAME)));
    }

    /**
     * Adds a plan to an account the user may see.
     *
     * @throws InvalidInputException when the input breaks a rule; nothing is saved
     */
    public long addPlan(long accountId, PlanData data, UserRef by) {
        var errors = check(data);
        if (!dsl.fetchExists(ACCOUNT, ACCOUNT.ID.eq(accountId).and(AccountService.visibleTo(by)))) {
            errors.put("account", "plan.error.account");
        }
        failOn(errors);
        var record = dsl.newRecord(ACCOUNT_PLAN);
        record.setAccountId(accountId);
        fill(record, data, by);
        record.store();
        return record.getId();
    }

    /**
     * Changes a plan that still has {@code expectedVersion}.
     *
     * @throws ConcurrentEditException when someone saved it in between, or it is gone
     * @throws InvalidInputException   when the input breaks a rule
     */
    public void updatePlan(long planId, int expectedVersion, PlanData data, UserRef by) {
        failOn(check(data));
        var record = dsl.newRecord(ACCOUNT_PLAN);
        fill(record, data, by);
        int updated = dsl.update(ACCOUNT_PLAN).set(record).set(ACCOUNT_PLAN.VERSION, ACCOUNT_PLAN.VERSION.plus(1))
                .where(ACCOUNT_PLAN.ID.eq(planId).and(ACCOUNT_PLAN.VERSION.eq(expectedVersion))
                        .and(ACCOUNT_PLAN.ACCOUNT_ID.in(DSL.select(ACCOUNT.ID).from(ACCOUNT).where(AccountService.visibleTo(by)))))
                .execute();
        if (updated == 0) {
            var now = dsl.selectFrom(ACCOUNT_PLAN).where(ACCOUNT_PLAN.ID.eq(planId)).fetchOptional();
            throw new ConcurrentEditException(now.map(AccountPlanRecord::getUpdatedBy).orElse(null),
                    now.map(AccountPlanRecord::getUpdatedAt).orElse(null));
        }
    }

    /**
     * Adds an activity to a plan the user may see.
     *
     * @throws InvalidInputException when the input breaks a rule; nothing is saved
     */
    public long addActivity(long planId, ActivityData data, UserRef by) {
        var errors = check(data);
        if (!planVisible(planId, by)) {
            errors.put("plan", "plan.error.account");
        }
        failOn(errors);
        var record = dsl.newRecord(ACCOUNT_PLAN_ACTIVITY);
        record.setPlanId(planId);
        fill(record, data, by);
        record.store();
        return record.getId();
    }

    /**
     * Changes an activity that still has {@code expectedVersion} (e.g. ticks it off).
     *
     * @throws ConcurrentEditException when someone saved it in between, or it is gone
     * @throws InvalidInputException   when the input breaks a rule
     */
    public void updateActivity(long activityId, int expectedVersion, ActivityData data, UserRef by) {
        failOn(check(data));
        var record = dsl.newRecord(ACCOUNT_PLAN_ACTIVITY);
        fill(record, data, by);
        int updated = dsl.update(ACCOUNT_PLAN_ACTIVITY).set(record)
                .set(ACCOUNT_PLAN_ACTIVITY.VERSION, ACCOUNT_PLAN_ACTIVITY.VERSION.plus(1))
                .where(ACCOUNT_PLAN_ACTIVITY.ID.eq(activityId).and(ACCOUNT_PLAN_ACTIVITY.VERSION.eq(expectedVersion))
                        .and(ACCOUNT_PLAN_ACTIVITY.PLAN_ID.in(DSL.select(ACCOUNT_PLAN.ID).from(ACCOUNT_PLAN)
                                .join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_PLAN.ACCOUNT_ID)).where(AccountService.visibleTo(by)))))
                .execute();
        if (updated == 0) {
            var now = dsl.selectFrom(ACCOUNT_PLAN_ACTIVITY).where(ACCOUNT_PLAN_ACTIVITY.ID.eq(activityId)).fetchOptional();
            throw new ConcurrentEditException(now.map(AccountPlanActivityRecord::getUpdatedBy).orElse(null),
                    now.map(AccountPlanActivityRecord::getUpdatedAt).orElse(null));
        }
    }

    static Map<String, String> check(PlanData data) {
        var errors = new LinkedHashMap<String, String>();
        requireText(errors, "title", data.title(), 200);
        requireText(errors, "objectives", data.objectives(), 10_000);
        if (data.periodStart() == null) {
            errors.put("periodStart", "plan.error.required");
        }
        if (data.periodEnd() == null) {
            errors.put("periodEnd", "plan.error.required");
        } else if (data.periodStart() != null && data.periodEnd().isBefore(data.periodStart())) {
            errors.put("periodEnd", "plan.error.end-before-start");
        }
        if (data.evaluation() != null && data.evaluation().strip().length() > 10_000) {
            errors.put("evaluation", "plan.error.too-long");
        }
        return errors;
    }

    Map<String, String> check(ActivityData data) {
        var errors = new LinkedHashMap<String, String>();
        requireText(errors, "what", data.what(), 300);
        if (data.whoId() == null || !dsl.fetchExists(APP_USER, APP_USER.ID.eq(data.whoId()).and(APP_USER.ACTIVE.isTrue()))) {
            errors.put("whoId", "plan.error.who");
        }
        if (data.place() != null && data.place().strip().length() > 200) {
            errors.put("place", "plan.error.too-long");
        }
        if (data.due() == null) {
            errors.put("due", "plan.error.required");
        }
        return errors;
    }

    private boolean planVisible(long planId, UserRef viewer) {
        return dsl.fetchExists(dsl.selectOne().from(ACCOUNT_PLAN).join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_PLAN.ACCOUNT_ID))
                .where(ACCOUNT_PLAN.ID.eq(planId).and(AccountService.visibleTo(viewer))));
    }

    private void fill(AccountPlanRecord record, PlanData data, UserRef by) {
        record.setTitle(data.title().strip());
        record.setPeriodStart(data.periodStart());
        record.setPeriodEnd(data.periodEnd());
        record.setObjectives(data.objectives().strip());
        record.setEvaluationDate(data.evaluationDate());
        record.setEvaluation(data.evaluation() == null || data.evaluation().isBlank() ? null : data.evaluation().strip());
        record.setUpdatedAt(LocalDateTime.now(clock));
        record.setUpdatedBy(by.username());
    }

    private void fill(AccountPlanActivityRecord record, ActivityData data, UserRef by) {
        record.setWhat(data.what().strip());
        record.setWhoId(data.whoId());
        record.setPlace(data.place() == null || data.place().isBlank() ? null : data.place().strip());
        record.setDue(data.due());
        record.setDone(data.done());
        record.setUpdatedAt(LocalDateTime.now(clock));
        record.setUpdatedBy(by.username());
    }

    private static void requireText(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "plan.error.required");
        } else if (value.strip().length() > max) {
            errors.put(field, "plan.error.too-long");
        }
    }

    private static void failOn(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Plan toPlan(AccountPlanRecord r, int open) {
        return new Plan(r.getId(), r.getAccountId(), new PlanData(r.getTitle(), r.getPeriodStart(), r.getPeriodEnd(),
                r.getObjectives(), r.getEvaluationDate(), r.getEvaluation()), open, r.getVersion());
    }

    private static Activity toActivity(AccountPlanActivityRecord r, String whoName) {
        return new Activity(r.getId(), r.getPlanId(), new ActivityData(r.getWhat(), r.getWhoId(), r.getPlace(), r.getDue(),
                r.getDone()), whoName, r.getVersion());
    }
}

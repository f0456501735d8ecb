package org.crmworkbench.plugin.tender.work;

import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record7;
import org.jooq.SelectLimitStep;
import org.jooq.Select;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_TASK;

/**
 * What falls due on the tenders: the questions and submission deadlines and the award decision of
 * tenders in the pipeline, the end of the standstill period also after the award (the time to object),
 * and the open tasks of tenders in the pipeline. Read in one statement (a UNION over the dates), ordered by date.
 */
public final class Deadlines {

    private final DSLContext dsl;
    private final Clock clock;

    public Deadlines(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Everything due from {@code from} to {@code to}, both included; of one authority when not null. */
    public List<Deadline> between(LocalDate from, LocalDate to, Long authorityId) {
        return select(from, to, false, authorityId).fetch(Deadlines::toDeadline);
    }

    /**
     * The warnings: what falls due from today up to {@code days} days ahead, plus open tasks that are
     * overdue; of one authority when not null; at most {@code limit}, the soonest first.
     */
    public List<Deadline> warnings(int days, Long authorityId, int limit) {
        LocalDate today = LocalDate.now(clock);
        return select(today, today.plusDays(days), true, authorityId).limit(limit).fetch(Deadlines::toDeadline);
    }

    /** All the warnings of {@link #warnings(int, Long, int)}. */
    public List<Deadline> warnings(int days, Long authorityId) {
        return warnings(days, authorityId, Integer.MAX_VALUE);
    }

    /** How many warnings there are. */
    public int countWarnings(int days, Long authorityId) {
        LocalDate today = LocalDate.now(clock);
        return dsl.fetchCount(select(today, today.plusDays(days), true, authorityId));
    }

    private SelectLimitStep<Record> select(LocalDate from, LocalDate to, boolean overdueTasks, Long authorityId) {
        var open = TENDER.STATUS.in(TenderStatus.OPEN.stream().map(Enum::name).toList());
        var all = date(TENDER.QUESTIONS_DEADLINE, DeadlineKind.QUESTIONS, open)
                .unionAll(date(TENDER.SUBMISSION_DEADLINE, DeadlineKind.SUBMISSION, open))
                .unionAll(date(TENDER.AWARD_DECISION_DATE, DeadlineKind.AWARD_DECISION, open))
                .unionAll(date(TENDER.STANDSTILL_END, DeadlineKind.STANDSTILL_END,
                        open.or(TENDER.STATUS.in(TenderStatus.WON.name(), TenderStatus.LOST.name()))))
                .unionAll(tasks(open));
        var due = all.asTable("due");
        Field<LocalDate> day = due.field("d", LocalDate.class);
        Condition when = day.between(from, to);
        if (overdueTasks) {
            when = when.or(due.field("kind", String.class).eq(DeadlineKind.TASK.name()).and(day.lt(from)));
        }
        Condition authority = authorityId == null ? DSL.noCondition() : due.field("authority_id", Long.class).eq(authorityId);
        return dsl.select(due.fields()).from(due).where(when).and(authority).orderBy(due.field("d"), due.field("title"), due.field("kind"));
    }

    private static Deadline toDeadline(Record r) {
        return new Deadline(r.get("tender_id", Long.class), r.get("title", String.class), r.get("authority_id", Long.class),
                r.get("authority", String.class), DeadlineKind.valueOf(r.get("kind", String.class)), r.get("d", LocalDate.class),
                r.get("task", String.class));
    }

    private Select<Record7<Long, String, Long, String, String, LocalDate, String>> date(Field<LocalDate> column, DeadlineKind kind,
                                                                                      Condition statuses) {
        return DSL.select(TENDER.ID.as("tender_id"), TENDER.TITLE.as("title"), TENDER.AUTHORITY_ID.as("authority_id"),
                        V_ACCOUNTS.NAME.as("authority"), DSL.inline(kind.name()).as("kind"), column.as("d"),
                        DSL.inline((String) null, String.class).as("task"))
                .from(TENDER).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(TENDER.AUTHORITY_ID))
                .where(column.isNotNull()).and(statuses);
    }

    private Select<Record7<Long, String, Long, String, String, LocalDate, String>> tasks(Condition openTender) {
        return DSL.select(TENDER.ID, TENDER.TITLE, TENDER.AUTHORITY_ID, V_ACCOUNTS.NAME, DSL.inline(DeadlineKind.TASK.name()),
                        TENDER_TASK.DUE_DATE, TENDER_TASK.TITLE)
                .from(TENDER_TASK).join(TENDER).on(TENDER.ID.eq(TENDER_TASK.TENDER_ID))
                .join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(TENDER.AUTHORITY_ID))
                .where(TENDER_TASK.DONE.isFalse()).and(openTender);
    }
}

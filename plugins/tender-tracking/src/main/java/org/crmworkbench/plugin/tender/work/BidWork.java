package org.crmworkbench.plugin.tender.work;

import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

import static org.crmworkbench.api.coreviews.Tables.V_USERS;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_QUESTION;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_TASK;

/** The bid team's work on a tender: the log of questions and published answers, and tasks with due dates. */
public final class BidWork {

    public record Question(long id, LocalDate askedOn, String question, String answer, LocalDate publishedOn) {
    }

    public record Task(long id, String title, Long assigneeId, String assigneeName, LocalDate due, boolean done) {
    }

    private final DSLContext dsl;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public BidWork(DSLContext dsl) {
        this(dsl, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public BidWork(DSLContext dsl, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.requirePermission = requirePermission;
    }

    public List<Question> questions(long tenderId) {
        return dsl.selectFrom(TENDER_QUESTION).where(TENDER_QUESTION.TENDER_ID.eq(tenderId))
                .orderBy(TENDER_QUESTION.ASKED_ON, TENDER_QUESTION.ID)
                .fetch(r -> new Question(r.getId(), r.getAskedOn(), r.getQuestion(), r.getAnswer(), r.getPublishedOn()));
    }

    /**
     * Logs a question ({@code questionId} null) or records its published answer.
     *
     * @throws InputRejectedException when the question or its date is missing, a text is too long, or an
     *                                answer is published before the question was asked
     */
    public void saveQuestion(long tenderId, Long questionId, LocalDate askedOn, String question, String answer, LocalDate publishedOn) {
        requirePermission.accept(TenderPermissions.EDIT);
        var errors = new LinkedHashMap<String, String>();
        if (askedOn == null) {
            errors.put("askedOn", "question.error.date");
        }
        if (question == null || question.isBlank()) {
            errors.put("question", "question.error.required");
        } else if (question.strip().length() > 2000) {
            errors.put("question", "question.error.long");
        }
        String a = answer == null ? "" : answer.strip();
        if (a.length() > 4000) {
            errors.put("answer", "question.error.long");
        }
        if (publishedOn != null && askedOn != null && publishedOn.isBefore(askedOn)) {
            errors.put("publishedOn", "question.error.published-before");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        if (questionId == null) {
            ChangedMeanwhileException.unlessGone(() -> dsl.insertInto(TENDER_QUESTION, TENDER_QUESTION.TENDER_ID, TENDER_QUESTION.ASKED_ON,
                    TENDER_QUESTION.QUESTION, TENDER_QUESTION.ANSWER, TENDER_QUESTION.PUBLISHED_ON)
                    .values(tenderId, askedOn, question.strip(), a, publishedOn).execute());
        } else {
            ChangedMeanwhileException.unlessGone(() -> dsl.update(TENDER_QUESTION).set(TENDER_QUESTION.ASKED_ON, askedOn)
                    .set(TENDER_QUESTION.QUESTION, question.strip()).set(TENDER_QUESTION.ANSWER, a).set(TENDER_QUESTION.PUBLISHED_ON, publishedOn)
                    .where(TENDER_QUESTION.ID.eq(questionId).and(TENDER_QUESTION.TENDER_ID.eq(tenderId))).execute());
        }
    }

    public void deleteQuestion(long tenderId, long questionId) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.deleteFrom(TENDER_QUESTION).where(TENDER_QUESTION.ID.eq(questionId).and(TENDER_QUESTION.TENDER_ID.eq(tenderId))).execute();
    }

    public List<Task> tasks(long tenderId) {
        return dsl.select(TENDER_TASK.asterisk(), V_USERS.DISPLAY_NAME).from(TENDER_TASK)
                .leftJoin(V_USERS).on(V_USERS.ID.eq(TENDER_TASK.ASSIGNEE_ID))
                .where(TENDER_TASK.TENDER_ID.eq(tenderId)).orderBy(TENDER_TASK.DONE, TENDER_TASK.DUE_DATE, TENDER_TASK.ID)
                .fetch(r -> new Task(r.get(TENDER_TASK.ID), r.get(TENDER_TASK.TITLE), r.get(TENDER_TASK.ASSIGNEE_ID),
                        r.get(V_USERS.DISPLAY_NAME), r.get(TENDER_TASK.DUE_DATE), r.get(TENDER_TASK.DONE)));
    }

    /** @throws InputRejectedException when the title or due date is missing or the title is too long */
    public void addTask(long tenderId, String title, Long assigneeId, LocalDate due) {
        requirePermission.accept(TenderPermissions.EDIT);
        var errors = new LinkedHashMap<String, String>();
        if (title == null || title.isBlank()) {
            errors.put("title", "task.error.title-required");
        } else if (title.strip().length() > 300) {
            errors.put("title", "tender.error.title-long");
        }
        if (due == null) {
            errors.put("due", "task.error.due");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        ChangedMeanwhileException.unlessGone(() -> dsl.insertInto(TENDER_TASK, TENDER_TASK.TENDER_ID, TENDER_TASK.TITLE, TENDER_TASK.ASSIGNEE_ID,
                TENDER_TASK.DUE_DATE).values(tenderId, title.strip(), assigneeId, due).execute());
    }

    public void setDone(long tenderId, long taskId, boolean done) {
        requirePermission.accept(TenderPermissions.EDIT);
        ChangedMeanwhileException.unlessGone(() -> dsl.update(TENDER_TASK).set(TENDER_TASK.DONE, done)
                .where(TENDER_TASK.ID.eq(taskId).and(TENDER_TASK.TENDER_ID.eq(tenderId))).execute());
    }

    public void deleteTask(long tenderId, long taskId) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.deleteFrom(TENDER_TASK).where(TENDER_TASK.ID.eq(taskId).and(TENDER_TASK.TENDER_ID.eq(tenderId))).execute();
    }
}

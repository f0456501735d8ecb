package org.crmworkbench.plugin.tender.answer;

import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

import static org.crmworkbench.plugin.tender.jooq.Tables.ANSWER;

/**
 * The answer library: reusable texts for tender questions, searched in title, text and tags with
 * paging in SQL. Texts other plugins offer (e.g. sellogram benefits) are taken in once per source key.
 */
public final class Answers {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 8000;
    public static final int MAX_TAGS = 200;

    public record Answer(long id, String title, String body, String tags, String source, LocalDateTime updatedAt, String updatedBy,
                         int version) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Answers(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Answers(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    public List<Answer> search(String text, int offset, int limit) {
        return dsl.selectFrom(ANSWER).where(matches(text)).orderBy(ANSWER.TITLE, ANSWER.ID).offset(offset).limit(limit)
                .fetch(r -> new Answer(r.getId(), r.getTitle(), r.getBody(), r.getTags(), r.getSource(), r.getUpdatedAt(),
                        r.getUpdatedBy(), r.getVersion()));
    }

    public int count(String text) {
        return dsl.fetchCount(ANSWER, matches(text));
    }

    private static Condition matches(String text) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String like = "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return DSL.lower(ANSWER.TITLE).like(like).or(DSL.lower(ANSWER.BODY).like(like)).or(DSL.lower(ANSWER.TAGS).like(like));
    }

    /**
     * Adds an answer ({@code id} null) or changes one that still has {@code version}.
     *
     * @throws InputRejectedException    when the title or text is blank or a field is too long
     * @throws ChangedMeanwhileException when it was changed or deleted in between
     */
    public long save(Long id, int version, String title, String body, String tags, String by) {
        requirePermission.accept(TenderPermissions.EDIT);
        var errors = new LinkedHashMap<String, String>();
        if (title == null || title.isBlank()) {
            errors.put("title", "answer.error.title-required");
        } else if (title.strip().length() > MAX_TITLE) {
            errors.put("title", "answer.error.title-long");
        }
        if (body == null || body.isBlank()) {
            errors.put("body", "answer.error.body-required");
        } else if (body.strip().length() > MAX_BODY) {
            errors.put("body", "answer.error.body-long");
        }
        String t = tags == null ? "" : tags.strip();
        if (t.length() > MAX_TAGS) {
            errors.put("tags", "answer.error.tags-long");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        var now = LocalDateTime.now(clock);
        if (id == null) {
            return dsl.insertInto(ANSWER, ANSWER.TITLE, ANSWER.BODY, ANSWER.TAGS, ANSWER.UPDATED_AT, ANSWER.UPDATED_BY)
                    .values(title.strip(), body.strip(), t, now, by).returningResult(ANSWER.ID).fetchSingle().value1();
        }
        int rows = dsl.update(ANSWER).set(ANSWER.TITLE, title.strip()).set(ANSWER.BODY, body.strip()).set(ANSWER.TAGS, t)
                .set(ANSWER.UPDATED_AT, now).set(ANSWER.UPDATED_BY, by).set(ANSWER.VERSION, ANSWER.VERSION.plus(1))
                .where(ANSWER.ID.eq(id).and(ANSWER.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
        return id;
    }

    /**
     * Takes another plugin's text into the library, once: taking the same text again changes nothing.
     *
     * @return whether it was new
     */
    public boolean take(ReusableText text, String by) {
        requirePermission.accept(TenderPermissions.EDIT);
        String title = text.title().strip();
        String body = text.text().strip();
        return dsl.insertInto(ANSWER, ANSWER.TITLE, ANSWER.BODY, ANSWER.SOURCE, ANSWER.SOURCE_KEY, ANSWER.UPDATED_AT, ANSWER.UPDATED_BY)
                .values(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title,
                        body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body,
                        text.source() == null ? "" : text.source().length() > 200 ? text.source().substring(0, 200) : text.source(),
                        text.key(), LocalDateTime.now(clock), by)
                .onDuplicateKeyIgnore().execute() == 1;
    }

    public void delete(long id) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.deleteFrom(ANSWER).where(ANSWER.ID.eq(id)).execute();
    }
}

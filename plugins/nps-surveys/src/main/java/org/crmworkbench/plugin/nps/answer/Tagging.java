package org.crmworkbench.plugin.nps.answer;

import org.crmworkbench.plugin.nps.NpsPermissions;
import org.jooq.DSLContext;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER_TAG;
import static org.crmworkbench.plugin.nps.jooq.Tables.TAG;

/**
 * Comment tags (price, service, delivery, quality, ...): suggested by each tag's keywords, set by
 * hand. A hand-set choice replaces the suggestions of that answer.
 */
public final class Tagging {

    /**
     * A tag.
     *
     * @param keywords comma-separated words or phrases that suggest it, in any language
     */
    public record Tag(long id, String nameEn, String nameNl, String keywords) {

        public String name(Locale locale) {
            return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
        }

        /** Whether one of the keywords occurs in the text as a whole word or phrase, ignoring case. */
        public boolean matches(String text) {
            if (text == null || text.isBlank()) {
                return false;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            return Arrays.stream(keywords.split(",")).map(k -> k.strip().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty())
                    .anyMatch(k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}])")
                            .matcher(lower).find());
        }
    }

    private final DSLContext dsl;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Tagging(DSLContext dsl) {
        this(dsl, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Tagging(DSLContext dsl, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.requirePermission = requirePermission;
    }

    /** The tags, read once per instance for the keyword rules of many answers. */
    private List<Tag> rules;

    public List<Tag> tags() {
        return dsl.selectFrom(TAG).orderBy(TAG.NAME_EN)
                .fetch(t -> new Tag(t.getId(), t.getNameEn(), t.getNameNl(), t.getKeywords()));
    }

    /** Re-suggests the tags of one answer from its comment, unless someone tagged it by hand. */
    public void suggest(long answerId) {
        if (dsl.fetchExists(ANSWER_TAG, ANSWER_TAG.ANSWER_ID.eq(answerId).and(ANSWER_TAG.SOURCE.eq("MANUAL")))) {
            return;
        }
        String comment = dsl.select(ANSWER.COMMENT).from(ANSWER).where(ANSWER.ID.eq(answerId)).fetchOne(ANSWER.COMMENT);
        dsl.deleteFrom(ANSWER_TAG).where(ANSWER_TAG.ANSWER_ID.eq(answerId)).execute();
        insertMatching(answerId, comment);
    }

    /** Suggests the tags of an answer just stored, which has none yet. */
    public void suggestNew(long answerId, String comment) {
        if (comment != null && !comment.isBlank()) {
            insertMatching(answerId, comment);
        }
    }

    private void insertMatching(long answerId, String comment) {
        if (rules == null) {
            rules = tags();
        }
        var matching = rules.stream().filter(tag -> tag.matches(comment)).toList();
        if (matching.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(ANSWER_TAG, ANSWER_TAG.ANSWER_ID, ANSWER_TAG.TAG_ID, ANSWER_TAG.SOURCE);
        for (var tag : matching) {
            insert = insert.values(answerId, tag.id(), "RULE");
        }
        insert.execute();
    }

    /** Sets the tags of an answer by hand. */
    public void set(long answerId, Set<Long> tagIds) {
        requirePermission.accept(NpsPermissions.RESULTS);
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(ANSWER_TAG).where(ANSWER_TAG.ANSWER_ID.eq(answerId)).execute();
            if (!tagIds.isEmpty()) {
                var insert = tx.dsl().insertInto(ANSWER_TAG, ANSWER_TAG.ANSWER_ID, ANSWER_TAG.TAG_ID, ANSWER_TAG.SOURCE);
                for (long tagId : tagIds) {
                    insert = insert.values(answerId, tagId, "MANUAL");
                }
                insert.execute();
            }
        });
    }

    /**
     * Adds or changes a tag.
     *
     * @param id null to add one
     * @return the field (nameEn, nameNl, keywords) and message key of what is wrong; empty when saved
     */
    public Map<String, String> save(Long id, String nameEn, String nameNl, String keywords) {
        requirePermission.accept(NpsPermissions.MANAGE);
        var errors = new java.util.LinkedHashMap<String, String>();
        check(errors, "nameEn", nameEn, 60, true);
        check(errors, "nameNl", nameNl, 60, true);
        check(errors, "keywords", keywords, 1_000, false);
        if (errors.isEmpty()) {
            var other = id == null ? org.jooq.impl.DSL.trueCondition() : TAG.ID.ne(id);
            if (dsl.fetchExists(TAG, other.and(TAG.NAME_EN.eq(nameEn.strip())))) {
                errors.put("nameEn", "tags.error.taken");
            }
            if (dsl.fetchExists(TAG, other.and(TAG.NAME_NL.eq(nameNl.strip())))) {
                errors.put("nameNl", "tags.error.taken");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String words = keywords == null ? "" : keywords.strip();
        if (id == null) {
            dsl.insertInto(TAG, TAG.NAME_EN, TAG.NAME_NL, TAG.KEYWORDS).values(nameEn.strip(), nameNl.strip(), words).execute();
        } else {
            dsl.update(TAG).set(TAG.NAME_EN, nameEn.strip()).set(TAG.NAME_NL, nameNl.strip()).set(TAG.KEYWORDS, words)
                    .where(TAG.ID.eq(id)).execute();
        }
        return Map.of();
    }

    private static void check(Map<String, String> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, "tags.error.required");
            }
        } else if (value.strip().length() > max) {
            errors.put(field, "tags.error.too-long");
        }
    }

    /** Deletes a tag and its use on answers. */
    public void delete(long id) {
        requirePermission.accept(NpsPermissions.MANAGE);
        dsl.deleteFrom(TAG).where(TAG.ID.eq(id)).execute();
    }

    /** The tags of some answers, by answer id. */
    public Map<Long, List<Long>> tagsOf(List<Long> answerIds) {
        return dsl.select(ANSWER_TAG.ANSWER_ID, ANSWER_TAG.TAG_ID).from(ANSWER_TAG).where(ANSWER_TAG.ANSWER_ID.in(answerIds))
                .fetchGroups(ANSWER_TAG.ANSWER_ID, ANSWER_TAG.TAG_ID);
    }
}

package org.crmworkbench.plugin.value.sellogram;

import org.crmworkbench.plugin.value.ChangedMeanwhileException;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.ValuePermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.crmworkbench.api.coreviews.Tables.V_PRODUCTS;
import static org.crmworkbench.plugin.value.jooq.Tables.MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.ROW_MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM_MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM_ROW;

/**
 * Sellograms: one draft at a time per product or service, rows edited in the draft, published under
 * the publish rule ({@link PublishProblem#of}); publishing retires the previously published
 * revision. Every change to a draft checks and raises its version (optimistic locking).
 */
public final class Sellograms {

    public static final int MAX_CELL = 500;
    public static final int MAX_SERVICE = 200;
    public static final int MAX_ROWS = 100;
    static final int MAX_REVISIONS_SHOWN = 50;

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Sellograms(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Sellograms(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    /**
     * Starts a draft for a product or service, as revision 1 or the next after its earlier ones.
     *
     * @throws InputRejectedException when the product does not exist, the service name is blank or
     *                                too long, a motive does not exist, or the subject already has a draft
     */
    public long create(Subject subject, Set<Long> motiveIds, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        checkSubject(subject);
        checkMotives(dsl, motiveIds, "motives");
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int revision = nextRevision(t, subject);
            long id = insertDraft(t, subject, revision, by);
            insertMotives(t, id, motiveIds);
            return id;
        });
    }

    /** A sellogram revision with its rows; empty when there is none with this id. */
    public Optional<Sellogram> find(long id) {
        return load(dsl, id);
    }

    /** Replaces the motives the draft claims; returns its new version. */
    public int setMotives(long id, int version, Set<Long> motiveIds, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        checkMotives(dsl, motiveIds, "motives");
        return dsl.transactionResult(tx -> {
            int next = touch(tx.dsl(), id, version, by);
            tx.dsl().deleteFrom(SELLOGRAM_MOTIVE).where(SELLOGRAM_MOTIVE.SELLOGRAM_ID.eq(id)).execute();
            insertMotives(tx.dsl(), id, motiveIds);
            return next;
        });
    }

    /** Adds a row at the end of the draft; returns its new version. */
    public int addRow(long id, int version, RowInput input, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        checkRow(input);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, id, version, by);
            int rows = t.fetchCount(SELLOGRAM_ROW, SELLOGRAM_ROW.SELLOGRAM_ID.eq(id));
            if (rows >= MAX_ROWS) {
                throw new InputRejectedException("rows", "sellogram.error.too-many-rows");
            }
            long row = t.insertInto(SELLOGRAM_ROW, SELLOGRAM_ROW.SELLOGRAM_ID, SELLOGRAM_ROW.POSITION, SELLOGRAM_ROW.FEATURE,
                            SELLOGRAM_ROW.ADVANTAGE, SELLOGRAM_ROW.BENEFIT)
                    .values(id, rows + 1, input.feature(), input.advantage(), input.benefit())
                    .returningResult(SELLOGRAM_ROW.ID).fetchSingle().value1();
            insertRowMotives(t, row, input.motiveIds());
            return next;
        });
    }

    /** Changes the cells and motives of a row of the draft; returns its new version. */
    public int updateRow(long id, int version, long rowId, RowInput input, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        checkRow(input);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, id, version, by);
            int rows = t.update(SELLOGRAM_ROW).set(SELLOGRAM_ROW.FEATURE, input.feature())
                    .set(SELLOGRAM_ROW.ADVANTAGE, input.advantage()).set(SELLOGRAM_ROW.BENEFIT, input.benefit())
                    .where(SELLOGRAM_ROW.ID.eq(rowId).and(SELLOGRAM_ROW.SELLOGRAM_ID.eq(id))).execute();
            if (rows == 0) {
                throw new ChangedMeanwhileException();
            }
            t.deleteFrom(ROW_MOTIVE).where(ROW_MOTIVE.ROW_ID.eq(rowId)).execute();
            insertRowMotives(t, rowId, input.motiveIds());
            return next;
        });
    }

    /** Deletes a row of the draft and closes the gap; returns its new version. */
    public int deleteRow(long id, int version, long rowId, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, id, version, by);
            int position = position(t, id, rowId);
            t.deleteFrom(SELLOGRAM_ROW).where(SELLOGRAM_ROW.ID.eq(rowId)).execute();
            t.update(SELLOGRAM_ROW).set(SELLOGRAM_ROW.POSITION, SELLOGRAM_ROW.POSITION.minus(1))
                    .where(SELLOGRAM_ROW.SELLOGRAM_ID.eq(id).and(SELLOGRAM_ROW.POSITION.gt(position))).execute();
            return next;
        });
    }

    /** Moves a row of the draft one place up or down (nothing at the edge); returns its new version. */
    public int moveRow(long id, int version, long rowId, boolean up, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, id, version, by);
            int position = position(t, id, rowId);
            int other = up ? position - 1 : position + 1;
            if (!t.fetchExists(SELLOGRAM_ROW, SELLOGRAM_ROW.SELLOGRAM_ID.eq(id).and(SELLOGRAM_ROW.POSITION.eq(other)))) {
                return next;
            }
            // swap the two positions in one statement
            t.update(SELLOGRAM_ROW)
                    .set(SELLOGRAM_ROW.POSITION, DSL.when(SELLOGRAM_ROW.ID.eq(rowId), DSL.inline(other)).otherwise(DSL.inline(position)))
                    .where(SELLOGRAM_ROW.SELLOGRAM_ID.eq(id).and(SELLOGRAM_ROW.ID.eq(rowId).or(SELLOGRAM_ROW.POSITION.eq(other))))
                    .execute();
            return next;
        });
    }

    /**
     * Publishes the draft and retires the revision published before it.
     *
     * @throws PublishRefusedException   when it breaks the publish rule; it stays a draft
     * @throws ChangedMeanwhileException when it is no longer this version of a draft
     */
    public void publish(long id, int version, String by) {
        requirePermission.accept(ValuePermissions.PUBLISH);
        dsl.transaction(tx -> {
            var t = tx.dsl();
            var locked = t.selectFrom(SELLOGRAM).where(SELLOGRAM.ID.eq(id)).forUpdate().fetchOptional()
                    .filter(s -> s.getVersion() == version && SellogramStatus.DRAFT.name().equals(s.getStatus()))
                    .orElseThrow(ChangedMeanwhileException::new);
            var sellogram = load(t, id).orElseThrow(ChangedMeanwhileException::new);
            var problems = PublishProblem.of(sellogram);
            if (!problems.isEmpty()) {
                throw new PublishRefusedException(problems);
            }
            LocalDateTime now = LocalDateTime.now(clock);
            t.update(SELLOGRAM).set(SELLOGRAM.STATUS, SellogramStatus.RETIRED.name()).set(SELLOGRAM.VERSION, SELLOGRAM.VERSION.plus(1))
                    .where(same(sellogram.subject()).and(SELLOGRAM.STATUS.eq(SellogramStatus.PUBLISHED.name()))).execute();
            t.update(SELLOGRAM).set(SELLOGRAM.STATUS, SellogramStatus.PUBLISHED.name()).set(SELLOGRAM.PUBLISHED_AT, now)
                    .set(SELLOGRAM.PUBLISHED_BY, by).set(SELLOGRAM.UPDATED_AT, now).set(SELLOGRAM.UPDATED_BY, by)
                    .set(SELLOGRAM.VERSION, locked.getVersion() + 1).where(SELLOGRAM.ID.eq(id)).execute();
        });
    }

    /** The result of asking for a new revision: the draft to edit, and whether it was just made. */
    public record Draft(long id, boolean created) {
    }

    /**
     * A new draft revision copied from a published or retired one, to change it; when the subject
     * already has a draft, that draft.
     */
    public Draft newRevision(long id, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            var source = load(t, id).orElseThrow(ChangedMeanwhileException::new);
            var existing = t.select(SELLOGRAM.ID).from(SELLOGRAM)
                    .where(same(source.subject()).and(SELLOGRAM.STATUS.eq(SellogramStatus.DRAFT.name()))).fetchOptional(SELLOGRAM.ID);
            if (existing.isPresent()) {
                return new Draft(existing.get(), false);
            }
            return new Draft(copy(t, source, source.subject(), by), true);
        });
    }

    /**
     * Copies a sellogram, rows and motives, into a new draft for another product or service.
     *
     * @throws InputRejectedException when the target is not valid or already has a draft
     */
    public long duplicate(long id, Subject target, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        checkSubject(target);
        return dsl.transactionResult(tx -> {
            var source = load(tx.dsl(), id).orElseThrow(ChangedMeanwhileException::new);
            return copy(tx.dsl(), source, target, by);
        });
    }

    /** Deletes a draft that still has {@code version}. */
    public void deleteDraft(long id, int version) {
        requirePermission.accept(ValuePermissions.EDIT);
        int rows = dsl.deleteFrom(SELLOGRAM).where(SELLOGRAM.ID.eq(id).and(SELLOGRAM.VERSION.eq(version))
                .and(SELLOGRAM.STATUS.eq(SellogramStatus.DRAFT.name()))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    /**
     * A search over sellograms.
     *
     * @param text     part of the product's name or code or of the service; null or blank for all
     * @param motiveId only those claiming or serving this motive; null for all
     * @param status   only this status; null for all
     */
    public record Search(String text, Long motiveId, SellogramStatus status) {

        public static final Search ALL = new Search(null, null, null);
    }

    /** A sellogram in a list; {@code motives} are the claimed motives' names in catalogue order. */
    public record Listing(long id, String subjectName, boolean service, int revision, SellogramStatus status, int rows,
                          String motives, LocalDateTime updatedAt, String updatedBy) {
    }

    /** How a list of sellograms is sorted; revisions of one subject always newest first. */
    public enum Sort {
        SUBJECT_ASC, SUBJECT_DESC, UPDATED_ASC, UPDATED_DESC
    }

    /** A page of sellograms, by subject then newest revision first. */
    public List<Listing> search(Search search, Locale locale, int offset, int limit) {
        return search(search, locale, Sort.SUBJECT_ASC, offset, limit);
    }

    /** A page of sellograms in the given order. */
    public List<Listing> search(Search search, Locale locale, Sort sort, int offset, int limit) {
        List<org.jooq.SortField<?>> order = switch (sort) {
            case SUBJECT_ASC -> List.of(subjectName().asc(), SELLOGRAM.REVISION.desc());
            case SUBJECT_DESC -> List.of(subjectName().desc(), SELLOGRAM.REVISION.desc());
            case UPDATED_ASC -> List.of(SELLOGRAM.UPDATED_AT.asc());
            case UPDATED_DESC -> List.of(SELLOGRAM.UPDATED_AT.desc());
        };
        return page(matching(search), locale, order, offset, limit);
    }

    private List<Listing> page(Condition where, Locale locale, List<org.jooq.SortField<?>> order, int offset, int limit) {
        List<org.jooq.SortField<?>> sorted = new java.util.ArrayList<>(order);
        sorted.add(SELLOGRAM.ID.asc());
        var rows = DSL.selectCount().from(SELLOGRAM_ROW).where(SELLOGRAM_ROW.SELLOGRAM_ID.eq(SELLOGRAM.ID)).asField("row_count");
        var page = dsl.select(SELLOGRAM.ID, subjectName(), SELLOGRAM.SERVICE_NAME.isNotNull(), SELLOGRAM.REVISION, SELLOGRAM.STATUS,
                        rows, SELLOGRAM.UPDATED_AT, SELLOGRAM.UPDATED_BY)
                .from(SELLOGRAM).leftJoin(V_PRODUCTS).on(V_PRODUCTS.ID.eq(SELLOGRAM.PRODUCT_ID))
                .where(where)
                .orderBy(sorted)
                .offset(offset).limit(limit).fetch();
        // the claimed motives of the whole page in one query
        Field<String> motiveName = "nl".equals(locale.getLanguage()) ? MOTIVE.NAME_NL : MOTIVE.NAME_EN;
        Map<Long, List<String>> motives = dsl.select(SELLOGRAM_MOTIVE.SELLOGRAM_ID, motiveName).from(SELLOGRAM_MOTIVE)
                .join(MOTIVE).on(MOTIVE.ID.eq(SELLOGRAM_MOTIVE.MOTIVE_ID))
                .where(SELLOGRAM_MOTIVE.SELLOGRAM_ID.in(page.getValues(SELLOGRAM.ID)))
                .orderBy(MOTIVE.POSITION, MOTIVE.ID)
                .fetchGroups(SELLOGRAM_MOTIVE.SELLOGRAM_ID, motiveName);
        return page.map(r -> new Listing(r.value1(), r.value2(), r.value3(), r.value4(), SellogramStatus.valueOf(r.value5()),
                (Integer) r.get(5), String.join(", ", motives.getOrDefault(r.value1(), List.of())), r.value7(), r.value8()));
    }

    public int count(Search search) {
        return dsl.fetchCount(DSL.selectOne().from(SELLOGRAM).leftJoin(V_PRODUCTS).on(V_PRODUCTS.ID.eq(SELLOGRAM.PRODUCT_ID))
                .where(matching(search)));
    }

    /** The draft of a product or service, if it has one. */
    public Optional<Long> draftOf(Subject subject) {
        return dsl.select(SELLOGRAM.ID).from(SELLOGRAM).where(same(subject).and(SELLOGRAM.STATUS.eq(SellogramStatus.DRAFT.name())))
                .fetchOptional(SELLOGRAM.ID);
    }

    /** Every revision of the sellogram's product or service, newest first. */
    public List<Listing> revisions(Subject subject, Locale locale) {
        return page(same(subject), locale, List.of(SELLOGRAM.REVISION.desc()), 0, MAX_REVISIONS_SHOWN);
    }

    /** An active product of the core catalogue without a published sellogram. */
    public record UncoveredProduct(long id, String code, String name, String productGroup, boolean hasDraft) {
    }

    /** A page of the active products without a published sellogram, by name. */
    public List<UncoveredProduct> uncoveredProducts(String text, int offset, int limit) {
        var draft = DSL.exists(DSL.selectOne().from(SELLOGRAM).where(SELLOGRAM.PRODUCT_ID.eq(V_PRODUCTS.ID)
                .and(SELLOGRAM.STATUS.eq(SellogramStatus.DRAFT.name()))));
        return dsl.select(V_PRODUCTS.ID, V_PRODUCTS.CODE, V_PRODUCTS.NAME, V_PRODUCTS.PRODUCT_GROUP, DSL.field(draft))
                .from(V_PRODUCTS).where(uncovered(text))
                .orderBy(V_PRODUCTS.NAME, V_PRODUCTS.ID).offset(offset).limit(limit)
                .fetch(r -> new UncoveredProduct(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public int countUncoveredProducts(String text) {
        return dsl.fetchCount(V_PRODUCTS, uncovered(text));
    }

    /** How far the product catalogue is covered, and the motives with the fewest published arguments. */
    public record Coverage(int activeProducts, int covered, List<MotiveArguments> weakest) {

        /** The share of active products with a published sellogram, 0..1; 0 without products. */
        public double share() {
            return activeProducts == 0 ? 0 : (double) covered / activeProducts;
        }
    }

    /** The number of rows of published sellograms that serve a motive. */
    public record MotiveArguments(long motiveId, String name, int arguments) {
    }

    public Coverage coverage(Locale locale, int weakest) {
        int active = dsl.fetchCount(V_PRODUCTS, V_PRODUCTS.ACTIVE.isTrue());
        int covered = active - countUncoveredProducts(null);
        var published = DSL.select(ROW_MOTIVE.MOTIVE_ID, DSL.count().as("arguments"))
                .from(ROW_MOTIVE).join(SELLOGRAM_ROW).on(SELLOGRAM_ROW.ID.eq(ROW_MOTIVE.ROW_ID))
                .join(SELLOGRAM).on(SELLOGRAM.ID.eq(SELLOGRAM_ROW.SELLOGRAM_ID))
                .where(SELLOGRAM.STATUS.eq(SellogramStatus.PUBLISHED.name()))
                .groupBy(ROW_MOTIVE.MOTIVE_ID).asTable("p");
        Field<Integer> arguments = DSL.coalesce(published.field("arguments", Integer.class), 0);
        var weak = dsl.select(MOTIVE.ID, "nl".equals(locale.getLanguage()) ? MOTIVE.NAME_NL : MOTIVE.NAME_EN, arguments)
                .from(MOTIVE).leftJoin(published).on(published.field(ROW_MOTIVE.MOTIVE_ID).eq(MOTIVE.ID))
                .where(MOTIVE.ACTIVE.isTrue())
                .orderBy(arguments, MOTIVE.POSITION, MOTIVE.ID).limit(weakest)
                .fetch(r -> new MotiveArguments(r.value1(), r.value2(), r.value3()));
        return new Coverage(active, covered, weak);
    }

    private Condition uncovered(String text) {
        return V_PRODUCTS.ACTIVE.isTrue()
                .and(DSL.notExists(DSL.selectOne().from(SELLOGRAM).where(SELLOGRAM.PRODUCT_ID.eq(V_PRODUCTS.ID)
                        .and(SELLOGRAM.STATUS.eq(SellogramStatus.PUBLISHED.name())))))
                .and(text == null || text.isBlank() ? DSL.noCondition()
                        : V_PRODUCTS.NAME.containsIgnoreCase(text.strip()).or(V_PRODUCTS.CODE.containsIgnoreCase(text.strip())));
    }

    /** The product's name, else the service; {@code #<id>} for a product gone from the catalogue. */
    static Field<String> subjectName() {
        return DSL.coalesce(V_PRODUCTS.NAME, SELLOGRAM.SERVICE_NAME, DSL.concat(DSL.inline("#"), SELLOGRAM.PRODUCT_ID.cast(String.class)));
    }

    private static Condition matching(Search search) {
        Condition condition = DSL.noCondition();
        if (search.text() != null && !search.text().isBlank()) {
            String text = search.text().strip();
            condition = condition.and(V_PRODUCTS.NAME.containsIgnoreCase(text).or(V_PRODUCTS.CODE.containsIgnoreCase(text))
                    .or(SELLOGRAM.SERVICE_NAME.containsIgnoreCase(text)));
        }
        if (search.motiveId() != null) {
            condition = condition.and(DSL.exists(DSL.selectOne().from(SELLOGRAM_MOTIVE)
                    .where(SELLOGRAM_MOTIVE.SELLOGRAM_ID.eq(SELLOGRAM.ID).and(SELLOGRAM_MOTIVE.MOTIVE_ID.eq(search.motiveId()))))
                    .or(DSL.exists(DSL.selectOne().from(ROW_MOTIVE).join(SELLOGRAM_ROW).on(SELLOGRAM_ROW.ID.eq(ROW_MOTIVE.ROW_ID))
                            .where(SELLOGRAM_ROW.SELLOGRAM_ID.eq(SELLOGRAM.ID).and(ROW_MOTIVE.MOTIVE_ID.eq(search.motiveId()))))));
        }
        if (search.status() != null) {
            condition = condition.and(SELLOGRAM.STATUS.eq(search.status().name()));
        }
        return condition;
    }

    private static Condition same(Subject subject) {
        return subject.productId() != null ? SELLOGRAM.PRODUCT_ID.eq(subject.productId())
                : SELLOGRAM.SERVICE_NAME.eq(subject.serviceName());
    }

    private int touch(DSLContext t, long id, int version, String by) {
        int rows = t.update(SELLOGRAM).set(SELLOGRAM.VERSION, SELLOGRAM.VERSION.plus(1))
                .set(SELLOGRAM.UPDATED_AT, LocalDateTime.now(clock)).set(SELLOGRAM.UPDATED_BY, by)
                .where(SELLOGRAM.ID.eq(id).and(SELLOGRAM.VERSION.eq(version)).and(SELLOGRAM.STATUS.eq(SellogramStatus.DRAFT.name())))
                .execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
        return version + 1;
    }

    /** The position of a row of the sellogram; it is gone when someone deleted it meanwhile. */
    private static int position(DSLContext t, long id, long rowId) {
        return t.select(SELLOGRAM_ROW.POSITION).from(SELLOGRAM_ROW)
                .where(SELLOGRAM_ROW.ID.eq(rowId).and(SELLOGRAM_ROW.SELLOGRAM_ID.eq(id)))
                .fetchOptional(SELLOGRAM_ROW.POSITION).orElseThrow(ChangedMeanwhileException::new);
    }

    private int nextRevision(DSLContext t, Subject subject) {
        var revisions = t.select(SELLOGRAM.REVISION, SELLOGRAM.STATUS).from(SELLOGRAM).where(same(subject)).forUpdate().fetch();
        if (revisions.stream().anyMatch(r -> SellogramStatus.DRAFT.name().equals(r.value2()))) {
            throw new InputRejectedException("subject", "sellogram.error.draft-exists");
        }
        return revisions.stream().mapToInt(r -> r.value1()).max().orElse(0) + 1;
    }

    private long insertDraft(DSLContext t, Subject subject, int revision, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        return t.insertInto(SELLOGRAM, SELLOGRAM.PRODUCT_ID, SELLOGRAM.SERVICE_NAME, SELLOGRAM.REVISION, SELLOGRAM.CREATED_AT,
                        SELLOGRAM.UPDATED_AT, SELLOGRAM.UPDATED_BY)
                .values(subject.productId(), subject.serviceName(), revision, now, now, by)
                .returningResult(SELLOGRAM.ID).fetchSingle().value1();
    }

    /** Copies rows and motives set-based: rows by position, their motives joined on the same position. */
    private long copy(DSLContext t, Sellogram source, Subject target, String by) {
        long id = insertDraft(t, target, nextRevision(t, target), by);
        insertMotives(t, id, source.motiveIds());
        t.insertInto(SELLOGRAM_ROW, SELLOGRAM_ROW.SELLOGRAM_ID, SELLOGRAM_ROW.POSITION, SELLOGRAM_ROW.FEATURE,
                        SELLOGRAM_ROW.ADVANTAGE, SELLOGRAM_ROW.BENEFIT)
                .select(DSL.select(DSL.val(id), SELLOGRAM_ROW.POSITION, SELLOGRAM_ROW.FEATURE, SELLOGRAM_ROW.ADVANTAGE,
                        SELLOGRAM_ROW.BENEFIT).from(SELLOGRAM_ROW).where(SELLOGRAM_ROW.SELLOGRAM_ID.eq(source.id())))
                .execute();
        var from = SELLOGRAM_ROW.as("f");
        var to = SELLOGRAM_ROW.as("t");
        t.insertInto(ROW_MOTIVE, ROW_MOTIVE.ROW_ID, ROW_MOTIVE.MOTIVE_ID)
                .select(DSL.select(to.ID, ROW_MOTIVE.MOTIVE_ID).from(ROW_MOTIVE)
                        .join(from).on(from.ID.eq(ROW_MOTIVE.ROW_ID))
                        .join(to).on(to.SELLOGRAM_ID.eq(id).and(to.POSITION.eq(from.POSITION)))
                        .where(from.SELLOGRAM_ID.eq(source.id())))
                .execute();
        return id;
    }

    private static Optional<Sellogram> load(DSLContext t, long id) {
        var head = t.select(SELLOGRAM.asterisk(), V_PRODUCTS.CODE, V_PRODUCTS.NAME).from(SELLOGRAM)
                .leftJoin(V_PRODUCTS).on(V_PRODUCTS.ID.eq(SELLOGRAM.PRODUCT_ID))
                .where(SELLOGRAM.ID.eq(id)).fetchOptional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var r = head.get();
        Long productId = r.get(SELLOGRAM.PRODUCT_ID);
        String name = productId == null ? r.get(SELLOGRAM.SERVICE_NAME)
                : r.get(V_PRODUCTS.NAME) == null ? "#" + productId : r.get(V_PRODUCTS.NAME) + " (" + r.get(V_PRODUCTS.CODE) + ")";
        Set<Long> motives = new HashSet<>(t.select(SELLOGRAM_MOTIVE.MOTIVE_ID).from(SELLOGRAM_MOTIVE)
                .where(SELLOGRAM_MOTIVE.SELLOGRAM_ID.eq(id)).fetch(SELLOGRAM_MOTIVE.MOTIVE_ID));
        Map<Long, Set<Long>> rowMotives = t.select(ROW_MOTIVE.ROW_ID, ROW_MOTIVE.MOTIVE_ID).from(ROW_MOTIVE)
                .join(SELLOGRAM_ROW).on(SELLOGRAM_ROW.ID.eq(ROW_MOTIVE.ROW_ID)).where(SELLOGRAM_ROW.SELLOGRAM_ID.eq(id))
                .fetchGroups(ROW_MOTIVE.ROW_ID, ROW_MOTIVE.MOTIVE_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        var rows = t.selectFrom(SELLOGRAM_ROW).where(SELLOGRAM_ROW.SELLOGRAM_ID.eq(id)).orderBy(SELLOGRAM_ROW.POSITION)
                .fetch(row -> new SellogramRow(row.getId(), row.getPosition(), row.getFeature(), row.getAdvantage(),
                        row.getBenefit(), rowMotives.getOrDefault(row.getId(), Set.of())));
        return Optional.of(new Sellogram(id, new Subject(productId, r.get(SELLOGRAM.SERVICE_NAME)), name,
                r.get(SELLOGRAM.REVISION), SellogramStatus.valueOf(r.get(SELLOGRAM.STATUS)), Set.copyOf(motives), rows,
                r.get(SELLOGRAM.UPDATED_AT), r.get(SELLOGRAM.UPDATED_BY), r.get(SELLOGRAM.VERSION)));
    }

    private void checkSubject(Subject subject) {
        if (subject.productId() != null) {
            if (!dsl.fetchExists(V_PRODUCTS, V_PRODUCTS.ID.eq(subject.productId()).and(V_PRODUCTS.ACTIVE.isTrue()))) {
                throw new InputRejectedException("subject", "sellogram.error.product");
            }
        } else if (subject.serviceName().isBlank()) {
            throw new InputRejectedException("subject", "sellogram.error.service-required");
        } else if (subject.serviceName().length() > MAX_SERVICE) {
            throw new InputRejectedException("subject", "sellogram.error.service-long");
        }
    }

    private static void checkMotives(DSLContext t, Set<Long> motiveIds, String field) {
        if (!motiveIds.isEmpty() && t.fetchCount(MOTIVE, MOTIVE.ID.in(motiveIds)) != motiveIds.size()) {
            throw new InputRejectedException(field, "sellogram.error.motive");
        }
    }

    private void checkRow(RowInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (input.feature().length() > MAX_CELL) {
            errors.put("feature", "row.error.long");
        }
        if (input.advantage().length() > MAX_CELL) {
            errors.put("advantage", "row.error.long");
        }
        if (input.benefit().length() > MAX_CELL) {
            errors.put("benefit", "row.error.long");
        }
        if (input.feature().isEmpty() && input.advantage().isEmpty() && input.benefit().isEmpty()) {
            errors.put("feature", "row.error.empty");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        checkMotives(dsl, input.motiveIds(), "motives");
    }

    private static void insertMotives(DSLContext t, long id, Set<Long> motiveIds) {
        if (motiveIds.isEmpty()) {
            return;
        }
        var insert = t.insertInto(SELLOGRAM_MOTIVE, SELLOGRAM_MOTIVE.SELLOGRAM_ID, SELLOGRAM_MOTIVE.MOTIVE_ID);
        motiveIds.forEach(motive -> insert.values(id, motive));
        insert.execute();
    }

    private static void insertRowMotives(DSLContext t, long rowId, Set<Long> motiveIds) {
        if (motiveIds.isEmpty()) {
            return;
        }
        var insert = t.insertInto(ROW_MOTIVE, ROW_MOTIVE.ROW_ID, ROW_MOTIVE.MOTIVE_ID);
        motiveIds.forEach(motive -> insert.values(rowId, motive));
        insert.execute();
    }
}

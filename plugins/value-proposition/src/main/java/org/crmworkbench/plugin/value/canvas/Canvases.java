package org.crmworkbench.plugin.value.canvas;

import org.crmworkbench.plugin.value.ChangedMeanwhileException;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.ValuePermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_PRODUCTS;
import static org.crmworkbench.plugin.value.jooq.Tables.CANVAS;
import static org.crmworkbench.plugin.value.jooq.Tables.CANVAS_FIT;
import static org.crmworkbench.plugin.value.jooq.Tables.CANVAS_ITEM;

/**
 * Value proposition canvases: per segment (industry and/or account level) or per account, at most one
 * per account. Every change to a canvas or its items checks and raises its version.
 */
public final class Canvases {

    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 500;
    public static final int MAX_ALTERNATIVE = 300;
    public static final int MAX_ITEMS = 200;
    /** The DMU roles of core contacts, each of which may have its own customer profile. */
    public static final List<String> DMU_ROLES = List.of("USER", "INFLUENCER", "BUYER", "DECIDER", "GATEKEEPER", "INITIATOR");
    public static final List<String> ACCOUNT_LEVELS = List.of("REGIONAL", "NATIONAL", "INTERNATIONAL");

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Canvases(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Canvases(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    public long create(CanvasInput input, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        validate(null, input);
        LocalDateTime now = LocalDateTime.now(clock);
        return dsl.insertInto(CANVAS, CANVAS.NAME, CANVAS.ACCOUNT_ID, CANVAS.INDUSTRY, CANVAS.ACCOUNT_LEVEL, CANVAS.ALTERNATIVE,
                        CANVAS.FIT_TOP, CANVAS.UPDATED_AT, CANVAS.UPDATED_BY)
                .values(input.name(), input.accountId(), input.industry(), input.accountLevel(), input.alternative(),
                        input.fitTop(), now, by)
                .returningResult(CANVAS.ID).fetchSingle().value1();
    }

    /** Changes the head of a canvas; returns its new version. */
    public int update(long id, int version, CanvasInput input, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        validate(id, input);
        int rows = dsl.update(CANVAS).set(CANVAS.NAME, input.name()).set(CANVAS.ACCOUNT_ID, input.accountId())
                .set(CANVAS.INDUSTRY, input.industry()).set(CANVAS.ACCOUNT_LEVEL, input.accountLevel())
                .set(CANVAS.ALTERNATIVE, input.alternative()).set(CANVAS.FIT_TOP, input.fitTop())
                .set(CANVAS.UPDATED_AT, LocalDateTime.now(clock)).set(CANVAS.UPDATED_BY, by).set(CANVAS.VERSION, CANVAS.VERSION.plus(1))
                .where(CANVAS.ID.eq(id).and(CANVAS.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
        return version + 1;
    }

    public void delete(long id, int version) {
        requirePermission.accept(ValuePermissions.EDIT);
        if (dsl.deleteFrom(CANVAS).where(CANVAS.ID.eq(id).and(CANVAS.VERSION.eq(version))).execute() == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    public Optional<Canvas> find(long id) {
        var head = dsl.select(CANVAS.asterisk(), V_ACCOUNTS.NAME).from(CANVAS).leftJoin(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(CANVAS.ACCOUNT_ID))
                .where(CANVAS.ID.eq(id)).fetchOptional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var r = head.get();
        Map<Long, Set<Long>> answers = dsl.select(CANVAS_FIT.CUSTOMER_ITEM_ID, CANVAS_FIT.VALUE_ITEM_ID).from(CANVAS_FIT)
                .join(CANVAS_ITEM).on(CANVAS_ITEM.ID.eq(CANVAS_FIT.CUSTOMER_ITEM_ID)).where(CANVAS_ITEM.CANVAS_ID.eq(id))
                .fetchGroups(CANVAS_FIT.CUSTOMER_ITEM_ID, CANVAS_FIT.VALUE_ITEM_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        var items = dsl.selectFrom(CANVAS_ITEM).where(CANVAS_ITEM.CANVAS_ID.eq(id)).orderBy(CANVAS_ITEM.KIND, CANVAS_ITEM.POSITION)
                .fetch(i -> new CanvasItem(i.getId(), ItemKind.valueOf(i.getKind()), i.getDmuRole(),
                        i.getJobType() == null ? null : JobType.valueOf(i.getJobType()), i.getSeverity(),
                        i.getGainLevel() == null ? null : GainLevel.valueOf(i.getGainLevel()), i.getProductId(), i.getText(),
                        i.getPosition(), answers.getOrDefault(i.getId(), Set.of())));
        return Optional.of(new Canvas(id, r.get(CANVAS.NAME), r.get(CANVAS.ACCOUNT_ID), r.get(V_ACCOUNTS.NAME), r.get(CANVAS.INDUSTRY),
                r.get(CANVAS.ACCOUNT_LEVEL), r.get(CANVAS.ALTERNATIVE), r.get(CANVAS.FIT_TOP), r.get(CANVAS.STATEMENT_JOB_ID),
                r.get(CANVAS.STATEMENT_OFFER_ID), r.get(CANVAS.STATEMENT_ANSWER_ID), items, r.get(CANVAS.UPDATED_AT),
                r.get(CANVAS.UPDATED_BY), r.get(CANVAS.VERSION)));
    }

    /** Adds an item at the end of its kind; returns the canvas's new version. */
    public int addItem(long canvasId, int version, ItemInput input, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        String text = checkItem(input);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, canvasId, version, by);
            var counts = t.select(DSL.count(), DSL.coalesce(DSL.max(CANVAS_ITEM.POSITION).filterWhere(CANVAS_ITEM.KIND.eq(input.kind().name())), 0))
                    .from(CANVAS_ITEM).where(CANVAS_ITEM.CANVAS_ID.eq(canvasId)).fetchSingle();
            if (counts.value1() >= MAX_ITEMS) {
                throw new InputRejectedException("text", "canvas.error.too-many-items");
            }
            t.insertInto(CANVAS_ITEM, CANVAS_ITEM.CANVAS_ID, CANVAS_ITEM.KIND, CANVAS_ITEM.DMU_ROLE, CANVAS_ITEM.JOB_TYPE,
                            CANVAS_ITEM.SEVERITY, CANVAS_ITEM.GAIN_LEVEL, CANVAS_ITEM.PRODUCT_ID, CANVAS_ITEM.TEXT, CANVAS_ITEM.POSITION)
                    .values(canvasId, input.kind().name(), input.dmuRole(), input.jobType() == null ? null : input.jobType().name(),
                            input.severity(), input.gainLevel() == null ? null : input.gainLevel().name(), input.productId(), text,
                            counts.value2() + 1)
                    .execute();
            return next;
        });
    }

    /** Changes an item's text, role, job type, severity or level (not its kind); returns the new version. */
    public int updateItem(long canvasId, int version, long itemId, ItemInput input, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        String text = checkItem(input);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, canvasId, version, by);
            int rows = t.update(CANVAS_ITEM).set(CANVAS_ITEM.DMU_ROLE, input.dmuRole())
                    .set(CANVAS_ITEM.JOB_TYPE, input.jobType() == null ? null : input.jobType().name())
                    .set(CANVAS_ITEM.SEVERITY, input.severity())
                    .set(CANVAS_ITEM.GAIN_LEVEL, input.gainLevel() == null ? null : input.gainLevel().name())
                    .set(CANVAS_ITEM.PRODUCT_ID, input.productId()).set(CANVAS_ITEM.TEXT, text)
                    .where(CANVAS_ITEM.ID.eq(itemId).and(CANVAS_ITEM.CANVAS_ID.eq(canvasId)).and(CANVAS_ITEM.KIND.eq(input.kind().name())))
                    .execute();
            if (rows == 0) {
                throw new ChangedMeanwhileException();
            }
            return next;
        });
    }

    /** Deletes an item and its links; a statement choice that pointed at it falls back to the default. */
    public int deleteItem(long canvasId, int version, long itemId, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, canvasId, version, by);
            if (t.deleteFrom(CANVAS_ITEM).where(CANVAS_ITEM.ID.eq(itemId).and(CANVAS_ITEM.CANVAS_ID.eq(canvasId))).execute() == 0) {
                throw new ChangedMeanwhileException();
            }
            t.update(CANVAS)
                    .set(CANVAS.STATEMENT_JOB_ID, DSL.when(CANVAS.STATEMENT_JOB_ID.eq(itemId), DSL.inline((Long) null)).otherwise(CANVAS.STATEMENT_JOB_ID))
                    .set(CANVAS.STATEMENT_OFFER_ID, DSL.when(CANVAS.STATEMENT_OFFER_ID.eq(itemId), DSL.inline((Long) null)).otherwise(CANVAS.STATEMENT_OFFER_ID))
                    .set(CANVAS.STATEMENT_ANSWER_ID, DSL.when(CANVAS.STATEMENT_ANSWER_ID.eq(itemId), DSL.inline((Long) null)).otherwise(CANVAS.STATEMENT_ANSWER_ID))
                    .where(CANVAS.ID.eq(canvasId)).execute();
            return next;
        });
    }

    /**
     * Sets which relievers answer a pain, or which creators a gain; returns the new version.
     *
     * @throws InputRejectedException when an answer is not a reliever (for a pain) or creator (for a
     *                                gain) of the same canvas
     */
    public int answer(long canvasId, int version, long customerItemId, Set<Long> valueItemIds, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, canvasId, version, by);
            String kind = t.select(CANVAS_ITEM.KIND).from(CANVAS_ITEM)
                    .where(CANVAS_ITEM.ID.eq(customerItemId).and(CANVAS_ITEM.CANVAS_ID.eq(canvasId))).fetchOne(CANVAS_ITEM.KIND);
            if (kind == null) {
                throw new ChangedMeanwhileException();
            }
            ItemKind answeredBy = ItemKind.valueOf(kind).answeredBy();
            if (answeredBy == null || (!valueItemIds.isEmpty() && t.fetchCount(CANVAS_ITEM, CANVAS_ITEM.ID.in(valueItemIds)
                    .and(CANVAS_ITEM.CANVAS_ID.eq(canvasId)).and(CANVAS_ITEM.KIND.eq(answeredBy.name()))) != valueItemIds.size())) {
                throw new InputRejectedException("answers", "canvas.error.answer");
            }
            t.deleteFrom(CANVAS_FIT).where(CANVAS_FIT.CUSTOMER_ITEM_ID.eq(customerItemId)).execute();
            if (!valueItemIds.isEmpty()) {
                var insert = t.insertInto(CANVAS_FIT, CANVAS_FIT.CUSTOMER_ITEM_ID, CANVAS_FIT.VALUE_ITEM_ID);
                valueItemIds.forEach(value -> insert.values(customerItemId, value));
                insert.execute();
            }
            return next;
        });
    }

    /** Chooses the job, product or service and reliever or creator of the statement (null: the default); returns the new version. */
    public int chooseStatement(long canvasId, int version, Long jobId, Long offerId, Long answerId, String by) {
        requirePermission.accept(ValuePermissions.EDIT);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            int next = touch(t, canvasId, version, by);
            check(t, canvasId, jobId, Set.of(ItemKind.JOB));
            check(t, canvasId, offerId, Set.of(ItemKind.OFFER));
            check(t, canvasId, answerId, Set.of(ItemKind.RELIEVER, ItemKind.CREATOR));
            t.update(CANVAS).set(CANVAS.STATEMENT_JOB_ID, jobId).set(CANVAS.STATEMENT_OFFER_ID, offerId)
                    .set(CANVAS.STATEMENT_ANSWER_ID, answerId).where(CANVAS.ID.eq(canvasId)).execute();
            return next;
        });
    }

    /** A canvas in a list, with how many of its pains and gains no answer covers yet. */
    public record Listing(long id, String name, Long accountId, String accountName, String industry, String accountLevel,
                          int pains, int gains, int unanswered, LocalDateTime updatedAt, String updatedBy) {
    }

    /**
     * A page of canvases, by name; {@code text} matches the name, the industry or the account. The
     * workbench lists segment canvases only: an account's canvas is reached from that account.
     */
    public List<Listing> list(String text, boolean segmentsOnly, int offset, int limit) {
        var customer = CANVAS_ITEM.as("c");
        var pains = DSL.selectCount().from(customer).where(customer.CANVAS_ID.eq(CANVAS.ID).and(customer.KIND.eq(ItemKind.PAIN.name()))).asField("pains");
        var gains = DSL.selectCount().from(customer).where(customer.CANVAS_ID.eq(CANVAS.ID).and(customer.KIND.eq(ItemKind.GAIN.name()))).asField("gains");
        var unanswered = DSL.selectCount().from(customer).where(customer.CANVAS_ID.eq(CANVAS.ID)
                .and(customer.KIND.in(ItemKind.PAIN.name(), ItemKind.GAIN.name()))
                .and(DSL.notExists(DSL.selectOne().from(CANVAS_FIT).where(CANVAS_FIT.CUSTOMER_ITEM_ID.eq(customer.ID))))).asField("unanswered");
        return dsl.select(CANVAS.ID, CANVAS.NAME, CANVAS.ACCOUNT_ID, V_ACCOUNTS.NAME, CANVAS.INDUSTRY, CANVAS.ACCOUNT_LEVEL,
                        pains, gains, unanswered, CANVAS.UPDATED_AT, CANVAS.UPDATED_BY)
                .from(CANVAS).leftJoin(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(CANVAS.ACCOUNT_ID))
                .where(matching(text, segmentsOnly)).orderBy(CANVAS.NAME, CANVAS.ID).offset(offset).limit(limit)
                .fetch(r -> new Listing(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        (Integer) r.get(6), (Integer) r.get(7), (Integer) r.get(8), r.value10(), r.value11()));
    }

    public int count(String text, boolean segmentsOnly) {
        return dsl.fetchCount(DSL.selectOne().from(CANVAS).leftJoin(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(CANVAS.ACCOUNT_ID))
                .where(matching(text, segmentsOnly)));
    }

    /**
     * The canvas that speaks for an account: its own, else the segment canvas that matches it best
     * (industry and level, then industry, then level); empty when none does.
     */
    public Optional<Long> forAccount(long accountId) {
        var account = dsl.select(V_ACCOUNTS.INDUSTRY, V_ACCOUNTS.ACCOUNT_LEVEL).from(V_ACCOUNTS).where(V_ACCOUNTS.ID.eq(accountId)).fetchOptional();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        String industry = account.get().value1();
        String level = account.get().value2();
        Condition segment = CANVAS.ACCOUNT_ID.isNull()
                .and(CANVAS.INDUSTRY.isNull().or(industry == null ? DSL.falseCondition() : CANVAS.INDUSTRY.eq(industry)))
                .and(CANVAS.ACCOUNT_LEVEL.isNull().or(CANVAS.ACCOUNT_LEVEL.eq(level)));
        return dsl.select(CANVAS.ID).from(CANVAS).where(CANVAS.ACCOUNT_ID.eq(accountId).or(segment))
                .orderBy(DSL.when(CANVAS.ACCOUNT_ID.eq(accountId), 0).otherwise(1),
                        DSL.when(CANVAS.INDUSTRY.isNotNull(), 0).otherwise(1),
                        DSL.when(CANVAS.ACCOUNT_LEVEL.isNotNull(), 0).otherwise(1), CANVAS.UPDATED_AT.desc(), CANVAS.ID)
                .limit(1).fetchOptional(CANVAS.ID);
    }

    /** The industries of the core's accounts, for choosing a segment. */
    public List<String> industries() {
        return dsl.selectDistinct(V_ACCOUNTS.INDUSTRY).from(V_ACCOUNTS).where(V_ACCOUNTS.INDUSTRY.isNotNull())
                .orderBy(V_ACCOUNTS.INDUSTRY).limit(500).fetch(V_ACCOUNTS.INDUSTRY);
    }

    private static Condition matching(String text, boolean segmentsOnly) {
        Condition scope = segmentsOnly ? CANVAS.ACCOUNT_ID.isNull() : DSL.noCondition();
        if (text == null || text.isBlank()) {
            return scope;
        }
        String t = text.strip();
        return scope.and(CANVAS.NAME.containsIgnoreCase(t).or(CANVAS.INDUSTRY.containsIgnoreCase(t)).or(V_ACCOUNTS.NAME.containsIgnoreCase(t)));
    }

    private int touch(DSLContext t, long id, int version, String by) {
        int rows = t.update(CANVAS).set(CANVAS.VERSION, CANVAS.VERSION.plus(1)).set(CANVAS.UPDATED_AT, LocalDateTime.now(clock))
                .set(CANVAS.UPDATED_BY, by).where(CANVAS.ID.eq(id).and(CANVAS.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
        return version + 1;
    }

    private static void check(DSLContext t, long canvasId, Long itemId, Set<ItemKind> kinds) {
        if (itemId != null && !t.fetchExists(CANVAS_ITEM, CANVAS_ITEM.ID.eq(itemId).and(CANVAS_ITEM.CANVAS_ID.eq(canvasId))
                .and(CANVAS_ITEM.KIND.in(kinds.stream().map(Enum::name).toList())))) {
            throw new InputRejectedException("statement", "canvas.error.statement");
        }
    }

    private void validate(Long id, CanvasInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (input.name().isEmpty()) {
            errors.put("name", "canvas.error.name-required");
        } else if (input.name().length() > MAX_NAME) {
            errors.put("name", "canvas.error.name-long");
        }
        if (input.accountId() != null) {
            if (input.industry() != null || input.accountLevel() != null) {
                errors.put("account", "canvas.error.scope-both");
            } else if (!dsl.fetchExists(V_ACCOUNTS, V_ACCOUNTS.ID.eq(input.accountId()))) {
                errors.put("account", "canvas.error.account");
            } else if (dsl.fetchExists(CANVAS, CANVAS.ACCOUNT_ID.eq(input.accountId()).and(id == null ? DSL.noCondition() : CANVAS.ID.ne(id)))) {
                errors.put("account", "canvas.error.account-taken");
            }
        } else if (input.industry() == null && input.accountLevel() == null) {
            errors.put("industry", "canvas.error.segment-required");
        }
        if (input.industry() != null && input.industry().length() > 100) {
            errors.put("industry", "canvas.error.industry-long");
        }
        if (input.accountLevel() != null && !ACCOUNT_LEVELS.contains(input.accountLevel())) {
            errors.put("accountLevel", "canvas.error.level");
        }
        if (input.alternative() != null && input.alternative().length() > MAX_ALTERNATIVE) {
            errors.put("alternative", "canvas.error.alternative-long");
        }
        if (input.fitTop() < 1 || input.fitTop() > 20) {
            errors.put("fitTop", "canvas.error.fit-top");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
    }

    /** Checks an item and gives its text (a catalogue product's name when left empty). */
    private String checkItem(ItemInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (input.kind() == null) {
            throw new InputRejectedException("kind", "canvas.error.kind");
        }
        String text = input.text();
        if (input.kind() == ItemKind.OFFER && input.productId() != null) {
            var product = dsl.select(V_PRODUCTS.NAME).from(V_PRODUCTS).where(V_PRODUCTS.ID.eq(input.productId())).fetchOptional(V_PRODUCTS.NAME);
            if (product.isEmpty()) {
                errors.put("product", "canvas.error.product");
            } else if (text.isEmpty()) {
                text = product.get();
            }
        } else if (input.productId() != null) {
            errors.put("product", "canvas.error.product");
        }
        if (text.isEmpty()) {
            errors.put("text", "canvas.error.text-required");
        } else if (text.length() > MAX_TEXT) {
            errors.put("text", "canvas.error.text-long");
        }
        if (input.dmuRole() != null && (!input.kind().customerSide() || !DMU_ROLES.contains(input.dmuRole()))) {
            errors.put("dmuRole", "canvas.error.role");
        }
        if ((input.kind() == ItemKind.JOB) != (input.jobType() != null)) {
            errors.put("jobType", "canvas.error.job-type");
        }
        if ((input.kind() == ItemKind.PAIN) != (input.severity() != null)
                || (input.severity() != null && (input.severity() < 1 || input.severity() > 5))) {
            errors.put("severity", "canvas.error.severity");
        }
        if ((input.kind() == ItemKind.GAIN) != (input.gainLevel() != null)) {
            errors.put("gainLevel", "canvas.error.gain-level");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        return text;
    }
}

package org.crmworkbench.plugin.tender.register;

import org.crmworkbench.api.account.Accounts;
import org.crmworkbench.plugin.tender.Amounts;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.crmworkbench.plugin.tender.award.AwardMethod;
import org.crmworkbench.plugin.tender.award.PriceFormula;
import org.crmworkbench.plugin.tender.decision.Decision;
import org.crmworkbench.plugin.tender.jooq.tables.records.TenderRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_USERS;
import static org.crmworkbench.plugin.tender.jooq.Tables.BID_DECISION;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_STATUS_CHANGE;

/**
 * The tender register: tenders created, edited with optimistic locking, searched with paging in SQL,
 * and moved through the pipeline by the {@link TransitionRule}. A won tender makes its authority a
 * customer in core (a won opportunity, through the platform's {@link Accounts}).
 */
public final class Tenders {

    /** How the register sorts. */
    public enum Sort {
        TITLE, AUTHORITY, DEADLINE, VALUE, STATUS, UPDATED
    }

    /**
     * What the register shows.
     *
     * @param text        part of the title, reference, authority name or CPV codes; empty for all
     * @param statuses    empty for every status
     * @param authorityId only this authority's tenders, or null
     */
    public record Search(String text, Set<TenderStatus> statuses, Long authorityId) {
        public static final Search ALL = new Search("", Set.of(), null);

        public static Search of(long authorityId) {
            return new Search("", Set.of(), authorityId);
        }
    }

    /** A status's number of tenders and their estimated value, per currency. */
    public record StatusTotal(int count, Amounts value) {
        StatusTotal plus(int more, String currency, BigDecimal amount) {
            return new StatusTotal(count + more, value.plus(currency, amount));
        }
    }

    /** A status change in a tender's history. */
    public record StatusChange(TenderStatus from, TenderStatus to, LocalDateTime at, String by) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Accounts accounts;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Tenders(DSLContext dsl, Clock clock, Accounts accounts) {
        this(dsl, clock, accounts, permission -> { });
    }

    /**
     * Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}.
     *
     * @param accounts the platform's accounts, to record won tenders; null where none are won
     * @param requirePermission refuses a user without the permission a change needs
     */
    public Tenders(DSLContext dsl, Clock clock, Accounts accounts, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.accounts = accounts;
        this.requirePermission = requirePermission;
    }

    public long create(TenderInput input, String by) {
        requirePermission.accept(TenderPermissions.EDIT);
        TenderChecks.validate(dsl, input);
        var now = LocalDateTime.now(clock);
        return dsl.transactionResult(tx -> {
            var record = record(input, now, by);
            record.attach(tx.dsl().configuration());
            record.store();
            tx.dsl().insertInto(TENDER_STATUS_CHANGE, TENDER_STATUS_CHANGE.TENDER_ID, TENDER_STATUS_CHANGE.TO_STATUS,
                    TENDER_STATUS_CHANGE.CHANGED_AT, TENDER_STATUS_CHANGE.CHANGED_BY)
                    .values(record.getId(), TenderStatus.IDENTIFIED.name(), now, by).execute();
            return record.getId();
        });
    }

    /**
     * Creates many tenders in one transaction, e.g. from an import; checked as one by one.
     *
     * @throws InputRejectedException for the first that breaks a rule; nothing is saved
     */
    public int createAll(List<TenderInput> inputs, String by) {
        requirePermission.accept(TenderPermissions.EDIT);
        inputs.forEach(input -> TenderChecks.validate(dsl, input));
        var now = LocalDateTime.now(clock);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            for (int from = 0; from < inputs.size(); from += 500) {
                var insert = t.insertInto(TENDER).set(record(inputs.get(from), now, by));
                for (var input : inputs.subList(from + 1, Math.min(inputs.size(), from + 500))) {
                    insert = insert.newRecord().set(record(input, now, by));
                }
                List<Long> ids = insert.returningResult(TENDER.ID).fetch(TENDER.ID);
                var history = t.insertInto(TENDER_STATUS_CHANGE, TENDER_STATUS_CHANGE.TENDER_ID, TENDER_STATUS_CHANGE.TO_STATUS,
                        TENDER_STATUS_CHANGE.CHANGED_AT, TENDER_STATUS_CHANGE.CHANGED_BY);
                for (long id : ids) {
                    history = history.values(id, TenderStatus.IDENTIFIED.name(), now, by);
                }
                history.execute();
            }
            return inputs.size();
        });
    }

    private TenderRecord record(TenderInput input, LocalDateTime now, String by) {
        var record = dsl.newRecord(TENDER);
        fill(record, input);
        record.setStatus(TenderStatus.IDENTIFIED.name());
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        record.setUpdatedBy(by);
        return record;
    }

    /** The broken rules of a tender's fields that need no database: field name to message key. */
    public static Map<String, String> check(TenderInput input) {
        return TenderChecks.check(input);
    }

    /**
     * Saves a tender that still has {@code version}.
     *
     * @throws InputRejectedException    when the input breaks a rule; nothing is saved
     * @throws ChangedMeanwhileException when someone saved or deleted it in between
     */
    public void update(long id, int version, TenderInput input, String by) {
        requirePermission.accept(TenderPermissions.EDIT);
        TenderChecks.validate(dsl, input);
        var record = dsl.newRecord(TENDER);
        fill(record, input);
        int rows = dsl.update(TENDER).set(record).set(TENDER.UPDATED_AT, LocalDateTime.now(clock)).set(TENDER.UPDATED_BY, by)
                .set(TENDER.VERSION, TENDER.VERSION.plus(1)).where(TENDER.ID.eq(id).and(TENDER.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    public Optional<Tender> find(long id) {
        return select().where(TENDER.ID.eq(id)).fetchOptional(this::toTender);
    }

    public List<Tender> search(Search search, Sort sort, boolean descending, int offset, int limit) {
        return select().where(condition(search)).orderBy(order(sort, descending), TENDER.ID.desc())
                .offset(offset).limit(limit).fetch(this::toTender);
    }

    public int count(Search search) {
        return dsl.fetchCount(dsl.select(TENDER.ID).from(TENDER).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(TENDER.AUTHORITY_ID))
                .where(condition(search)));
    }

    /** Number and estimated value (per currency) of the tenders per status; every status present, zero when none. */
    public Map<TenderStatus, StatusTotal> totals(Search search) {
        var totals = new EnumMap<TenderStatus, StatusTotal>(TenderStatus.class);
        for (TenderStatus status : TenderStatus.values()) {
            totals.put(status, new StatusTotal(0, Amounts.NONE));
        }
        dsl.select(TENDER.STATUS, TENDER.CURRENCY, DSL.count(), DSL.sum(TENDER.ESTIMATED_VALUE))
                .from(TENDER).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(TENDER.AUTHORITY_ID))
                .where(condition(search)).groupBy(TENDER.STATUS, TENDER.CURRENCY)
                .forEach(r -> totals.compute(TenderStatus.valueOf(r.value1()), (status, total) -> total.plus(r.value3(), r.value2(), r.value4())));
        return totals;
    }

    /** The statuses this tender may move to now, each with the reason it is refused (empty when allowed). */
    public Map<TenderStatus, Optional<String>> moves(Tender tender) {
        return moves(tender, decision(dsl, tender.id()));
    }

    /** The same, given the tender's recorded decision (null when none), e.g. from {@link #decisions}. */
    public Map<TenderStatus, Optional<String>> moves(Tender tender, Decision decision) {
        var moves = new EnumMap<TenderStatus, Optional<String>>(TenderStatus.class);
        for (TenderStatus to : tender.status().next()) {
            moves.put(to, TransitionRule.refusal(tender.status(), to, decision, tender.input().dates().submissionDeadline(),
                    LocalDate.now(clock)));
        }
        return moves;
    }

    /**
     * Moves a tender to another status. Lost needs a reason. Won records a won opportunity on the
     * authority, which becomes a customer; the award decision date is today's unless one is entered.
     *
     * @throws InputRejectedException    when the {@link TransitionRule} refuses the move (field {@code status})
     *                                   or a lost tender has no reason (field {@code lostReason})
     * @throws ChangedMeanwhileException when someone saved it in between
     */
    public void move(long id, int version, TenderStatus to, LostReason reason, String by) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.transaction(tx -> {
            var record = tx.dsl().selectFrom(TENDER).where(TENDER.ID.eq(id)).forUpdate().fetchOptional()
                    .filter(r -> r.getVersion() == version).orElseThrow(ChangedMeanwhileException::new);
            var from = TenderStatus.valueOf(record.getStatus());
            LocalDate today = LocalDate.now(clock);
            TransitionRule.refusal(from, to, decision(tx.dsl(), id), record.getSubmissionDeadline(), today).ifPresent(key -> {
                throw new InputRejectedException("status", key);
            });
            if (to == TenderStatus.LOST && reason == null) {
                throw new InputRejectedException("lostReason", "tender.error.lost-reason");
            }
            if (to.decided() && record.getAwardDecisionDate() == null) {
                record.setAwardDecisionDate(today);
            }
            if (to == TenderStatus.WON) {
                BigDecimal value = record.getEstimatedValue() == null ? BigDecimal.ZERO : record.getEstimatedValue();
                try {
                    record.setOpportunityId(accounts.recordWonDeal(record.getAuthorityId(), record.getTitle(), value,
                            record.getAwardDecisionDate()));
                } catch (RuntimeException e) { // refused, no user, or the account changed in between: the tender stays as it is
                    throw new InputRejectedException("status", "transition.error.core-refused");
                }
            }
            record.setLostReason(to == TenderStatus.LOST ? reason.name() : null);
            record.setStatus(to.name());
            record.setUpdatedAt(LocalDateTime.now(clock));
            record.setUpdatedBy(by);
            record.setVersion(version + 1);
            record.update();
            tx.dsl().insertInto(TENDER_STATUS_CHANGE, TENDER_STATUS_CHANGE.TENDER_ID, TENDER_STATUS_CHANGE.FROM_STATUS,
                    TENDER_STATUS_CHANGE.TO_STATUS, TENDER_STATUS_CHANGE.CHANGED_AT, TENDER_STATUS_CHANGE.CHANGED_BY)
                    .values(id, from.name(), to.name(), LocalDateTime.now(clock), by).execute();
        });
    }

    public List<StatusChange> history(long id) {
        return dsl.selectFrom(TENDER_STATUS_CHANGE).where(TENDER_STATUS_CHANGE.TENDER_ID.eq(id))
                .orderBy(TENDER_STATUS_CHANGE.CHANGED_AT, TENDER_STATUS_CHANGE.ID)
                .fetch(r -> new StatusChange(r.getFromStatus() == null ? null : TenderStatus.valueOf(r.getFromStatus()),
                        TenderStatus.valueOf(r.getToStatus()), r.getChangedAt(), r.getChangedBy()));
    }

    /**
     * Deletes a tender with everything it holds.
     *
     * @throws ChangedMeanwhileException when someone saved it in between
     */
    public void delete(long id, int version) {
        requirePermission.accept(TenderPermissions.EDIT);
        if (dsl.deleteFrom(TENDER).where(TENDER.ID.eq(id).and(TENDER.VERSION.eq(version))).execute() == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    /** Deletes the tenders of an authority whose core account is gone. */
    public int deleteOfAuthority(long authorityId) {
        return dsl.deleteFrom(TENDER).where(TENDER.AUTHORITY_ID.eq(authorityId)).execute();
    }

    /** The recorded bid/no-bid decisions of these tenders, by tender id; tenders without one are left out. */
    public Map<Long, Decision> decisions(Collection<Long> tenderIds) {
        return dsl.select(BID_DECISION.TENDER_ID, BID_DECISION.DECISION).from(BID_DECISION).where(BID_DECISION.TENDER_ID.in(tenderIds))
                .fetchMap(BID_DECISION.TENDER_ID, r -> Decision.valueOf(r.value2()));
    }

    static Decision decision(DSLContext dsl, long tenderId) {
        return dsl.select(BID_DECISION.DECISION).from(BID_DECISION).where(BID_DECISION.TENDER_ID.eq(tenderId))
                .fetchOptional(r -> Decision.valueOf(r.value1())).orElse(null);
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(TENDER.asterisk(), V_ACCOUNTS.NAME, V_USERS.DISPLAY_NAME).from(TENDER)
                .join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(TENDER.AUTHORITY_ID))
                .leftJoin(V_USERS).on(V_USERS.ID.eq(TENDER.OWNER_ID));
    }

    static Condition condition(Search search) {
        Condition condition = DSL.noCondition();
        if (search.text() != null && !search.text().isBlank()) {
            String like = "%" + search.text().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            condition = condition.and(DSL.lower(TENDER.TITLE).like(like).or(DSL.lower(TENDER.REFERENCE).like(like))
                    .or(DSL.lower(V_ACCOUNTS.NAME).like(like)).or(TENDER.CPV_CODES.like(like)));
        }
        if (!search.statuses().isEmpty()) {
            condition = condition.and(TENDER.STATUS.in(search.statuses().stream().map(Enum::name).toList()));
        }
        if (search.authorityId() != null) {
            condition = condition.and(TENDER.AUTHORITY_ID.eq(search.authorityId()));
        }
        return condition;
    }

    private static SortField<?> order(Sort sort, boolean descending) {
        if (sort == Sort.STATUS) { // in pipeline order, not alphabetically
            var order = Arrays.stream(TenderStatus.values()).map(Enum::name).toList();
            return descending ? TENDER.STATUS.sortDesc(order) : TENDER.STATUS.sortAsc(order);
        }
        Field<?> field = switch (sort) {
            case TITLE -> TENDER.TITLE;
            case AUTHORITY -> V_ACCOUNTS.NAME;
            case DEADLINE -> TENDER.SUBMISSION_DEADLINE;
            case VALUE -> TENDER.ESTIMATED_VALUE;
            case STATUS -> throw new IllegalStateException("sorted above");
            case UPDATED -> TENDER.UPDATED_AT;
        };
        return descending ? field.desc().nullsLast() : field.asc().nullsLast();
    }

    private Tender toTender(Record r) {
        var t = r.into(TENDER);
        var dates = new KeyDates(t.getPublicationDate(), t.getQuestionsDeadline(), t.getSubmissionDeadline(),
                t.getAwardDecisionDate(), t.getStandstillEnd(), t.getContractStart(), t.getContractEnd());
        var input = new TenderInput(t.getTitle(), t.getAuthorityId(), nullToEmpty(t.getReference()), nullToEmpty(t.getSource()),
                t.getCpvCodes(), ProcedureType.valueOf(t.getProcedureType()), t.getEstimatedValue(), t.getCurrency(), dates,
                t.getOwnerId(), AwardMethod.valueOf(t.getAwardMethod()), PriceFormula.valueOf(t.getPriceFormula()),
                t.getLostReason() == null ? null : LostReason.valueOf(t.getLostReason()), t.getLessons(), t.getEffortHours());
        return new Tender(t.getId(), input, r.get(V_ACCOUNTS.NAME), r.get(V_USERS.DISPLAY_NAME), TenderStatus.valueOf(t.getStatus()),
                t.getOpportunityId(), t.getUpdatedAt(), t.getUpdatedBy(), t.getVersion());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static void fill(TenderRecord record, TenderInput input) {
        var dates = input.dates();
        record.setTitle(input.title().strip());
        record.setAuthorityId(input.authorityId());
        record.setReference(blankToNull(input.reference()));
        record.setSource(blankToNull(input.source()));
        record.setCpvCodes(TenderChecks.normaliseCpv(input.cpvCodes()));
        record.setProcedureType(input.procedure().name());
        record.setEstimatedValue(input.estimatedValue());
        record.setCurrency(input.currency().strip().toUpperCase());
        record.setPublicationDate(dates.publication());
        record.setQuestionsDeadline(dates.questionsDeadline());
        record.setSubmissionDeadline(dates.submissionDeadline());
        record.setAwardDecisionDate(dates.awardDecision());
        record.setStandstillEnd(dates.standstillEnd());
        record.setContractStart(dates.contractStart());
        record.setContractEnd(dates.contractEnd());
        record.setOwnerId(input.ownerId());
        record.setAwardMethod(input.awardMethod().name());
        record.setPriceFormula(input.priceFormula().name());
        record.setLessons(input.lessons() == null ? "" : input.lessons().strip());
        record.setEffortHours(input.effortHours());
        record.changed(TENDER.ID, false);
        record.changed(TENDER.STATUS, false);
        record.changed(TENDER.LOST_REASON, false);
        record.changed(TENDER.OPPORTUNITY_ID, false);
        record.changed(TENDER.VERSION, false);
        record.changed(TENDER.CREATED_AT, false);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.crmworkbench.core.opportunity;

import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.editing.Decimals;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.audit.AuditEntry;
import org.crmworkbench.core.audit.AuditTrail;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.db.jooq.tables.records.OpportunityRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.OPPORTUNITY;

/**
 * Opportunities in the sales funnel. Visibility follows the account (SALES: accounts it manages or is
 * on the team of);
 * listing, sorting and the funnel totals run in SQL; edits use optimistic locking.
 */
public final class OpportunityService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");
    private static final Map<String, Field<?>> SORTABLE = Map.of("name", OPPORTUNITY.NAME, "account", ACCOUNT.NAME,
            "stage", OPPORTUNITY.STAGE, "amount", OPPORTUNITY.AMOUNT, "probability", OPPORTUNITY.PROBABILITY,
            "expectedClose", OPPORTUNITY.EXPECTED_CLOSE, "owner", APP_USER.DISPLAY_NAME);

    private final DSLContext dsl;
    private final Clock clock;
    private final AuditTrail audit;
    private final SecurityLog securityLog;

    public OpportunityService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.securityLog = new SecurityLog(dsl, clock);
        this.clock = clock;
        this.audit = new AuditTrail(dsl, clock);
    }

    public List<Opportunity> page(OpportunityQuery query, UserRef viewer, int offset, int limit) {
        var order = new ArrayList<SortField<?>>();
        for (var sort : query.sorts()) {
            Field<?> field = SORTABLE.get(sort.column());
            if (field != null) {
                order.add(sort.ascending() ? field.asc() : field.desc());
            }
        }
        order.add(OPPORTUNITY.EXPECTED_CLOSE.asc().nullsLast());
        order.add(OPPORTUNITY.ID.asc());
        return dsl.select(OPPORTUNITY.fields()).select(ACCOUNT.NAME, APP_USER.DISPLAY_NAME)
                .from(OPPORTUNITY).join(ACCOUNT).on(ACCOUNT.ID.eq(OPPORTUNITY.ACCOUNT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OPPORTUNITY.OWNER_ID))
                .where(condition(query, viewer))
                .orderBy(order).offset(offset).limit(limit)
                .fetch(r -> toOpportunity(r.into(OPPORTUNITY), r.get(ACCOUNT.NAME), r.get(APP_USER.DISPLAY_NAME)));
    }

    /** The opportunity, if it exists and the viewer may see its account. */
    public Optional<Opportunity> find(long id, UserRef viewer) {
        return dsl.select(OPPORTUNITY.fields()).select(ACCOUNT.NAME, APP_USER.DISPLAY_NAME)
                .from(OPPORTUNITY).join(ACCOUNT).on(ACCOUNT.ID.eq(OPPORTUNITY.ACCOUNT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OPPORTUNITY.OWNER_ID))
                .where(OPPORTUNITY.ID.eq(id).and(AccountService.visibleTo(viewer)))
                .fetchOptional(r -> toOpportunity(r.into(OPPORTUNITY), r.get(ACCOUNT.NAME), r.get(APP_USER.DISPLAY_NAME)));
    }

    public int count(OpportunityQuery query, UserRef viewer) {
        return dsl.selectCount().from(OPPORTUNITY).join(ACCOUNT).on(ACCOUNT.ID.eq(OPPORTUNITY.ACCOUNT_ID))
                .where(condition(query, viewer)).fetchSingle().value1();
    }

    /**
     * The funnel over the open opportunities the viewer may see (optionally one owner's): count, value
     * and weighted value (amount x probability) per stage, every stage present.
     */
    public List<FunnelRow> funnel(UserRef viewer, Long ownerId) {
        Condition condition = OPPORTUNITY.STATUS.eq(OpportunityStatus.OPEN.name()).and(AccountService.visibleTo(viewer));
        if (ownerId != null) {
            condition = condition.and(OPPORTUNITY.OWNER_ID.eq(ownerId));
        }
        var rows = new EnumMap<FunnelStage, FunnelRow>(FunnelStage.class);
        for (FunnelStage stage : FunnelStage.values()) {
            rows.put(stage, new FunnelRow(stage, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
        }
        dsl.select(OPPORTUNITY.STAGE, DSL.count(), DSL.sum(OPPORTUNITY.AMOUNT),
                        DSL.sum(OPPORTUNITY.AMOUNT.mul(OPPORTUNITY.PROBABILITY).div(HUNDRED)))
                .from(OPPORTUNITY).join(ACCOUNT).on(ACCOUNT.ID.eq(OPPORTUNITY.ACCOUNT_ID))
                .where(condition)
                .groupBy(OPPORTUNITY.STAGE)
                .forEach(r -> {
                    var stage = FunnelStage.valueOf(r.value1());
                    rows.put(stage, new FunnelRow(stage, r.value2(), r.value3().setScale(2, RoundingMode.HALF_UP),
                            r.value4().setScale(2, RoundingMode.HALF_UP)));
                });
        return List.copyOf(rows.values());
    }

    /**
     * Adds an opportunity to an account the user may see.
     *
     * @throws InvalidInputException when the input breaks a rule; nothing is saved
     */
    public long add(long accountId, OpportunityData data, UserRef by) {
        validate(accountId, data, by);
        return dsl.transactionResult(tx -> {
            var record = tx.dsl().newRecord(OPPORTUNITY);
            record.setAccountId(accountId);
            fill(record, data, by);
            record.store();
            record.refresh();
            audit.record(tx.dsl(), accountId, AuditEntry.Entity.OPPORTUNITY, record.getId(), AuditEntry.Action.CREATED,
                    AuditTrail.diff(null, toOpportunity(record, null, null).data(), this::display), by);
            return record.getId();
        });
    }

    /**
     * Changes an opportunity that still has {@code expectedVersion}.
     *
     * @throws ConcurrentEditException when someone saved it in between, or it is gone
     * @throws InvalidInputException   when the input breaks a rule
     */
    public void update(long id, int expectedVersion, OpportunityData data, UserRef by) {
        long accountId = dsl.select(OPPORTUNITY.ACCOUNT_ID).from(OPPORTUNITY).join(ACCOUNT).on(ACCOUNT.ID.eq(OPPORTUNITY.ACCOUNT_ID))
                .where(OPPORTUNITY.ID.eq(id).and(AccountService.visibleTo(by))).fetchOptional(OPPORTUNITY.ACCOUNT_ID)
                .orElseThrow(() -> new ConcurrentEditException(null, null));
        validate(accountId, data, by);
        int updated = dsl.transactionResult(tx -> {
            var before = tx.dsl().selectFrom(OPPORTUNITY).where(OPPORTUNITY.ID.eq(id)).fetchSingle();
            var record = tx.dsl().newRecord(OPPORTUNITY);
            fill(record, data, by);
            int rows = tx.dsl().update(OPPORTUNITY).set(record).set(OPPORTUNITY.VERSION, OPPORTUNITY.VERSION.plus(1))
                    .where(OPPORTUNITY.ID.eq(id).and(OPPORTUNITY.VERSION.eq(expectedVersion))).execute();
            if (rows == 1) {
                var after = tx.dsl().selectFrom(OPPORTUNITY).where(OPPORTUNITY.ID.eq(id)).fetchSingle();
                audit.record(tx.dsl(), accountId, AuditEntry.Entity.OPPORTUNITY, id, AuditEntry.Action.CHANGED,
                        AuditTrail.diff(toOpportunity(before, null, null).data(), toOpportunity(after, null, null).data(),
                                this::display), by);
            }
            return rows;
        });
        if (updated == 0) {
            var now = dsl.selectFrom(OPPORTUNITY).where(OPPORTUNITY.ID.eq(id)).fetchOptional();
            throw new ConcurrentEditException(now.map(OpportunityRecord::getUpdatedBy).orElse(null),
                    now.map(OpportunityRecord::getUpdatedAt).orElse(null));
        }
    }

    /**
     * Deletes an opportunity the user may see; the account's audit trail keeps what it was.
     *
     * @param expectedVersion null to delete whatever version is stored
     * @return false when there is no such opportunity the user may see
     * @throws ConcurrentEditException when {@code expectedVersion} is given and someone saved it in between
     */
    public boolean delete(long id, Integer expectedVersion, UserRef by) {
        var current = find(id, by);
        if (current.isEmpty()) {
            return false;
        }
        Opportunity opportunity = current.get();
        Condition version = expectedVersion == null ? DSL.trueCondition() : OPPORTUNITY.VERSION.eq(expectedVersion);
        boolean deleted = dsl.transactionResult(tx -> {
            if (tx.dsl().deleteFrom(OPPORTUNITY).where(OPPORTUNITY.ID.eq(id).and(version)).execute() == 0) {
                return false;
            }
            audit.record(tx.dsl(), opportunity.accountId(), AuditEntry.Entity.OPPORTUNITY, id, AuditEntry.Action.DELETED,
                    AuditTrail.diff(opportunity.data(), null, this::display), by);
            return true;
        });
        if (!deleted) {
            var now = dsl.selectFrom(OPPORTUNITY).where(OPPORTUNITY.ID.eq(id)).fetchOptional();
            if (now.isEmpty()) {
                return false;
            }
            throw new ConcurrentEditException(now.get().getUpdatedBy(), now.get().getUpdatedAt());
        }
        securityLog.deleted(by, "opportunity", id);
        return true;
    }

    /** The rules the fields break, field name to message key; empty when the input is valid. */
    public static Map<String, String> check(OpportunityData data) {
        var errors = new LinkedHashMap<String, String>();
        if (data.name() == null || data.name().isBlank()) {
            errors.put("name", "opportunity.error.name-required");
        } else if (data.name().strip().length() > 200) {
            errors.put("name", "opportunity.error.name-too-long");
        }
        if (data.stage() == null) {
            errors.put("stage", "opportunity.error.stage-required");
        }
        if (data.status() == null) {
            errors.put("status", "opportunity.error.status-required");
        }
        if (data.amount() == null || Decimals.tooPrecise(data.amount()) || data.amount().signum() < 0
                || data.amount().compareTo(MAX_AMOUNT) > 0) {
            errors.put("amount", "opportunity.error.amount");
        }
        if (data.probability() < 0 || data.probability() > 100) {
            errors.put("probability", "opportunity.error.probability");
        }
        if (data.ownerId() == null) {
            errors.put("ownerId", "opportunity.error.owner-required");
        }
        if (data.notes() != null && data.notes().strip().length() > 2000) {
            errors.put("notes", "opportunity.error.notes-too-long");
        }
        return errors;
    }

    private void validate(long accountId, OpportunityData data, UserRef by) {
        var errors = check(data);
        if (!dsl.fetchExists(ACCOUNT, ACCOUNT.ID.eq(accountId).and(AccountService.visibleTo(by)))) {
            errors.put("account", "opportunity.error.account");
        }
        if (data.ownerId() != null && !dsl.fetchExists(APP_USER, APP_USER.ID.eq(data.ownerId()).and(APP_USER.ACTIVE.isTrue()))) {
            errors.put("ownerId", "opportunity.error.owner-required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void fill(OpportunityRecord record, OpportunityData data, UserRef by) {
        record.setName(data.name().strip());
        record.setStage(data.stage().name());
        record.setStatus(data.status().name());
        record.setAmount(data.amount().setScale(2, RoundingMode.HALF_UP));
        record.setProbability(data.probability());
        record.setExpectedClose(data.expectedClose());
        record.setOwnerId(data.ownerId());
        record.setNotes(data.notes() == null || data.notes().isBlank() ? null : data.notes().strip());
        record.setUpdatedAt(LocalDateTime.now(clock));
        record.setUpdatedBy(by.username());
    }

    /** Audit text of a field: the owner by name, the rest plain. */
    private String display(String field, Object value) {
        if ("ownerId".equals(field) && value instanceof Long userId) {
            return dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOne(APP_USER.DISPLAY_NAME);
        }
        return AuditTrail.plain(field, value);
    }

    private static Condition condition(OpportunityQuery query, UserRef viewer) {
        Condition condition = AccountService.visibleTo(viewer);
        if (query.accountId() != null) {
            condition = condition.and(OPPORTUNITY.ACCOUNT_ID.eq(query.accountId()));
        }
        if (query.stage() != null) {
            condition = condition.and(OPPORTUNITY.STAGE.eq(query.stage().name()));
        }
        if (query.status() != null) {
            condition = condition.and(OPPORTUNITY.STATUS.eq(query.status().name()));
        }
        if (query.ownerId() != null) {
            condition = condition.and(OPPORTUNITY.OWNER_ID.eq(query.ownerId()));
        }
        String search = query.search() == null ? "" : query.search().strip();
        if (!search.isEmpty()) {
            String prefix = search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            condition = condition.and(OPPORTUNITY.NAME.like(prefix, '!').or(ACCOUNT.NAME.like(prefix, '!')));
        }
        return condition;
    }

    private static Opportunity toOpportunity(OpportunityRecord r, String accountName, String ownerName) {
        var data = new OpportunityData(r.getName(), FunnelStage.valueOf(r.getStage()), OpportunityStatus.valueOf(r.getStatus()),
                r.getAmount(), r.getProbability(), r.getExpectedClose(), r.getOwnerId(), r.getNotes());
        return new Opportunity(r.getId(), r.getAccountId(), accountName, ownerName, data, r.getUpdatedAt(), r.getUpdatedBy(),
                r.getVersion());
    }
}

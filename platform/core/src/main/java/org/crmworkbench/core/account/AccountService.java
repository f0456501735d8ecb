package org.crmworkbench.core.account;

import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.audit.AuditEntry;
import org.crmworkbench.core.audit.AuditTrail;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.NotAllowedException;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.db.jooq.tables.records.AccountRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_STAGE_HISTORY;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_TEAM;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

/**
 * Accounts in {@code crm_core}: paged, filtered listing in SQL, create and update with validation and
 * optimistic locking, visibility by role (SALES sees the accounts it manages or is on the team of,
 * MANAGER and ADMIN all), the account team and the stage history.
 * Changes are published as {@link AccountEvent}s after they are committed.
 */
public final class AccountService {

    /** Grid column keys that may be sorted on; nothing else reaches the SQL. */
    private static final Map<String, Field<?>> SORTABLE = Map.of("name", ACCOUNT.NAME, "city", ACCOUNT.CITY,
            "cocNumber", ACCOUNT.COC_NUMBER, "stage", ACCOUNT.LIFECYCLE_STAGE, "level", ACCOUNT.ACCOUNT_LEVEL,
            "manager", APP_USER.DISPLAY_NAME);

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<AccountEvent> events;
    private final AuditTrail audit;
    private final SecurityLog securityLog;

    public AccountService(DSLContext dsl, Clock clock, Consumer<AccountEvent> events) {
        this.dsl = dsl;
        this.securityLog = new SecurityLog(dsl, clock);
        this.clock = clock;
        this.events = events;
        this.audit = new AuditTrail(dsl, clock);
    }

    public List<AccountRow> page(AccountQuery query, UserRef viewer, int offset, int limit) {
        var order = new ArrayList<SortField<?>>();
        for (AccountQuery.Sort sort : query.sorts()) {
            Field<?> field = SORTABLE.get(sort.column());
            if (field != null) {
                order.add(sort.ascending() ? field.asc() : field.desc());
            }
        }
        order.add(ACCOUNT.NAME.asc());
        order.add(ACCOUNT.ID.asc());
        return dsl.select(ACCOUNT.ID, ACCOUNT.NAME, ACCOUNT.CITY, ACCOUNT.COC_NUMBER, ACCOUNT.LIFECYCLE_STAGE,
                        ACCOUNT.ACCOUNT_LEVEL, APP_USER.DISPLAY_NAME, group())
                .from(ACCOUNT).leftJoin(APP_USER).on(APP_USER.ID.eq(ACCOUNT.ACCOUNT_MANAGER_ID))
                .where(condition(query, viewer))
                .orderBy(order).offset(offset).limit(limit)
                .fetch(row -> new AccountRow(row.value1(), row.value2(), row.value3(), row.value4(),
                        LifecycleStage.valueOf(row.value5()), AccountLevel.valueOf(row.value6()), row.value7(),
                        CustomerGroup.valueOf(row.value8())));
    }

    public int count(AccountQuery query, UserRef viewer) {
        return dsl.selectCount().from(ACCOUNT).where(condition(query, viewer)).fetchSingle().value1();
    }

    /** How many visible accounts are in each lifecycle stage (every stage present, zero when none). */
    public Map<LifecycleStage, Integer> stageCounts(UserRef viewer) {
        var counts = new EnumMap<LifecycleStage, Integer>(LifecycleStage.class);
        for (LifecycleStage stage : LifecycleStage.values()) {
            counts.put(stage, 0);
        }
        dsl.select(ACCOUNT.LIFECYCLE_STAGE, DSL.count()).from(ACCOUNT).where(visibleTo(viewer))
                .groupBy(ACCOUNT.LIFECYCLE_STAGE)
                .forEach(r -> counts.put(LifecycleStage.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** The account's customer group over the last {@value CustomerGroups#DEFAULT_PERIOD_MONTHS} months. */
    public Optional<CustomerGroup> group(long id, UserRef viewer) {
        return dsl.select(group()).from(ACCOUNT).where(ACCOUNT.ID.eq(id).and(visibleTo(viewer)))
                .fetchOptional(row -> CustomerGroup.valueOf(row.value1()));
    }

    /** The account's team (besides its manager), by name; empty when the viewer may not see the account. */
    public List<TeamMember> team(long id, UserRef viewer) {
        return dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME, ACCOUNT_TEAM.TEAM_ROLE)
                .from(ACCOUNT_TEAM).join(APP_USER).on(APP_USER.ID.eq(ACCOUNT_TEAM.USER_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_TEAM.ACCOUNT_ID))
                .where(ACCOUNT_TEAM.ACCOUNT_ID.eq(id).and(visibleTo(viewer)))
                .orderBy(APP_USER.DISPLAY_NAME)
                .fetch(r -> new TeamMember(r.value1(), r.value2(), r.value3()));
    }

    /** Whether the user may change the account's team: its account manager, MANAGER and ADMIN. */
    public boolean mayManageTeam(long id, UserRef user) {
        return seesAll(user) || dsl.fetchExists(ACCOUNT, ACCOUNT.ID.eq(id).and(ACCOUNT.ACCOUNT_MANAGER_ID.eq(user.id())));
    }

    /**
     * Adds a colleague to the account's team, or changes their team role.
     *
     * @throws InvalidInputException when the user may not manage the team, or the member is not an active user
     */
    public void addToTeam(long id, long userId, String role, UserRef by) {
        if (!mayManageTeam(id, by)) {
            throw new InvalidInputException(Map.of("team", "account.error.team-not-allowed"));
        }
        if (role != null && role.strip().length() > 60) {
            throw new InvalidInputException(Map.of("teamRole", "account.error.too-long"));
        }
        if (!dsl.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.ACTIVE.isTrue()))) {
            throw new InvalidInputException(Map.of("team", "account.error.team-user"));
        }
        String cleanRole = blankToNull(role);
        dsl.insertInto(ACCOUNT_TEAM, ACCOUNT_TEAM.ACCOUNT_ID, ACCOUNT_TEAM.USER_ID, ACCOUNT_TEAM.TEAM_ROLE, ACCOUNT_TEAM.ADDED_BY)
                .values(id, userId, cleanRole, by.username())
                .onDuplicateKeyUpdate().set(ACCOUNT_TEAM.TEAM_ROLE, cleanRole)
                .execute();
    }

    /** Takes a colleague off the account's team; no-op when not on it. */
    public void removeFromTeam(long id, long userId, UserRef by) {
        if (!mayManageTeam(id, by)) {
            throw new InvalidInputException(Map.of("team", "account.error.team-not-allowed"));
        }
        dsl.deleteFrom(ACCOUNT_TEAM).where(ACCOUNT_TEAM.ACCOUNT_ID.eq(id).and(ACCOUNT_TEAM.USER_ID.eq(userId))).execute();
    }

    /** The account's stage changes, newest first; empty when the viewer may not see the account. */
    public List<StageChange> stageHistory(long id, UserRef viewer) {
        var h = ACCOUNT_STAGE_HISTORY;
        return dsl.select(h.FROM_STAGE, h.TO_STAGE, h.CHANGED_AT, h.CHANGED_BY, h.CAUSE)
                .from(h).join(ACCOUNT).on(ACCOUNT.ID.eq(h.ACCOUNT_ID))
                .where(h.ACCOUNT_ID.eq(id).and(visibleTo(viewer)))
                .orderBy(h.CHANGED_AT.desc(), h.ID.desc())
                .fetch(r -> new StageChange(r.value1() == null ? null : LifecycleStage.valueOf(r.value1()),
                        LifecycleStage.valueOf(r.value2()), r.value3(), r.value4(), StageChangeCause.valueOf(r.value5())));
    }

    private Field<String> group() {
        return CustomerGroups.lastYear(LocalDate.now(clock));
    }

    /** The account, if it exists and the viewer may see it. */
    public Optional<Account> find(long id, UserRef viewer) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id).and(visibleTo(viewer)))
                .fetchOptional(AccountService::toAccount);
    }

    /**
     * Creates an account. A SALES user who names no account manager becomes it (as the editor
     * proposes), so the new account is not out of their sight at once.
     *
     * @throws InvalidInputException when the input breaks a rule (also: a manager who is not an active
     *                               user); nothing is saved
     */
    public long create(AccountData input, UserRef by) {
        AccountData data = input.accountManagerId() == null && !seesAll(by)
                ? input.managedBy(by.id()) : input; // a sales user's new account is theirs, as in the editor
        validate(data);
        long id;
        try {
            id = dsl.transactionResult(tx -> {
                long created = tx.dsl().insertInto(ACCOUNT).set(fields(data, by)).returningResult(ACCOUNT.ID)
                        .fetchSingle().value1();
                recordStage(tx.dsl(), created, null, data.stage(), by, StageChangeCause.CREATED);
                audit.record(tx.dsl(), created, AuditEntry.Entity.ACCOUNT, created, AuditEntry.Action.CREATED,
                        AuditTrail.diff(null, stored(tx.dsl(), created), this::display), by);
                return created;
            });
        } catch (IntegrityConstraintViolationException e) {
            throw duplicateOrRethrow(e);
        }
        events.accept(new AccountEvent.AccountCreated(id, clock.instant()));
        return id;
    }

    /**
     * Updates an account that still has {@code expectedVersion}.
     *
     * @throws ConcurrentEditException     when someone saved it in between (says who and when)
     * @throws InvalidInputException  when the input breaks a rule
     */
    public void update(long id, int expectedVersion, AccountData data, UserRef by) {
        validate(data);
        Account before = find(id, by).orElseThrow(() -> new ConcurrentEditException(null, null));
        boolean stageChanged = before.data().stage() != data.stage();
        int updated;
        try {
            updated = dsl.transactionResult(tx -> {
                var fields = fields(data, by);
                if (stageChanged) { // chosen by hand: the lifecycle rules leave it until the next order
                    fields.put(ACCOUNT.STAGE_MANUAL, true);
                }
                int rows = tx.dsl().update(ACCOUNT).set(fields)
                        .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                        .where(ACCOUNT.ID.eq(id).and(ACCOUNT.VERSION.eq(expectedVersion)))
                        .execute();
                if (rows == 1 && stageChanged) {
                    recordStage(tx.dsl(), id, before.data().stage(), data.stage(), by, StageChangeCause.MANUAL);
                }
                if (rows == 1) {
                    audit.record(tx.dsl(), id, AuditEntry.Entity.ACCOUNT, id, AuditEntry.Action.CHANGED,
                            AuditTrail.diff(before.data(), stored(tx.dsl(), id), this::display), by);
                }
                return rows;
            });
        } catch (IntegrityConstraintViolationException e) {
            throw duplicateOrRethrow(e);
        }
        if (updated == 0) {
            Account now = find(id, by).orElseThrow(() -> new ConcurrentEditException(null, null));
            throw new ConcurrentEditException(now.updatedBy(), now.updatedAt());
        }
        var at = clock.instant();
        events.accept(new AccountEvent.AccountChanged(id, at));
        if (stageChanged) {
            events.accept(new AccountEvent.StageChanged(id, at, before.data().stage().name(), data.stage().name()));
        }
    }

    /**
     * Makes an account a customer after a won deal: stage NEW_CUSTOMER, counted as set by hand (the
     * lifecycle rules take over again with the next order), with stage history, audit trail and events.
     * Changes nothing else, so it also works for an account whose other fields no longer pass today's
     * rules (e.g. a manager who left).
     *
     * @return false when the account is a customer already (NEW_CUSTOMER or LOYAL_CUSTOMER)
     * @throws ConcurrentEditException when the account is not visible to the user (or gone)
     */
    public boolean makeCustomer(long id, UserRef by) {
        Account before = find(id, by).orElseThrow(() -> new ConcurrentEditException(null, null));
        var from = before.data().stage();
        if (from == LifecycleStage.NEW_CUSTOMER || from == LifecycleStage.LOYAL_CUSTOMER) {
            return false;
        }
        dsl.transaction(tx -> {
            tx.dsl().update(ACCOUNT).set(ACCOUNT.LIFECYCLE_STAGE, LifecycleStage.NEW_CUSTOMER.name()).set(ACCOUNT.STAGE_MANUAL, true)
                    .set(ACCOUNT.UPDATED_AT, LocalDateTime.now(clock)).set(ACCOUNT.UPDATED_BY, by.username())
                    .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1)).where(ACCOUNT.ID.eq(id)).execute();
            recordStage(tx.dsl(), id, from, LifecycleStage.NEW_CUSTOMER, by, StageChangeCause.MANUAL);
            audit.record(tx.dsl(), id, AuditEntry.Entity.ACCOUNT, id, AuditEntry.Action.CHANGED,
                    AuditTrail.diff(before.data(), stored(tx.dsl(), id), this::display), by);
        });
        var at = clock.instant();
        events.accept(new AccountEvent.AccountChanged(id, at));
        events.accept(new AccountEvent.StageChanged(id, at, from.name(), LifecycleStage.NEW_CUSTOMER.name()));
        return true;
    }

    /** Whether the user may delete accounts: managers and admins; sales mark them "never interested" instead. */
    public static boolean mayDelete(UserRef user) {
        return seesAll(user);
    }

    /**
     * Deletes an account with everything that belongs to it (contacts, interactions, opportunities,
     * orders, plans, team, stage history and audit trail), then publishes
     * {@link AccountEvent.AccountDeleted} so plugins drop what they keep about it.
     *
     * @param expectedVersion null to delete whatever version is stored
     * @return false when there is no such account the user may see
     * @throws NotAllowedException     when the user is not a manager or admin
     * @throws ConcurrentEditException when {@code expectedVersion} is given and someone saved it in between
     */
    public boolean delete(long id, Integer expectedVersion, UserRef by) {
        if (!mayDelete(by)) {
            throw new NotAllowedException("account.error.delete-not-allowed");
        }
        Condition version = expectedVersion == null ? DSL.trueCondition() : ACCOUNT.VERSION.eq(expectedVersion);
        if (dsl.deleteFrom(ACCOUNT).where(ACCOUNT.ID.eq(id).and(version)).execute() == 0) {
            Account now = find(id, by).orElse(null);
            if (now == null) {
                return false;
            }
            throw new ConcurrentEditException(now.updatedBy(), now.updatedAt());
        }
        securityLog.deleted(by, "account", id);
        events.accept(new AccountEvent.AccountDeleted(id, clock.instant()));
        return true;
    }

    private static AccountData stored(DSLContext tx, long id) {
        return tx.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchSingle(AccountService::toAccount).data();
    }

    /** Audit text of a field: the account manager by name, the rest plain. */
    String display(String field, Object value) {
        if ("accountManagerId".equals(field) && value instanceof Long userId) {
            return dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOne(APP_USER.DISPLAY_NAME);
        }
        return AuditTrail.plain(field, value);
    }

    private void recordStage(DSLContext tx, long accountId, LifecycleStage from, LifecycleStage to, UserRef by,
                             StageChangeCause cause) {
        insertStageChanges(tx, List.of(new StageWrite(accountId, from, to)), LocalDateTime.now(clock), by, cause);
    }

    /** A stage change to write: {@code from} is null when the account was just created. */
    record StageWrite(long accountId, LifecycleStage from, LifecycleStage to) {
    }

    /** Writes stage changes with one multi-row INSERT. */
    static void insertStageChanges(DSLContext tx, List<StageWrite> writes, LocalDateTime at, UserRef by,
                                   StageChangeCause cause) {
        if (writes.isEmpty()) {
            return;
        }
        var h = ACCOUNT_STAGE_HISTORY;
        var insert = tx.insertInto(h, h.ACCOUNT_ID, h.FROM_STAGE, h.TO_STAGE, h.CHANGED_AT, h.CHANGED_BY, h.CAUSE);
        for (StageWrite write : writes) {
            insert = insert.values(write.accountId(), write.from() == null ? null : write.from().name(), write.to().name(),
                    at, by.username(), cause.name());
        }
        insert.execute();
    }

    /** Whether the user may (still) see every one of these accounts. */
    public static boolean allVisible(DSLContext tx, java.util.Collection<Long> accountIds, UserRef viewer) {
        var ids = List.copyOf(new java.util.LinkedHashSet<>(accountIds));
        for (int from = 0; from < ids.size(); from += 1_000) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
            if (tx.fetchCount(ACCOUNT, ACCOUNT.ID.in(chunk).and(visibleTo(viewer))) != chunk.size()) {
                return false;
            }
        }
        return true;
    }

    Map<Field<?>, Object> fields(AccountData data, UserRef by) {
        var fields = new LinkedHashMap<Field<?>, Object>();
        fields.put(ACCOUNT.NAME, data.name().strip());
        fields.put(ACCOUNT.COC_NUMBER, blankToNull(data.cocNumber()));
        fields.put(ACCOUNT.VAT_NUMBER, data.vatNumber() == null || data.vatNumber().isBlank() ? null
                : data.vatNumber().strip().replace(" ", "").toUpperCase());
        fields.put(ACCOUNT.WEBSITE, blankToNull(data.website()));
        fields.put(ACCOUNT.INDUSTRY, blankToNull(data.industry()));
        fields.put(ACCOUNT.STREET, blankToNull(data.street()));
        fields.put(ACCOUNT.POSTAL_CODE, blankToNull(data.postalCode()));
        fields.put(ACCOUNT.CITY, blankToNull(data.city()));
        fields.put(ACCOUNT.COUNTRY, data.country());
        fields.put(ACCOUNT.ACCOUNT_LEVEL, data.level().name());
        fields.put(ACCOUNT.LIFECYCLE_STAGE, data.stage().name());
        fields.put(ACCOUNT.LEAD_SOURCE, blankToNull(data.leadSource()));
        fields.put(ACCOUNT.NEVER_INTERESTED, data.neverInterested());
        fields.put(ACCOUNT.POTENTIAL_VALUE, data.potentialValue());
        fields.put(ACCOUNT.NOTES, blankToNull(data.notes()));
        fields.put(ACCOUNT.ACCOUNT_MANAGER_ID, data.accountManagerId());
        fields.put(ACCOUNT.UPDATED_AT, LocalDateTime.now(clock));
        fields.put(ACCOUNT.UPDATED_BY, by.username());
        return fields;
    }

    private void validate(AccountData data) {
        var errors = AccountRules.check(data);
        if (data.accountManagerId() != null
                && !dsl.fetchExists(APP_USER, APP_USER.ID.eq(data.accountManagerId()).and(APP_USER.ACTIVE.isTrue()))) {
            errors.put("accountManagerId", "account.error.team-user");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static RuntimeException duplicateOrRethrow(IntegrityConstraintViolationException e) {
        if (e.getMessage() != null && e.getMessage().contains("uq_account_coc_number")) {
            return new InvalidInputException(Map.of("cocNumber", "account.error.coc-number-taken"));
        }
        return e;
    }

    private Condition condition(AccountQuery query, UserRef viewer) {
        Condition condition = visibleTo(viewer);
        if (query.onlyMine()) {
            condition = condition.and(ACCOUNT.ACCOUNT_MANAGER_ID.eq(viewer.id()));
        }
        if (query.stage() != null) {
            condition = condition.and(ACCOUNT.LIFECYCLE_STAGE.eq(query.stage().name()));
        }
        if (query.managerId() != null) {
            condition = condition.and(ACCOUNT.ACCOUNT_MANAGER_ID.eq(query.managerId()));
        }
        if (query.group() != null) {
            condition = condition.and(group().eq(query.group().name()));
        }
        if (query.level() != null) {
            condition = condition.and(ACCOUNT.ACCOUNT_LEVEL.eq(query.level().name()));
        }
        String search = query.search() == null ? "" : query.search().strip();
        if (!search.isEmpty()) {
            // prefix matches can use the name, city and KvK indexes
            String prefix = escapeLike(search) + "%";
            condition = condition.and(ACCOUNT.NAME.like(prefix, '!').or(ACCOUNT.CITY.like(prefix, '!'))
                    .or(ACCOUNT.COC_NUMBER.like(prefix, '!')));
        }
        return condition;
    }

    /**
     * The accounts a user may see and edit: SALES those it manages or is on the team of, MANAGER and
     * ADMIN all.
     */
    public static Condition visibleTo(UserRef viewer) {
        return seesAll(viewer) ? DSL.trueCondition() : ACCOUNT.ACCOUNT_MANAGER_ID.eq(viewer.id())
                .or(DSL.exists(DSL.selectOne().from(ACCOUNT_TEAM)
                        .where(ACCOUNT_TEAM.ACCOUNT_ID.eq(ACCOUNT.ID).and(ACCOUNT_TEAM.USER_ID.eq(viewer.id())))));
    }

    /** Whether the user sees every account (MANAGER and ADMIN). */
    public static boolean seesAll(UserRef viewer) {
        return viewer.hasRole(Role.ADMIN) || viewer.hasRole(Role.MANAGER);
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Account toAccount(Record record) {
        AccountRecord a = record.into(ACCOUNT);
        var data = new AccountData(a.getName(), a.getCocNumber(), a.getVatNumber(), a.getWebsite(), a.getIndustry(),
                a.getStreet(), a.getPostalCode(), a.getCity(), a.getCountry(), AccountLevel.valueOf(a.getAccountLevel()),
                LifecycleStage.valueOf(a.getLifecycleStage()), a.getLeadSource(), a.getNeverInterested(),
                a.getPotentialValue(), a.getNotes(), a.getAccountManagerId());
        return new Account(a.getId(), data, a.getUpdatedAt(), a.getUpdatedBy(), a.getVersion());
    }
}

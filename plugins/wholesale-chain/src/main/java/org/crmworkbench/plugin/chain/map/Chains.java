package org.crmworkbench.plugin.chain.map;

import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.InputRejectedException;
import org.crmworkbench.plugin.chain.jooq.tables.ChainLink;
import org.crmworkbench.plugin.chain.jooq.tables.records.ChainLinkRecord;
import org.crmworkbench.plugin.chain.role.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_PRODUCTS;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE;
import static org.crmworkbench.plugin.chain.jooq.Tables.SUPPLIER;

/**
 * The chain maps: links between producers and suppliers upstream, our company midstream and customer
 * accounts downstream, per product group, edited with optimistic locking; and which accounts are
 * suppliers. Links come with the strength of our roles in them (one extra query per list, not per link).
 */
public final class Chains {

    public static final int MAX_GROUP = 100;
    static final int MAX_NOTE = 500;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Chains(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Chains(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    /** The product groups of the catalogue and of the links, in alphabetical order. */
    public List<String> groups() {
        return dsl.selectDistinct(V_PRODUCTS.PRODUCT_GROUP.as("g")).from(V_PRODUCTS)
                .union(DSL.selectDistinct(CHAIN_LINK.PRODUCT_GROUP.as("g")).from(CHAIN_LINK))
                .orderBy(DSL.field(DSL.name("g"))).fetch(0, String.class);
    }

    /** The links of one chain, upstream first. */
    public List<Link> links(String productGroup) {
        return fetch(CHAIN_LINK.PRODUCT_GROUP.eq(productGroup), 0, Integer.MAX_VALUE, false);
    }

    /** A page of the links of one chain, upstream first. */
    public List<Link> links(String productGroup, int offset, int limit) {
        return fetch(CHAIN_LINK.PRODUCT_GROUP.eq(productGroup), offset, limit, false);
    }

    /** The first product group, alphabetically, that has links. */
    public Optional<String> firstGroupWithLinks() {
        return dsl.select(DSL.min(CHAIN_LINK.PRODUCT_GROUP)).from(CHAIN_LINK).fetchOptional(0, String.class);
    }

    public int count(String productGroup) {
        return dsl.fetchCount(CHAIN_LINK, CHAIN_LINK.PRODUCT_GROUP.eq(productGroup));
    }

    /** The {@code limit} links of one chain with the largest revenue, for a diagram that stays readable. */
    public List<Link> largest(String productGroup, int limit) {
        return fetch(CHAIN_LINK.PRODUCT_GROUP.eq(productGroup), 0, limit, true);
    }

    /** The links in which this account is one of the parties, in any chain. */
    public List<Link> linksOf(long accountId) {
        return linksOf(accountId, 0, Integer.MAX_VALUE);
    }

    /** A page of the links of an account. */
    public List<Link> linksOf(long accountId, int offset, int limit) {
        return fetch(CHAIN_LINK.FROM_ACCOUNT_ID.eq(accountId).or(CHAIN_LINK.TO_ACCOUNT_ID.eq(accountId)), offset, limit, false);
    }

    public int countOf(long accountId) {
        return dsl.fetchCount(CHAIN_LINK, CHAIN_LINK.FROM_ACCOUNT_ID.eq(accountId).or(CHAIN_LINK.TO_ACCOUNT_ID.eq(accountId)));
    }

    /** Whether the account is a customer of ours in some chain (we supply it, or it distributes for us). */
    public boolean isCustomer(long accountId) {
        return dsl.fetchExists(CHAIN_LINK, downstream(CHAIN_LINK).and(counterparty(CHAIN_LINK).eq(accountId)));
    }

    public Optional<Link> find(long id) {
        return fetch(CHAIN_LINK.ID.eq(id), 0, 1, false).stream().findFirst();
    }

    private List<Link> fetch(Condition where, int offset, int limit, boolean byRevenue) {
        var from = V_ACCOUNTS.as("from_account");
        var to = V_ACCOUNTS.as("to_account");
        var fromSupplier = SUPPLIER.as("from_supplier");
        var toSupplier = SUPPLIER.as("to_supplier");
        LocalDate today = LocalDate.now(clock);
        var rows = dsl.select(CHAIN_LINK.asterisk(), from.NAME, to.NAME, fromSupplier.ACCOUNT_ID, toSupplier.ACCOUNT_ID, active(today))
                .from(CHAIN_LINK)
                .leftJoin(from).on(from.ID.eq(CHAIN_LINK.FROM_ACCOUNT_ID))
                .leftJoin(to).on(to.ID.eq(CHAIN_LINK.TO_ACCOUNT_ID))
                .leftJoin(fromSupplier).on(fromSupplier.ACCOUNT_ID.eq(CHAIN_LINK.FROM_ACCOUNT_ID))
                .leftJoin(toSupplier).on(toSupplier.ACCOUNT_ID.eq(CHAIN_LINK.TO_ACCOUNT_ID))
                .where(where)
                .orderBy(byRevenue ? List.of(CHAIN_LINK.REVENUE.desc().nullsLast(), CHAIN_LINK.ID.asc())
                        : List.of(CHAIN_LINK.PRODUCT_GROUP.asc(), CHAIN_LINK.FROM_ACCOUNT_ID.isNull().asc(), from.NAME.asc(), to.NAME.asc(),
                        CHAIN_LINK.ID.asc()))
                .offset(offset).limit(limit)
                .fetch();
        var roles = new HashMap<Long, Map<Role, Integer>>();
        dsl.select(LINK_ROLE.LINK_ID, LINK_ROLE.ROLE, LINK_ROLE.STRENGTH).from(LINK_ROLE)
                .where(LINK_ROLE.LINK_ID.in(rows.getValues(CHAIN_LINK.ID)))
                .forEach(r -> roles.computeIfAbsent(r.value1(), k -> new EnumMap<>(Role.class)).put(Role.valueOf(r.value2()), r.value3()));
        var links = new ArrayList<Link>();
        for (Record r : rows) {
            var l = r.into(CHAIN_LINK);
            var fromParty = new Party(l.getFromAccountId(), r.get(from.NAME), r.get(fromSupplier.ACCOUNT_ID) != null);
            var toParty = new Party(l.getToAccountId(), r.get(to.NAME), r.get(toSupplier.ACCOUNT_ID) != null);
            links.add(new Link(l.getId(), l.getProductGroup(), fromParty, toParty, LinkKind.valueOf(l.getKind()), l.getStartDate(),
                    l.getEndDate(), l.getVolume(), l.getRevenue(), l.getNote(), Map.copyOf(roles.getOrDefault(l.getId(), Map.of())),
                    Boolean.TRUE.equals(r.get("active", Boolean.class)), l.getVersion()));
        }
        return links;
    }

    /** Whether a link (the table or an alias of it) runs on {@code day}: started (or no start) and not ended (or no end). */
    public static Condition activeOn(ChainLink link, LocalDate day) {
        return link.START_DATE.isNull().or(link.START_DATE.le(day)).and(link.END_DATE.isNull().or(link.END_DATE.ge(day)));
    }

    /**
     * A link of ours to a party downstream: we supply it, or it distributes for us (the other party is
     * a customer). The other links of ours run upstream: it supplies us, or we distribute for it.
     */
    public static Condition downstream(ChainLink link) {
        return link.KIND.eq(LinkKind.SUPPLIES.name()).and(link.FROM_ACCOUNT_ID.isNull())
                .or(link.KIND.eq(LinkKind.DISTRIBUTES_FOR.name()).and(link.TO_ACCOUNT_ID.isNull()));
    }

    public static Condition upstream(ChainLink link) {
        return link.KIND.eq(LinkKind.SUPPLIES.name()).and(link.TO_ACCOUNT_ID.isNull())
                .or(link.KIND.eq(LinkKind.DISTRIBUTES_FOR.name()).and(link.FROM_ACCOUNT_ID.isNull()));
    }

    /** The other party of a link of ours (exactly one side is our company). */
    public static Field<Long> counterparty(ChainLink link) {
        return DSL.coalesce(link.FROM_ACCOUNT_ID, link.TO_ACCOUNT_ID);
    }

    private static Field<Boolean> active(LocalDate today) {
        return DSL.field(activeOn(CHAIN_LINK, today)).as("active");
    }

    /**
     * Adds a link.
     *
     * @throws InputRejectedException when a field breaks a rule; nothing is saved
     */
    public long create(LinkInput input, String by) {
        requirePermission.accept(ChainPermissions.EDIT);
        validate(input);
        var record = dsl.newRecord(CHAIN_LINK);
        fill(record, input, by);
        record.store();
        return record.getId();
    }

    /**
     * Changes a link that still has {@code version}.
     *
     * @throws InputRejectedException    when a field breaks a rule
     * @throws ChangedMeanwhileException when someone saved or deleted it in between
     */
    public void update(long id, int version, LinkInput input, String by) {
        requirePermission.accept(ChainPermissions.EDIT);
        validate(input);
        var record = dsl.newRecord(CHAIN_LINK);
        fill(record, input, by);
        record.changed(CHAIN_LINK.ID, false);
        record.changed(CHAIN_LINK.VERSION, false);
        int rows = dsl.update(CHAIN_LINK).set(record).set(CHAIN_LINK.VERSION, CHAIN_LINK.VERSION.plus(1))
                .where(CHAIN_LINK.ID.eq(id).and(CHAIN_LINK.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    /** Deletes a link with its roles; @throws ChangedMeanwhileException when it was changed in between. */
    public void delete(long id, int version) {
        requirePermission.accept(ChainPermissions.EDIT);
        if (dsl.deleteFrom(CHAIN_LINK).where(CHAIN_LINK.ID.eq(id).and(CHAIN_LINK.VERSION.eq(version))).execute() == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    /** Deletes what concerns an account that is gone: its links and its supplier mark. */
    public void forget(long accountId) {
        dsl.deleteFrom(CHAIN_LINK).where(CHAIN_LINK.FROM_ACCOUNT_ID.eq(accountId).or(CHAIN_LINK.TO_ACCOUNT_ID.eq(accountId))).execute();
        dsl.deleteFrom(SUPPLIER).where(SUPPLIER.ACCOUNT_ID.eq(accountId)).execute();
    }

    public boolean isSupplier(long accountId) {
        return dsl.fetchExists(SUPPLIER, SUPPLIER.ACCOUNT_ID.eq(accountId));
    }

    /** Marks an account as a supplier (upstream), or unmarks it. */
    public void markSupplier(long accountId, boolean supplier, String by) {
        requirePermission.accept(ChainPermissions.EDIT);
        if (supplier) {
            dsl.insertInto(SUPPLIER, SUPPLIER.ACCOUNT_ID, SUPPLIER.MARKED_AT, SUPPLIER.MARKED_BY)
                    .values(accountId, LocalDateTime.now(clock), by).onDuplicateKeyIgnore().execute();
        } else {
            dsl.deleteFrom(SUPPLIER).where(SUPPLIER.ACCOUNT_ID.eq(accountId)).execute();
        }
    }

    /** The broken rules of a link's fields: field name to message key (the accounts not yet checked). */
    static Map<String, String> check(LinkInput input) {
        var errors = new LinkedHashMap<String, String>();
        if (input.productGroup() == null || input.productGroup().isBlank()) {
            errors.put("productGroup", "link.error.group-required");
        } else if (input.productGroup().strip().length() > MAX_GROUP) {
            errors.put("productGroup", "link.error.group-long");
        }
        if (input.fromAccount() == null && input.toAccount() == null) {
            errors.put("to", "link.error.us-twice");
        } else if (Objects.equals(input.fromAccount(), input.toAccount())) {
            errors.put("to", "link.error.same-party");
        }
        if (input.kind() == null) {
            errors.put("kind", "link.error.kind");
        }
        if (input.start() != null && input.end() != null && input.end().isBefore(input.start())) {
            errors.put("end", "link.error.end-before-start");
        }
        if (input.volume() != null && (input.volume().signum() < 0 || input.volume().compareTo(MAX_AMOUNT) > 0)) {
            errors.put("volume", "link.error.amount");
        }
        if (input.revenue() != null && (input.revenue().signum() < 0 || input.revenue().compareTo(MAX_AMOUNT) > 0)) {
            errors.put("revenue", "link.error.amount");
        }
        if (input.note() != null && input.note().strip().length() > MAX_NOTE) {
            errors.put("note", "link.error.note-long");
        }
        return errors;
    }

    private void validate(LinkInput input) {
        var errors = check(input);
        for (var side : Map.of("from", Optional.ofNullable(input.fromAccount()), "to", Optional.ofNullable(input.toAccount())).entrySet()) {
            side.getValue().filter(id -> !dsl.fetchExists(V_ACCOUNTS, V_ACCOUNTS.ID.eq(id)))
                    .ifPresent(id -> errors.putIfAbsent(side.getKey(), "link.error.account-gone"));
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
    }

    private void fill(ChainLinkRecord record, LinkInput input, String by) {
        record.setProductGroup(input.productGroup().strip());
        record.setFromAccountId(input.fromAccount());
        record.setToAccountId(input.toAccount());
        record.setKind(input.kind().name());
        record.setStartDate(input.start());
        record.setEndDate(input.end());
        record.setVolume(input.volume());
        record.setRevenue(input.revenue());
        record.setNote(input.note() == null ? "" : input.note().strip());
        record.setUpdatedAt(LocalDateTime.now(clock));
        record.setUpdatedBy(by);
    }
}

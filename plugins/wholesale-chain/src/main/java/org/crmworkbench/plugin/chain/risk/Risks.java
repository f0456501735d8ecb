package org.crmworkbench.plugin.chain.risk;

import org.crmworkbench.plugin.chain.map.Chains;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.jooq.tables.ChainLink;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.Select;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE;
import static org.crmworkbench.plugin.chain.jooq.Tables.SUPPLIER;

/**
 * The risk rules over all chains, in one statement (a UNION of one set-based rule each), on the links
 * that run today:
 * <ul>
 *   <li>{@link RiskType#BUY_SELL_ONLY}: a link of ours none of whose roles is above the threshold;</li>
 *   <li>{@link RiskType#DIRECT_PURCHASE}: a supplier's direct link to a customer (it supplies the
 *       customer, or the customer distributes for it) who also buys that product group from us;</li>
 *   <li>{@link RiskType#DISTRIBUTION_TAKEN_BACK}: such a direct link to a customer whose link with us
 *       for that product group has ended, with no other one running.</li>
 * </ul>
 * A link of ours runs downstream (to a customer) when we supply the other party or it distributes for
 * us, and upstream (to a supplier) otherwise; see {@link Chains#downstream}.
 */
public final class Risks {

    private final DSLContext dsl;
    private final Clock clock;

    public Risks(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * The flags, by product group and party names.
     *
     * @param type      one kind of flag, or null for all
     * @param accountId only flags about this account, or null
     * @param threshold a role counts when its strength is above it
     */
    public List<RiskFlag> flags(RiskType type, Long accountId, int threshold) {
        return flags(type, accountId, threshold, 0, Integer.MAX_VALUE);
    }

    /** A page of the flags. */
    public List<RiskFlag> flags(RiskType type, Long accountId, int threshold, int offset, int limit) {
        var all = rules(threshold).asTable("flags");
        Condition which = type == null ? DSL.noCondition() : all.field("type", String.class).eq(type.name());
        Condition about = accountId == null ? DSL.noCondition()
                : all.field("supplier_id", Long.class).eq(accountId).or(all.field("customer_id", Long.class).eq(accountId));
        var supplier = V_ACCOUNTS.as("supplier_account");
        var customer = V_ACCOUNTS.as("customer_account");
        return dsl.select(all.field("type", String.class), all.field("product_group", String.class), all.field("link_id", Long.class),
                        all.field("supplier_id", Long.class), supplier.NAME, all.field("customer_id", Long.class), customer.NAME)
                .from(all)
                .leftJoin(supplier).on(supplier.ID.eq(all.field("supplier_id", Long.class)))
                .leftJoin(customer).on(customer.ID.eq(all.field("customer_id", Long.class)))
                .where(which).and(about)
                .orderBy(all.field("type"), all.field("product_group"), supplier.NAME, customer.NAME, all.field("link_id"))
                .offset(offset).limit(limit)
                .fetch(r -> new RiskFlag(RiskType.valueOf(r.value1()), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** How many flags there are of one kind (null: all), about one account (null: any). */
    public int count(RiskType type, Long accountId, int threshold) {
        var all = rules(threshold).asTable("flags");
        return dsl.fetchCount(dsl.selectFrom(all).where(type == null ? DSL.noCondition() : all.field("type", String.class).eq(type.name()))
                .and(accountId == null ? DSL.noCondition()
                        : all.field("supplier_id", Long.class).eq(accountId).or(all.field("customer_id", Long.class).eq(accountId))));
    }

    /** How many flags of each kind there are (every kind present). */
    public Map<RiskType, Integer> counts(int threshold) {
        var counts = new EnumMap<RiskType, Integer>(RiskType.class);
        for (RiskType type : RiskType.values()) {
            counts.put(type, 0);
        }
        var all = rules(threshold).asTable("flags");
        dsl.select(all.field("type", String.class), DSL.count()).from(all).groupBy(all.field("type"))
                .forEach(r -> counts.put(RiskType.valueOf(r.value1()), r.value2()));
        return counts;
    }

    private Select<Record5<String, String, Long, Long, Long>> rules(int threshold) {
        LocalDate today = LocalDate.now(clock);
        ChainLink direct = CHAIN_LINK.as("direct");
        ChainLink ours = CHAIN_LINK.as("ours");
        // a direct link between a supplier and a customer: the supplier supplies the customer, or the customer distributes for it
        Field<Long> directSupplier = DSL.when(direct.KIND.eq(LinkKind.SUPPLIES.name()), direct.FROM_ACCOUNT_ID).otherwise(direct.TO_ACCOUNT_ID);
        Field<Long> directCustomer = DSL.when(direct.KIND.eq(LinkKind.SUPPLIES.name()), direct.TO_ACCOUNT_ID).otherwise(direct.FROM_ACCOUNT_ID);
        Condition directLink = direct.FROM_ACCOUNT_ID.isNotNull().and(direct.TO_ACCOUNT_ID.isNotNull()).and(Chains.activeOn(direct, today))
                .and(DSL.exists(DSL.selectOne().from(SUPPLIER).where(SUPPLIER.ACCOUNT_ID.eq(directSupplier))));
        Condition oursToThatCustomer = Chains.downstream(ours).and(Chains.counterparty(ours).eq(directCustomer))
                .and(ours.PRODUCT_GROUP.eq(direct.PRODUCT_GROUP));

        var counterparty = Chains.counterparty(CHAIN_LINK);
        var buySellOnly = DSL.select(DSL.inline(RiskType.BUY_SELL_ONLY.name()).as("type"), CHAIN_LINK.PRODUCT_GROUP.as("product_group"),
                        CHAIN_LINK.ID.as("link_id"), DSL.when(Chains.upstream(CHAIN_LINK), counterparty).as("supplier_id"),
                        DSL.when(Chains.downstream(CHAIN_LINK), counterparty).as("customer_id"))
                .from(CHAIN_LINK)
                .where(CHAIN_LINK.FROM_ACCOUNT_ID.isNull().or(CHAIN_LINK.TO_ACCOUNT_ID.isNull()))
                .and(Chains.activeOn(CHAIN_LINK, today))
                .andNotExists(DSL.selectOne().from(LINK_ROLE).where(LINK_ROLE.LINK_ID.eq(CHAIN_LINK.ID)).and(LINK_ROLE.STRENGTH.gt(threshold)));
        var directPurchase = DSL.select(DSL.inline(RiskType.DIRECT_PURCHASE.name()), direct.PRODUCT_GROUP, direct.ID, directSupplier, directCustomer)
                .from(direct).where(directLink)
                .andExists(DSL.selectOne().from(ours).where(oursToThatCustomer).and(Chains.activeOn(ours, today)));
        var takenBack = DSL.select(DSL.inline(RiskType.DISTRIBUTION_TAKEN_BACK.name()), direct.PRODUCT_GROUP, direct.ID, directSupplier,
                        directCustomer)
                .from(direct).where(directLink)
                .andExists(DSL.selectOne().from(ours).where(oursToThatCustomer).and(ours.END_DATE.lt(today)))
                .andNotExists(DSL.selectOne().from(ours).where(oursToThatCustomer).and(Chains.activeOn(ours, today)));
        return buySellOnly.unionAll(directPurchase).unionAll(takenBack);
    }
}

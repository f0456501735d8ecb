package org.crmworkbench.plugin.chain;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.crmworkbench.plugin.chain.map.Chains;
import org.crmworkbench.plugin.chain.map.LinkInput;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.role.Role;
import org.crmworkbench.plugin.chain.role.RolePlay;
import org.crmworkbench.plugin.chain.role.Roles;
import org.crmworkbench.plugin.chain.role.Service;
import org.crmworkbench.plugin.chain.trend.Trend;
import org.crmworkbench.plugin.chain.trend.TrendStatus;
import org.crmworkbench.plugin.chain.trend.Trends;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_PRODUCTS;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.ROLE_CHANGE;

/**
 * Two chains of the demo catalogue's first product groups: three producers, our company and five
 * customers, with roles of every strength (and how they grew over the last half year), one customer we
 * only buy and sell for, one that also buys directly from the producer, one the producer took back,
 * and our response to some trends.
 */
@Extension
public class ChainDemoData implements DemoDataContribution {

    private static final String BY = "demo";

    @Override
    public void seed(PluginContext context) {
        var dsl = context.dsl();
        List<Long> accounts = dsl.select(V_ACCOUNTS.ID).from(V_ACCOUNTS).orderBy(V_ACCOUNTS.ID).offset(8).limit(8).fetch(V_ACCOUNTS.ID);
        List<String> groups = dsl.selectDistinct(V_PRODUCTS.PRODUCT_GROUP).from(V_PRODUCTS).orderBy(V_PRODUCTS.PRODUCT_GROUP).limit(2)
                .fetch(V_PRODUCTS.PRODUCT_GROUP);
        if (accounts.size() < 8 || groups.size() < 2) {
            return;
        }
        LocalDate today = LocalDate.now(context.clock());
        var chains = new Chains(dsl, context.clock());
        var roles = new Roles(dsl, context.clock());
        Map<String, Long> service = roles.services(true).stream().collect(Collectors.toMap(Service::nameEn, Service::id));
        long p1 = accounts.get(0);
        long p2 = accounts.get(1);
        long p3 = accounts.get(2);
        List<Long> customers = accounts.subList(3, 8);
        for (long producer : List.of(p1, p2, p3)) {
            chains.markSupplier(producer, true, BY);
        }
        String g1 = groups.get(0);
        String g2 = groups.get(1);
        LocalDate since = today.minusYears(3);

        long p1us = link(chains, g1, p1, null, LinkKind.SUPPLIES, since, null, "900000");
        link(chains, g1, null, p2, LinkKind.DISTRIBUTES_FOR, since, null, "350000");
        long c1 = link(chains, g1, null, customers.get(0), LinkKind.SUPPLIES, since, null, "420000");
        long c2 = link(chains, g1, null, customers.get(1), LinkKind.SUPPLIES, since, null, "260000");
        link(chains, g1, null, customers.get(2), LinkKind.SUPPLIES, since, null, "140000"); // we only buy and sell
        long c4 = link(chains, g1, null, customers.get(3), LinkKind.SUPPLIES, today.minusYears(1), null, "90000");
        long p3us = link(chains, g2, p3, null, LinkKind.SUPPLIES, since, null, "500000");
        long c2g2 = link(chains, g2, null, customers.get(1), LinkKind.SUPPLIES, since, null, "180000");
        long c5 = link(chains, g2, null, customers.get(4), LinkKind.SUPPLIES, since, null, "210000");
        link(chains, g2, p3, customers.get(4), LinkKind.SUPPLIES, today.minusMonths(4), null, "60000"); // buys directly as well
        long lost = link(chains, g2, null, customers.get(3), LinkKind.SUPPLIES, since, today.minusMonths(5), "75000");
        link(chains, g2, p3, customers.get(3), LinkKind.SUPPLIES, today.minusMonths(4), null, "80000"); // the producer took it back

        play(roles, dsl, p1us, Map.of(Role.STEERING, 3, Role.COORDINATOR, 4, Role.EXPERT, 2),
                Set.of(service.get("Category management"), service.get("EDI")), "Joint category plan 2026 signed in January.");
        play(roles, dsl, c1, Map.of(Role.STEERING, 4, Role.COORDINATOR, 3, Role.EXPERT, 2),
                Set.of(service.get("Assortment advice"), service.get("Vendor managed inventory (VMI)")), "VMI agreement, reviewed quarterly.");
        play(roles, dsl, c2, Map.of(Role.COORDINATOR, 3, Role.EXPERT, 1), Set.of(service.get("Logistics planning")), "");
        play(roles, dsl, c4, Map.of(Role.STEERING, 1, Role.COORDINATOR, 2, Role.EXPERT, 4),
                Set.of(service.get("Technical support"), service.get("Training")), "Two training days a year for their engineers.");
        play(roles, dsl, p3us, Map.of(Role.COORDINATOR, 3), Set.of(service.get("EDI")), "");
        play(roles, dsl, c2g2, Map.of(Role.EXPERT, 3), Set.of(service.get("Application engineering")), "");
        play(roles, dsl, c5, Map.of(Role.STEERING, 2, Role.COORDINATOR, 2), Set.of(), "");
        play(roles, dsl, lost, Map.of(Role.COORDINATOR, 1), Set.of(), "");
        // the roles grew: half a year ago they were recorded a point lower
        dsl.insertInto(ROLE_CHANGE, ROLE_CHANGE.LINK_ID, ROLE_CHANGE.ROLE, ROLE_CHANGE.STRENGTH, ROLE_CHANGE.CHANGED_AT, ROLE_CHANGE.CHANGED_BY)
                .select(DSL.select(ROLE_CHANGE.LINK_ID, ROLE_CHANGE.ROLE,
                                DSL.greatest(ROLE_CHANGE.STRENGTH.minus(1), DSL.inline(0)),
                                DSL.val(today.minusMonths(6).atTime(9, 0)), DSL.val(BY))
                        .from(ROLE_CHANGE))
                .execute();
        dsl.update(ROLE_CHANGE).set(ROLE_CHANGE.CHANGED_AT, today.minusMonths(2).atTime(9, 0))
                .where(ROLE_CHANGE.CHANGED_AT.gt(today.minusMonths(6).atTime(9, 0))).execute();

        var trends = new Trends(dsl, context.clock());
        trends.save(g1, Trend.PRODUCERS_CORE_BUSINESS, TrendStatus.ANSWERED,
                "We took over the regional distribution and the stock of two producers.", -1, BY);
        trends.save(g1, Trend.TAILORED_SERVICE, TrendStatus.ADDRESSING, "VMI for the five largest customers; EDI ordering for all.", -1, BY);
        trends.save(g2, Trend.INFORMATION_EBUSINESS, TrendStatus.ADDRESSING, "Web shop with customer prices goes live next quarter.", -1, BY);
    }

    private static long link(Chains chains, String group, Long from, Long to, LinkKind kind, LocalDate start, LocalDate end, String revenue) {
        return chains.create(new LinkInput(group, from, to, kind, start, end, null, new BigDecimal(revenue), ""), BY);
    }

    private static void play(Roles roles, DSLContext dsl, long link, Map<Role, Integer> strengths, Set<Long> services, String evidence) {
        int version = dsl.select(CHAIN_LINK.VERSION).from(CHAIN_LINK)
                .where(CHAIN_LINK.ID.eq(link)).fetchSingle().value1();
        var plays = new EnumMap<Role, RolePlay>(Role.class);
        for (Role role : Role.values()) {
            int strength = strengths.getOrDefault(role, 0);
            var backing = roles.services(true).stream().filter(s -> s.role() == role && services.contains(s.id())).map(Service::id)
                    .collect(Collectors.toSet());
            plays.put(role, new RolePlay(strength, backing, Set.of(), strength > 0 ? evidence : ""));
        }
        roles.save(link, version, plays, BY);
    }
}

package org.crmworkbench.plugin.chain.scorecard;

import org.crmworkbench.plugin.chain.map.Chains;
import org.crmworkbench.plugin.chain.role.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE;
import static org.crmworkbench.plugin.chain.jooq.Tables.ROLE_CHANGE;

/**
 * Role scorecards per customer and per product group. The averages today come from one aggregate over
 * the scope's running links; the history replays the strength changes of the scope's links month by
 * month (a few rows per link).
 */
public final class Scorecards {

    public static final int HISTORY_MONTHS = 12;

    private final DSLContext dsl;
    private final Clock clock;

    public Scorecards(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Our links to one customer account (we supply it, or it distributes for us), in every product group. */
    public Scorecard forCustomer(long accountId, int target) {
        return score(Chains.downstream(CHAIN_LINK).and(Chains.counterparty(CHAIN_LINK).eq(accountId)), target);
    }

    /** Our links, to suppliers and to customers, in one product group. */
    public Scorecard forGroup(String productGroup, int target) {
        return score(CHAIN_LINK.PRODUCT_GROUP.eq(productGroup).and(CHAIN_LINK.FROM_ACCOUNT_ID.isNull().or(CHAIN_LINK.TO_ACCOUNT_ID.isNull())),
                target);
    }

    private Scorecard score(Condition scope, int target) {
        LocalDate today = LocalDate.now(clock);
        var running = scope.and(Chains.activeOn(CHAIN_LINK, today));
        int links = dsl.fetchCount(CHAIN_LINK, running);
        var sums = new EnumMap<Role, Integer>(Role.class);
        dsl.select(LINK_ROLE.ROLE, DSL.sum(LINK_ROLE.STRENGTH).cast(Integer.class)).from(LINK_ROLE).join(CHAIN_LINK).on(CHAIN_LINK.ID.eq(LINK_ROLE.LINK_ID))
                .where(running).groupBy(LINK_ROLE.ROLE).forEach(r -> sums.put(Role.valueOf(r.value1()), r.value2()));
        var averages = averages(sums, links);
        var gaps = new ArrayList<Scorecard.Gap>();
        if (links > 0) {
            averages.forEach((role, average) -> {
                if (average.compareTo(BigDecimal.valueOf(target)) < 0) {
                    gaps.add(new Scorecard.Gap(role, average));
                }
            });
        }
        return new Scorecard(links, averages, List.copyOf(gaps), history(scope, today));
    }

    private record Span(long id, LocalDate start, LocalDate end) {
        boolean runsOn(LocalDate day) {
            return (start == null || !start.isAfter(day)) && (end == null || !end.isBefore(day));
        }
    }

    private record Change(long linkId, Role role, int strength, LocalDateTime at) {
    }

    /** Month by month up to this month, whose figures are those of today (like the averages above). */
    private List<Scorecard.Month> history(Condition scope, LocalDate today) {
        YearMonth now = YearMonth.from(today);
        var spans = dsl.select(CHAIN_LINK.ID, CHAIN_LINK.START_DATE, CHAIN_LINK.END_DATE).from(CHAIN_LINK).where(scope)
                .fetch(r -> new Span(r.value1(), r.value2(), r.value3()));
        var changes = dsl.select(ROLE_CHANGE.LINK_ID, ROLE_CHANGE.ROLE, ROLE_CHANGE.STRENGTH, ROLE_CHANGE.CHANGED_AT).from(ROLE_CHANGE)
                .where(ROLE_CHANGE.LINK_ID.in(spans.stream().map(Span::id).toList())).orderBy(ROLE_CHANGE.CHANGED_AT, ROLE_CHANGE.ID)
                .fetch(r -> new Change(r.value1(), Role.valueOf(r.value2()), r.value3(), r.value4()));
        var months = new ArrayList<Scorecard.Month>();
        for (int back = HISTORY_MONTHS - 1; back >= 0; back--) {
            YearMonth month = now.minusMonths(back);
            LocalDate end = back == 0 ? today : month.atEndOfMonth();
            var strength = new HashMap<Long, Map<Role, Integer>>();
            for (Change change : changes) {
                if (!change.at().toLocalDate().isAfter(end)) {
                    strength.computeIfAbsent(change.linkId(), k -> new EnumMap<>(Role.class)).put(change.role(), change.strength());
                }
            }
            var sums = new EnumMap<Role, Integer>(Role.class);
            int links = 0;
            for (Span span : spans) {
                if (span.runsOn(end)) {
                    links++;
                    strength.getOrDefault(span.id(), Map.of()).forEach((role, value) -> sums.merge(role, value, Integer::sum));
                }
            }
            months.add(new Scorecard.Month(month, links, averages(sums, links)));
        }
        return List.copyOf(months);
    }

    private static Map<Role, BigDecimal> averages(Map<Role, Integer> sums, int links) {
        var averages = new EnumMap<Role, BigDecimal>(Role.class);
        for (Role role : Role.values()) {
            averages.put(role, links == 0 ? BigDecimal.ZERO.setScale(1)
                    : BigDecimal.valueOf(sums.getOrDefault(role, 0)).divide(BigDecimal.valueOf(links), 1, RoundingMode.HALF_UP));
        }
        return averages;
    }
}

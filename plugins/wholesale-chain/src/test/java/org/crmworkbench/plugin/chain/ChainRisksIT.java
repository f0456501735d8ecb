package org.crmworkbench.plugin.chain;

import org.crmworkbench.plugin.chain.map.Chains;
import org.crmworkbench.plugin.chain.map.LinkInput;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.risk.RiskFlag;
import org.crmworkbench.plugin.chain.risk.RiskType;
import org.crmworkbench.plugin.chain.risk.Risks;
import org.crmworkbench.plugin.chain.role.Role;
import org.crmworkbench.plugin.chain.role.RolePlay;
import org.crmworkbench.plugin.chain.role.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.plugin.chain.ChainDatabase.account;

/**
 * The risk rules on the hand-made chain: three producers (marked suppliers), two product
 * groups, five customers; every link of ours plays a role above 2 except the one to Klant B, and
 * Alfa also supplies Klant C bearings directly while Klant C buys bearings from us.
 */
class ChainRisksIT {

    private static final String BEARINGS = "Bearings";
    private static final String SEALS = "Seals";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final Chains chains = new Chains(ChainDatabase.dsl, clock);
    private final Roles roles = new Roles(ChainDatabase.dsl, clock);
    private final Risks risks = new Risks(ChainDatabase.dsl, clock);

    private long alfa;
    private long beta;
    private long gamma;
    private long klantA;
    private long klantB;
    private long klantC;
    private long klantD;
    private long klantE;
    private long buySellLink;
    private long directLink;

    @BeforeAll
    static void migrate() {
        ChainDatabase.migrate();
    }

    @BeforeEach
    void handMadeChain() {
        ChainDatabase.clean();
        alfa = account("Alfa Producer");
        beta = account("Beta Producer");
        gamma = account("Gamma Producer");
        for (long producer : new long[] {alfa, beta, gamma}) {
            chains.markSupplier(producer, true, "tester");
        }
        klantA = account("Klant A");
        klantB = account("Klant B");
        klantC = account("Klant C");
        klantD = account("Klant D");
        klantE = account("Klant E");

        link(BEARINGS, alfa, null, Role.STEERING, 4);
        link(BEARINGS, beta, null, Role.COORDINATOR, 3);
        link(SEALS, gamma, null, Role.EXPERT, 5);
        link(BEARINGS, null, klantA, Map.of(Role.STEERING, 3, Role.COORDINATOR, 3, Role.EXPERT, 3));
        buySellLink = link(BEARINGS, null, klantB, Map.of(Role.STEERING, 2, Role.COORDINATOR, 1, Role.EXPERT, 0));
        link(BEARINGS, null, klantC, Role.EXPERT, 3);
        link(SEALS, null, klantD, Role.COORDINATOR, 4);
        link(SEALS, null, klantE, Role.STEERING, 5);
        directLink = link(BEARINGS, alfa, klantC, Map.of());
        // not flagged: Gamma supplies Klant A seals directly, but Klant A buys no seals from us
        link(SEALS, gamma, klantA, Map.of());
        // not flagged: Klant E is no marked supplier
        link(SEALS, klantE, klantD, Map.of());
    }

    @Test
    void the_hand_made_chain_has_exactly_one_buy_sell_only_link_and_one_direct_purchase() {
        assertThat(risks.flags(null, null, 2)).containsExactly(
                new RiskFlag(RiskType.BUY_SELL_ONLY, BEARINGS, buySellLink, null, null, klantB, "Klant B"),
                new RiskFlag(RiskType.DIRECT_PURCHASE, BEARINGS, directLink, alfa, "Alfa Producer", klantC, "Klant C"));
    }

    @Test
    void the_counts_match_the_flags_with_every_kind_present() {
        assertThat(risks.counts(2)).containsExactly(
                entry(RiskType.BUY_SELL_ONLY, 1), entry(RiskType.DIRECT_PURCHASE, 1), entry(RiskType.DISTRIBUTION_TAKEN_BACK, 0));
    }

    @Test
    void a_role_of_3_lifts_the_buy_sell_only_flag() {
        int version = chains.find(buySellLink).orElseThrow().version();
        roles.save(buySellLink, version, plays(Map.of(Role.STEERING, 3, Role.COORDINATOR, 1, Role.EXPERT, 0)), "tester");

        assertThat(risks.flags(RiskType.BUY_SELL_ONLY, null, 2)).isEmpty();
        assertThat(risks.counts(2)).containsEntry(RiskType.BUY_SELL_ONLY, 0);
    }

    @Test
    void a_strength_must_be_above_the_threshold_so_a_threshold_of_3_flags_every_link_whose_best_role_is_3() {
        int version = chains.find(buySellLink).orElseThrow().version();
        roles.save(buySellLink, version, plays(Map.of(Role.STEERING, 3, Role.COORDINATOR, 1, Role.EXPERT, 0)), "tester");

        assertThat(risks.flags(RiskType.BUY_SELL_ONLY, null, 3))
                .extracting(RiskFlag::supplierName, RiskFlag::customerName)
                .containsExactlyInAnyOrder(
                        tuple("Beta Producer", null),
                        tuple(null, "Klant A"),
                        tuple(null, "Klant B"),
                        tuple(null, "Klant C"));
        assertThat(risks.counts(3)).containsEntry(RiskType.BUY_SELL_ONLY, 4);
    }

    @Test
    void a_link_of_ours_without_any_role_is_buy_sell_only() {
        long bare = link(SEALS, null, klantB, Map.of());

        assertThat(risks.flags(RiskType.BUY_SELL_ONLY, null, 2)).extracting(RiskFlag::linkId).containsExactlyInAnyOrder(buySellLink, bare);
    }

    @Test
    void the_other_party_of_a_buy_sell_only_link_is_supplier_or_customer_by_the_direction_of_the_link() {
        long weSupplyAProducer = link(SEALS, null, gamma, Map.of());
        long aCustomerSuppliesUs = link(SEALS, klantE, null, Map.of());

        // goods from us make the other party a customer, goods to us a supplier, whatever its mark
        assertThat(risks.flags(RiskType.BUY_SELL_ONLY, null, 2)).filteredOn(f -> f.productGroup().equals(SEALS))
                .extracting(RiskFlag::linkId, RiskFlag::supplierId, RiskFlag::customerId).containsExactlyInAnyOrder(
                        tuple(weSupplyAProducer, null, gamma),
                        tuple(aCustomerSuppliesUs, klantE, null));
    }

    @Test
    void a_customer_the_producer_appoints_as_its_distributor_is_a_direct_purchase_and_a_producer_we_distribute_for_is_upstream() {
        long appointed = chains.create(new LinkInput(BEARINGS, klantA, alfa, LinkKind.DISTRIBUTES_FOR, null, null, null, null, ""), "tester");
        long weDistribute = chains.create(new LinkInput(SEALS, null, beta, LinkKind.DISTRIBUTES_FOR, null, null, null, null, ""), "tester");

        assertThat(risks.flags(RiskType.DIRECT_PURCHASE, null, 2)).extracting(RiskFlag::linkId, RiskFlag::supplierId, RiskFlag::customerId)
                .contains(tuple(appointed, alfa, klantA));
        assertThat(risks.flags(RiskType.BUY_SELL_ONLY, null, 2)).filteredOn(f -> f.linkId() == weDistribute)
                .extracting(RiskFlag::supplierId, RiskFlag::customerId).containsExactly(tuple(beta, null));
    }

    @Test
    void links_not_started_yet_or_ended_are_not_buy_sell_only() {
        create(BEARINGS, null, klantD, TODAY.plusDays(1), null);
        create(SEALS, null, klantB, LocalDate.of(2025, 1, 1), TODAY.minusDays(1));
        create(SEALS, beta, null, null, TODAY.minusYears(1));

        assertThat(risks.flags(RiskType.BUY_SELL_ONLY, null, 2)).extracting(RiskFlag::linkId).containsExactly(buySellLink);
    }

    @Test
    void a_link_that_ends_today_or_starts_today_still_runs() {
        long endsToday = create(SEALS, null, klantB, LocalDate.of(2025, 1, 1), TODAY);
        long startsToday = create(BEARINGS, null, klantD, TODAY, null);

        assertThat(risks.flags(RiskType.BUY_SELL_ONLY, null, 2)).extracting(RiskFlag::linkId)
                .containsExactlyInAnyOrder(buySellLink, endsToday, startsToday);
    }

    @Test
    void an_ended_link_of_ours_and_a_direct_link_to_that_customer_mean_distribution_taken_back() {
        create(BEARINGS, null, klantD, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        long takenBack = create(BEARINGS, beta, klantD, LocalDate.of(2026, 1, 1), null);

        assertThat(risks.flags(RiskType.DISTRIBUTION_TAKEN_BACK, null, 2)).containsExactly(
                new RiskFlag(RiskType.DISTRIBUTION_TAKEN_BACK, BEARINGS, takenBack, beta, "Beta Producer", klantD, "Klant D"));
        assertThat(risks.flags(RiskType.DIRECT_PURCHASE, null, 2)).extracting(RiskFlag::linkId).containsExactly(directLink);
        assertThat(risks.counts(2)).containsExactly(
                entry(RiskType.BUY_SELL_ONLY, 1), entry(RiskType.DIRECT_PURCHASE, 1), entry(RiskType.DISTRIBUTION_TAKEN_BACK, 1));
    }

    @Test
    void while_another_link_of_ours_to_that_customer_runs_it_is_a_direct_purchase_not_taken_back() {
        create(BEARINGS, null, klantD, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        link(BEARINGS, null, klantD, Role.STEERING, 4);
        long direct = create(BEARINGS, beta, klantD, LocalDate.of(2026, 1, 1), null);

        assertThat(risks.flags(RiskType.DISTRIBUTION_TAKEN_BACK, null, 2)).isEmpty();
        assertThat(risks.flags(RiskType.DIRECT_PURCHASE, null, 2)).extracting(RiskFlag::linkId).containsExactlyInAnyOrder(directLink, direct);
    }

    @Test
    void a_direct_link_that_has_ended_is_no_risk() {
        create(BEARINGS, null, klantD, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        create(BEARINGS, beta, klantD, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30));

        assertThat(risks.flags(RiskType.DISTRIBUTION_TAKEN_BACK, null, 2)).isEmpty();
    }

    @Test
    void a_direct_link_of_an_unmarked_supplier_is_no_risk() {
        chains.markSupplier(alfa, false, "tester");

        assertThat(risks.flags(RiskType.DIRECT_PURCHASE, null, 2)).isEmpty();
    }

    @Test
    void flags_can_be_narrowed_to_one_kind_and_one_account_on_either_side() {
        assertThat(risks.flags(null, klantC, 2)).extracting(RiskFlag::type, RiskFlag::linkId)
                .containsExactly(tuple(RiskType.DIRECT_PURCHASE, directLink));
        assertThat(risks.flags(null, alfa, 2)).extracting(RiskFlag::linkId).containsExactly(directLink);
        assertThat(risks.flags(null, klantB, 2)).extracting(RiskFlag::linkId).containsExactly(buySellLink);
        assertThat(risks.flags(RiskType.BUY_SELL_ONLY, klantC, 2)).isEmpty();
        assertThat(risks.flags(RiskType.DIRECT_PURCHASE, null, 2)).extracting(RiskFlag::linkId).containsExactly(directLink);
        assertThat(risks.flags(null, klantE, 2)).isEmpty();
    }

    private long link(String group, Long from, Long to, Role role, int strength) {
        return link(group, from, to, Map.of(role, strength));
    }

    /** A running link with these roles (none recorded when empty). */
    private long link(String group, Long from, Long to, Map<Role, Integer> strengths) {
        long id = create(group, from, to, LocalDate.of(2025, 1, 1), null);
        if (!strengths.isEmpty()) {
            roles.save(id, chains.find(id).orElseThrow().version(), plays(strengths), "tester");
        }
        return id;
    }

    private long create(String group, Long from, Long to, LocalDate start, LocalDate end) {
        return chains.create(new LinkInput(group, from, to, LinkKind.SUPPLIES, start, end, null, null, ""), "tester");
    }

    private static Map<Role, RolePlay> plays(Map<Role, Integer> strengths) {
        var plays = new EnumMap<Role, RolePlay>(Role.class);
        strengths.forEach((role, strength) -> plays.put(role, new RolePlay(strength, Set.of(), Set.of(), "")));
        return plays;
    }
}

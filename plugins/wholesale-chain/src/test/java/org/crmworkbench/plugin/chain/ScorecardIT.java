package org.crmworkbench.plugin.chain;

import org.crmworkbench.plugin.chain.map.Chains;
import org.crmworkbench.plugin.chain.map.LinkInput;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.role.Role;
import org.crmworkbench.plugin.chain.role.RolePlay;
import org.crmworkbench.plugin.chain.role.Roles;
import org.crmworkbench.plugin.chain.scorecard.Scorecard;
import org.crmworkbench.plugin.chain.scorecard.Scorecard.Gap;
import org.crmworkbench.plugin.chain.scorecard.Scorecards;
import org.assertj.core.groups.Tuple;
import org.crmworkbench.test.MovableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.plugin.chain.ChainDatabase.account;

/**
 * The role scorecards: averages over the running links of ours with a missing role counting 0, one
 * decimal rounded half up, gaps below the target, and the month-end history replayed from the role
 * changes written at the moments the clock said.
 */
class ScorecardIT {

    private static final String BEARINGS = "Bearings";
    private static final String SEALS = "Seals";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final Chains chains = new Chains(ChainDatabase.dsl, clock);
    private final Roles roles = new Roles(ChainDatabase.dsl, clock);
    private final Scorecards scorecards = new Scorecards(ChainDatabase.dsl, clock);

    private long alfa;
    private long klantA;
    private long klantB;
    private long klantC;
    private long klantD;

    @BeforeAll
    static void migrate() {
        ChainDatabase.migrate();
    }

    @BeforeEach
    void setUp() {
        ChainDatabase.clean();
        alfa = account("Alfa Producer");
        chains.markSupplier(alfa, true, "tester");
        klantA = account("Klant A");
        klantB = account("Klant B");
        klantC = account("Klant C");
        klantD = account("Klant D");
    }

    // ---------------------------------------------------------------- today

    @Test
    void a_group_averages_each_role_over_its_running_links_of_ours_counting_a_missing_role_as_0_rounded_half_up() {
        bearingsChain();

        Scorecard card = scorecards.forGroup(BEARINGS, 3);

        assertThat(card.links()).isEqualTo(4);
        // steering (1 + 4 + 0 + 4) / 4 = 2.25, coordinator (3 + 2 + 5 + 4) / 4 = 3.5, expert (0 + 0 + 1 + 0) / 4 = 0.25
        assertThat(card.averages()).containsExactlyEntriesOf(averages("2.3", "3.5", "0.3"));
    }

    @Test
    void a_gap_is_a_role_below_the_target_with_its_suggested_action() {
        bearingsChain();

        Scorecard card = scorecards.forGroup(BEARINGS, 3);

        assertThat(card.gaps()).extracting(Gap::role, Gap::average, Gap::actionKey).containsExactly(
                tuple(Role.STEERING, new BigDecimal("2.3"), "scorecard.action.steering"),
                tuple(Role.EXPERT, new BigDecimal("0.3"), "scorecard.action.expert"));
        assertThat(scorecards.forGroup(BEARINGS, 4).gaps()).extracting(Gap::role)
                .containsExactly(Role.STEERING, Role.COORDINATOR, Role.EXPERT);
        assertThat(scorecards.forGroup(BEARINGS, 1).gaps()).extracting(Gap::role).containsExactly(Role.EXPERT);
    }

    @Test
    void an_average_equal_to_the_target_is_no_gap() {
        link(BEARINGS, null, klantA, LocalDate.of(2025, 1, 1), null, Map.of(Role.STEERING, 3, Role.COORDINATOR, 3, Role.EXPERT, 3));

        assertThat(scorecards.forGroup(BEARINGS, 3).gaps()).isEmpty();
    }

    @Test
    void a_customer_averages_our_links_to_it_in_every_product_group_that_run_today() {
        bearingsChain();
        link(SEALS, null, klantA, LocalDate.of(2025, 1, 1), null, Map.of(Role.STEERING, 1, Role.COORDINATOR, 5, Role.EXPERT, 3));
        link("Gaskets", null, klantA, LocalDate.of(2026, 6, 1), null, Map.of(Role.STEERING, 5, Role.COORDINATOR, 5, Role.EXPERT, 5));

        Scorecard card = scorecards.forCustomer(klantA, 3);

        assertThat(card.links()).isEqualTo(2);
        // Bearings S4 C2 and Seals S1 C5 E3; the Gaskets link starts in June
        assertThat(card.averages()).containsExactlyEntriesOf(averages("2.5", "3.5", "1.5"));
        assertThat(card.gaps()).extracting(Gap::role, Gap::average, Gap::actionKey).containsExactly(
                tuple(Role.STEERING, new BigDecimal("2.5"), "scorecard.action.steering"),
                tuple(Role.EXPERT, new BigDecimal("1.5"), "scorecard.action.expert"));
    }

    @Test
    void a_customer_averages_only_our_own_links_not_a_producers_direct_link_to_it() {
        bearingsChain();

        Scorecard card = scorecards.forCustomer(klantC, 3);

        assertThat(card.links()).isEqualTo(1);
        assertThat(card.averages()).containsExactlyEntriesOf(averages("4.0", "4.0", "0.0"));
    }

    @Test
    void without_running_links_the_averages_are_0_and_there_are_no_gaps() {
        link(BEARINGS, null, klantD, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), Map.of(Role.STEERING, 1));

        Scorecard card = scorecards.forCustomer(klantD, 3);

        assertThat(card.links()).isZero();
        assertThat(card.averages()).containsExactlyEntriesOf(averages("0.0", "0.0", "0.0"));
        assertThat(card.gaps()).isEmpty();
    }

    // ---------------------------------------------------------------- history

    @Test
    void the_history_lists_the_last_12_months_ending_with_this_one() {
        Scorecard card = scorecards.forGroup(BEARINGS, 3);

        assertThat(card.history()).extracting(Scorecard.Month::month).containsExactlyElementsOf(months(YearMonth.of(2025, 4), 12));
        assertThat(card.history()).allSatisfy(month -> {
            assertThat(month.links()).isZero();
            assertThat(month.averages()).containsExactlyEntriesOf(averages("0.0", "0.0", "0.0"));
        });
    }

    @Test
    void the_history_replays_the_role_changes_at_each_month_end_over_the_links_running_then() {
        long a = create(BEARINGS, null, klantA, LocalDate.of(2025, 1, 1), null);
        long b = create(BEARINGS, null, klantB, LocalDate.of(2025, 9, 15), null);
        long c = create(BEARINGS, null, klantC, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 15));
        at("2025-05-10T09:00:00Z", a, Map.of(Role.STEERING, 2, Role.COORDINATOR, 4, Role.EXPERT, 0));
        at("2025-05-10T09:30:00Z", c, Map.of(Role.STEERING, 5, Role.COORDINATOR, 5, Role.EXPERT, 5));
        at("2025-07-20T15:00:00Z", a, Map.of(Role.STEERING, 4, Role.COORDINATOR, 4, Role.EXPERT, 0));
        at("2025-10-03T08:00:00Z", b, Map.of(Role.STEERING, 0, Role.COORDINATOR, 2, Role.EXPERT, 3));
        at("2026-02-28T23:59:00Z", a, Map.of(Role.STEERING, 5, Role.COORDINATOR, 4, Role.EXPERT, 1));
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));

        Scorecard card = scorecards.forGroup(BEARINGS, 3);

        assertThat(card.history()).extracting(Scorecard.Month::month, Scorecard.Month::links, m -> m.averages().get(Role.STEERING),
                m -> m.averages().get(Role.COORDINATOR), m -> m.averages().get(Role.EXPERT)).containsExactly(
                month(2025, 4, 2, "0.0", "0.0", "0.0"),   // a and c run, nothing recorded yet
                month(2025, 5, 2, "3.5", "4.5", "2.5"),   // a S2 C4 E0, c S5 C5 E5
                month(2025, 6, 1, "2.0", "4.0", "0.0"),   // c ended on 15 June
                month(2025, 7, 1, "4.0", "4.0", "0.0"),
                month(2025, 8, 1, "4.0", "4.0", "0.0"),
                month(2025, 9, 2, "2.0", "2.0", "0.0"),   // b started, nothing recorded for it
                month(2025, 10, 2, "2.0", "3.0", "1.5"),  // b S0 C2 E3
                month(2025, 11, 2, "2.0", "3.0", "1.5"),
                month(2025, 12, 2, "2.0", "3.0", "1.5"),
                month(2026, 1, 2, "2.0", "3.0", "1.5"),
                month(2026, 2, 2, "2.5", "3.0", "2.0"),   // a S5 C4 E1 on the last evening of February
                month(2026, 3, 2, "2.5", "3.0", "2.0"));
        assertThat(card.averages()).containsExactlyEntriesOf(card.history().getLast().averages());
    }

    @Test
    void a_customers_history_follows_only_our_links_to_that_customer() {
        long a = create(BEARINGS, null, klantA, LocalDate.of(2025, 1, 1), null);
        long b = create(BEARINGS, null, klantB, LocalDate.of(2025, 1, 1), null);
        at("2025-12-01T09:00:00Z", a, Map.of(Role.EXPERT, 4));
        at("2025-12-02T09:00:00Z", b, Map.of(Role.EXPERT, 1));
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));

        var history = scorecards.forCustomer(klantA, 3).history();

        assertThat(history.get(history.size() - 5).averages()).containsEntry(Role.EXPERT, new BigDecimal("0.0")); // November
        assertThat(history.get(history.size() - 4).averages()).containsEntry(Role.EXPERT, new BigDecimal("4.0")); // December
        assertThat(history).extracting(Scorecard.Month::links).containsOnly(1);
    }

    /**
     * The Bearings chain today: four running links of ours, a producer's direct link with roles (not
     * ours, so not averaged) and an ended link of ours with strong roles (not running).
     */
    private void bearingsChain() {
        LocalDate start = LocalDate.of(2025, 1, 1);
        link(BEARINGS, alfa, null, start, null, Map.of(Role.STEERING, 1, Role.COORDINATOR, 3));
        link(BEARINGS, null, klantA, start, null, Map.of(Role.STEERING, 4, Role.COORDINATOR, 2));
        link(BEARINGS, null, klantB, start, null, Map.of(Role.STEERING, 0, Role.COORDINATOR, 5, Role.EXPERT, 1));
        link(BEARINGS, null, klantC, start, null, Map.of(Role.STEERING, 4, Role.COORDINATOR, 4));
        direct(BEARINGS, alfa, klantC, start, Map.of(Role.STEERING, 5, Role.COORDINATOR, 5, Role.EXPERT, 5));
        link(BEARINGS, null, klantD, start, LocalDate.of(2026, 1, 31), Map.of(Role.STEERING, 5, Role.COORDINATOR, 5, Role.EXPERT, 5));
    }

    private long link(String group, Long from, Long to, LocalDate start, LocalDate end, Map<Role, Integer> strengths) {
        long id = create(group, from, to, start, end);
        save(id, strengths);
        return id;
    }

    /** A producer's direct link with roles written straight into the table: the plugin refuses roles on links that are not ours. */
    private void direct(String group, long producer, long customer, LocalDate start, Map<Role, Integer> strengths) {
        long id = create(group, producer, customer, start, null);
        strengths.forEach((role, strength) -> ChainDatabase.dsl.insertInto(LINK_ROLE, LINK_ROLE.LINK_ID, LINK_ROLE.ROLE, LINK_ROLE.STRENGTH,
                LINK_ROLE.UPDATED_AT, LINK_ROLE.UPDATED_BY).values(id, role.name(), strength, java.time.LocalDateTime.of(2025, 1, 1, 0, 0), "old")
                .execute());
    }

    private long create(String group, Long from, Long to, LocalDate start, LocalDate end) {
        return chains.create(new LinkInput(group, from, to, LinkKind.SUPPLIES, start, end, null, null, ""), "tester");
    }

    private void at(String instant, long linkId, Map<Role, Integer> strengths) {
        clock.set(Instant.parse(instant));
        save(linkId, strengths);
    }

    private void save(long linkId, Map<Role, Integer> strengths) {
        var plays = new EnumMap<Role, RolePlay>(Role.class);
        strengths.forEach((role, strength) -> plays.put(role, new RolePlay(strength, Set.of(), Set.of(), "")));
        roles.save(linkId, chains.find(linkId).orElseThrow().version(), plays, "tester");
    }

    private static Map<Role, BigDecimal> averages(String steering, String coordinator, String expert) {
        var averages = new EnumMap<Role, BigDecimal>(Role.class);
        averages.put(Role.STEERING, new BigDecimal(steering));
        averages.put(Role.COORDINATOR, new BigDecimal(coordinator));
        averages.put(Role.EXPERT, new BigDecimal(expert));
        return averages;
    }

    private static Tuple month(int year, int month, int links, String steering, String coordinator, String expert) {
        return tuple(YearMonth.of(year, month), links, new BigDecimal(steering), new BigDecimal(coordinator), new BigDecimal(expert));
    }

    private static List<YearMonth> months(YearMonth first, int count) {
        var months = new ArrayList<YearMonth>();
        for (int i = 0; i < count; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }
}

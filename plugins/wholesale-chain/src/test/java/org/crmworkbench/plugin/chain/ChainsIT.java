package org.crmworkbench.plugin.chain;

import org.crmworkbench.plugin.chain.map.Chains;
import org.crmworkbench.plugin.chain.map.Link;
import org.crmworkbench.plugin.chain.map.LinkInput;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.map.Party;
import org.crmworkbench.plugin.chain.role.Role;
import org.crmworkbench.plugin.chain.role.RolePlay;
import org.crmworkbench.plugin.chain.role.Roles;
import org.crmworkbench.plugin.chain.role.Service;
import org.crmworkbench.plugin.chain.trend.Trend;
import org.crmworkbench.plugin.chain.trend.TrendStatus;
import org.crmworkbench.plugin.chain.trend.Trends;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.plugin.chain.ChainDatabase.account;
import static org.crmworkbench.plugin.chain.ChainDatabase.dsl;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE;
import static org.crmworkbench.plugin.chain.jooq.Tables.ROLE_CHANGE;
import static org.crmworkbench.plugin.chain.jooq.Tables.SERVICE;
import static org.crmworkbench.plugin.chain.jooq.Tables.SUPPLIER;

/**
 * The chain map's links with validation and optimistic locking, the roles per link with their history
 * rows and evidence, supplier marks, an account that is gone; the trend checklist, the settings and
 * the service catalogue.
 */
class ChainsIT {

    private static final String BEARINGS = "Bearings";
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 10, 0);

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final Chains chains = new Chains(dsl, clock);
    private final Roles roles = new Roles(dsl, clock);
    private final Trends trends = new Trends(dsl, clock);
    private final ChainSettings settings = new ChainSettings(dsl);

    private long alfa;
    private long klantA;
    private long klantB;

    @BeforeAll
    static void migrate() {
        ChainDatabase.migrate();
    }

    @BeforeEach
    void setUp() {
        ChainDatabase.clean();
        alfa = account("Alfa Producer");
        klantA = account("Klant A");
        klantB = account("Klant B");
    }

    // ---------------------------------------------------------------- links

    @Test
    void a_new_link_is_stored_trimmed_with_its_party_names_and_version_0() {
        chains.markSupplier(alfa, true, "tester");
        long id = chains.create(new LinkInput("  Bearings ", alfa, null, LinkKind.SUPPLIES, LocalDate.of(2025, 1, 1), null,
                new BigDecimal("1200"), new BigDecimal("125000.50"), "  framework agreement "), "tester");

        Link link = chains.find(id).orElseThrow();
        assertThat(link.productGroup()).isEqualTo(BEARINGS);
        assertThat(link.from()).isEqualTo(new Party(alfa, "Alfa Producer", true));
        assertThat(link.to()).isEqualTo(new Party(null, null, false));
        assertThat(link.ours()).isTrue();
        assertThat(link.counterparty().accountId()).isEqualTo(alfa);
        assertThat(link.kind()).isEqualTo(LinkKind.SUPPLIES);
        assertThat(link.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(link.end()).isNull();
        assertThat(link.volume()).isEqualByComparingTo("1200");
        assertThat(link.revenue()).isEqualByComparingTo("125000.50");
        assertThat(link.note()).isEqualTo("framework agreement");
        assertThat(link.roles()).isEmpty();
        assertThat(link.active()).isTrue();
        assertThat(link.version()).isZero();
        assertThat(dsl.select(CHAIN_LINK.UPDATED_AT, CHAIN_LINK.UPDATED_BY).from(CHAIN_LINK).where(CHAIN_LINK.ID.eq(id)).fetchSingle())
                .extracting(r -> r.value1(), r -> r.value2()).containsExactly(NOW, "tester");
    }

    @Test
    void our_company_on_both_sides_is_rejected() {
        assertRejected(input(null, null), entry("to", "link.error.us-twice"));
    }

    @Test
    void the_same_account_on_both_sides_is_rejected() {
        assertRejected(input(klantA, klantA), entry("to", "link.error.same-party"));
    }

    @Test
    void an_end_before_the_start_is_rejected_but_an_end_on_the_start_day_is_fine() {
        assertRejected(new LinkInput(BEARINGS, null, klantA, LinkKind.SUPPLIES, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28),
                null, null, ""), entry("end", "link.error.end-before-start"));

        long id = chains.create(new LinkInput(BEARINGS, null, klantA, LinkKind.SUPPLIES, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1),
                null, null, ""), "tester");
        assertThat(chains.find(id).orElseThrow().end()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void a_negative_revenue_or_volume_is_rejected() {
        assertRejected(new LinkInput(BEARINGS, null, klantA, LinkKind.SUPPLIES, null, null, new BigDecimal("-1"), new BigDecimal("-0.01"), ""),
                entry("volume", "link.error.amount"), entry("revenue", "link.error.amount"));
    }

    @Test
    void an_account_that_does_not_exist_is_rejected_on_its_side() {
        long gone = account("Gone BV");
        dsl.deleteFrom(ACCOUNT).where(ACCOUNT.ID.eq(gone)).execute();

        assertRejected(input(null, gone), entry("to", "link.error.account-gone"));
        assertRejected(input(gone, klantA), entry("from", "link.error.account-gone"));
    }

    @Test
    void a_missing_group_and_kind_and_a_long_note_are_rejected_together() {
        assertRejected(new LinkInput("  ", null, klantA, null, null, null, null, null, "x".repeat(501)),
                entry("productGroup", "link.error.group-required"), entry("kind", "link.error.kind"), entry("note", "link.error.note-long"));
    }

    @Test
    void an_update_with_the_version_read_raises_the_version_and_a_stale_one_changes_nothing() {
        long id = chains.create(input(null, klantA), "tester");

        chains.update(id, 0, new LinkInput(BEARINGS, null, klantA, LinkKind.SUPPLIES, null, LocalDate.of(2026, 12, 31), null,
                new BigDecimal("900"), "renewed"), "editor");

        Link link = chains.find(id).orElseThrow();
        assertThat(link.version()).isEqualTo(1);
        assertThat(link.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(link.revenue()).isEqualByComparingTo("900");
        assertThat(link.note()).isEqualTo("renewed");
        assertThatThrownBy(() -> chains.update(id, 0, input(null, klantB), "late")).isInstanceOf(ChangedMeanwhileException.class);
        assertThat(chains.find(id).orElseThrow().to().accountId()).isEqualTo(klantA);
    }

    @Test
    void an_update_can_clear_the_optional_fields() {
        long id = chains.create(new LinkInput(BEARINGS, null, klantA, LinkKind.SUPPLIES, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                new BigDecimal("10"), new BigDecimal("900"), "note"), "tester");

        chains.update(id, 0, new LinkInput(BEARINGS, null, klantA, LinkKind.DISTRIBUTES_FOR, null, null, null, null, null), "editor");

        Link link = chains.find(id).orElseThrow();
        assertThat(link).extracting(Link::kind, Link::start, Link::end, Link::volume, Link::revenue, Link::note)
                .containsExactly(LinkKind.DISTRIBUTES_FOR, null, null, null, null, "");
    }

    @Test
    void an_update_is_validated_before_the_version_is_checked() {
        long id = chains.create(input(null, klantA), "tester");

        assertThatThrownBy(() -> chains.update(id, 0, input(klantA, klantA), "editor")).isInstanceOf(InputRejectedException.class);
        assertThat(chains.find(id).orElseThrow().version()).isZero();
    }

    @Test
    void a_delete_needs_the_version_read_and_takes_the_roles_along() {
        long id = chains.create(input(null, klantA), "tester");
        saveRoles(id, 0, Map.of(Role.STEERING, 4));

        assertThatThrownBy(() -> chains.delete(id, 0)).isInstanceOf(ChangedMeanwhileException.class);
        chains.delete(id, 1);

        assertThat(chains.find(id)).isEmpty();
        assertThat(dsl.fetchCount(LINK_ROLE)).isZero();
        assertThat(dsl.fetchCount(ROLE_CHANGE)).isZero();
        assertThatThrownBy(() -> chains.delete(id, 1)).isInstanceOf(ChangedMeanwhileException.class);
    }

    @Test
    void links_of_an_account_are_those_where_it_is_either_party_in_any_group() {
        long supplies = chains.create(input(alfa, null), "tester");
        long direct = chains.create(input(alfa, klantA), "tester");
        long seals = chains.create(new LinkInput("Seals", klantB, alfa, LinkKind.DISTRIBUTES_FOR, null, null, null, null, ""), "tester");
        chains.create(input(null, klantA), "tester");

        assertThat(chains.linksOf(alfa)).extracting(Link::id).containsExactlyInAnyOrder(supplies, direct, seals);
        assertThat(chains.linksOf(klantB)).extracting(Link::id, Link::kind).containsExactly(tuple(seals, LinkKind.DISTRIBUTES_FOR));
    }

    @Test
    void a_marked_supplier_shows_as_supplier_on_its_links_until_unmarked() {
        long id = chains.create(input(alfa, klantA), "tester");

        chains.markSupplier(alfa, true, "tester");
        chains.markSupplier(alfa, true, "again"); // marking twice is harmless

        assertThat(chains.isSupplier(alfa)).isTrue();
        assertThat(chains.isSupplier(klantA)).isFalse();
        assertThat(chains.find(id).orElseThrow().from().supplier()).isTrue();
        assertThat(dsl.select(SUPPLIER.MARKED_BY).from(SUPPLIER).fetchSingle().value1()).isEqualTo("tester");

        chains.markSupplier(alfa, false, "tester");
        assertThat(chains.isSupplier(alfa)).isFalse();
        assertThat(chains.find(id).orElseThrow().from().supplier()).isFalse();
    }

    @Test
    void forgetting_an_account_removes_its_links_and_supplier_mark_and_nothing_else() {
        chains.markSupplier(alfa, true, "tester");
        chains.markSupplier(klantB, true, "tester");
        chains.create(input(alfa, null), "tester");
        chains.create(input(alfa, klantA), "tester");
        long other = chains.create(input(null, klantA), "tester");
        long klantBs = chains.create(input(klantB, null), "tester");

        chains.forget(alfa);

        assertThat(dsl.select(CHAIN_LINK.ID).from(CHAIN_LINK).fetch(CHAIN_LINK.ID)).containsExactlyInAnyOrder(other, klantBs);
        assertThat(chains.isSupplier(alfa)).isFalse();
        assertThat(chains.isSupplier(klantB)).isTrue();
    }

    @Test
    void the_groups_are_those_of_the_catalogue_and_of_the_links_once_each_in_alphabetical_order() {
        dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP).values("WC-1", "Hex bolt M8", "Fasteners")
                .values("WC-2", "Ball bearing 6204", BEARINGS).execute();
        chains.create(input(null, klantA), "tester");
        chains.create(new LinkInput("Adhesives", null, klantA, LinkKind.SUPPLIES, null, null, null, null, ""), "tester");

        assertThat(chains.groups()).containsExactly("Adhesives", BEARINGS, "Fasteners");
    }

    @Test
    void the_largest_links_come_by_revenue_with_the_links_without_revenue_last() {
        long small = chains.create(revenue(klantA, "1000"), "tester");
        long none = chains.create(revenue(klantB, null), "tester");
        long large = chains.create(revenue(alfa, "90000"), "tester");

        assertThat(chains.largest(BEARINGS, 2)).extracting(Link::id).containsExactly(large, small);
        assertThat(chains.largest(BEARINGS, 10)).extracting(Link::id).containsExactly(large, small, none);
    }

    @Test
    void a_chain_is_listed_upstream_first_and_by_page() {
        long toA = chains.create(input(null, klantA), "tester");
        long toB = chains.create(input(null, klantB), "tester");
        long fromAlfa = chains.create(input(alfa, null), "tester");
        chains.create(new LinkInput("Seals", null, klantA, LinkKind.SUPPLIES, null, null, null, null, ""), "tester");

        assertThat(chains.count(BEARINGS)).isEqualTo(3);
        assertThat(chains.links(BEARINGS)).extracting(Link::id).containsExactly(fromAlfa, toA, toB);
        assertThat(chains.links(BEARINGS, 1, 5)).extracting(Link::id).containsExactly(toA, toB);
    }

    // ---------------------------------------------------------------- roles

    @Test
    void roles_are_saved_with_services_interactions_and_evidence_and_read_back_with_the_missing_role_as_none() {
        long id = chains.create(input(null, klantA), "tester");
        long visit = ChainDatabase.interaction(klantA, ChainDatabase.user("wc-sales"));
        long categoryManagement = serviceId("Category management");
        long edi = serviceId("EDI");

        roles.save(id, 0, Map.of(
                Role.STEERING, new RolePlay(4, Set.of(categoryManagement), Set.of(visit), " category plan 2026 "),
                Role.COORDINATOR, new RolePlay(2, Set.of(edi), Set.of(), "")), "tester");

        assertThat(roles.of(id)).containsExactly(
                entry(Role.STEERING, new RolePlay(4, Set.of(categoryManagement), Set.of(visit), "category plan 2026")),
                entry(Role.COORDINATOR, new RolePlay(2, Set.of(edi), Set.of(), "")),
                entry(Role.EXPERT, RolePlay.NONE));
        Link link = chains.find(id).orElseThrow();
        assertThat(link.roles()).containsOnly(entry(Role.STEERING, 4), entry(Role.COORDINATOR, 2));
        assertThat(link.strength(Role.EXPERT)).isZero();
        assertThat(link.version()).isEqualTo(1);
    }

    @Test
    void saving_roles_writes_a_history_row_only_for_the_strengths_that_changed() {
        long id = chains.create(input(null, klantA), "tester");

        saveRoles(id, 0, Map.of(Role.STEERING, 2, Role.COORDINATOR, 3, Role.EXPERT, 0));
        roles.save(id, 1, Map.of(
                Role.STEERING, new RolePlay(2, Set.of(), Set.of(), "now with evidence"),
                Role.COORDINATOR, new RolePlay(4, Set.of(), Set.of(), ""),
                Role.EXPERT, RolePlay.NONE), "editor");

        assertThat(dsl.select(ROLE_CHANGE.ROLE, ROLE_CHANGE.STRENGTH, ROLE_CHANGE.CHANGED_BY).from(ROLE_CHANGE).orderBy(ROLE_CHANGE.ID)
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3()))).containsExactlyInAnyOrder(
                tuple("STEERING", 2, "tester"), tuple("COORDINATOR", 3, "tester"), tuple("EXPERT", 0, "tester"),
                tuple("COORDINATOR", 4, "editor"));
        assertThat(roles.of(id).get(Role.STEERING).evidence()).isEqualTo("now with evidence");
    }

    @Test
    void saving_roles_with_a_stale_link_version_changes_nothing() {
        long id = chains.create(input(null, klantA), "tester");
        chains.update(id, 0, input(null, klantA), "editor");

        assertThatThrownBy(() -> saveRoles(id, 0, Map.of(Role.STEERING, 5))).isInstanceOf(ChangedMeanwhileException.class);

        assertThat(roles.of(id).get(Role.STEERING)).isEqualTo(RolePlay.NONE);
        assertThat(dsl.fetchCount(ROLE_CHANGE)).isZero();
        assertThat(chains.find(id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void saving_roles_raises_the_link_version_so_an_edit_read_before_is_refused() {
        long id = chains.create(input(null, klantA), "tester");

        saveRoles(id, 0, Map.of(Role.EXPERT, 3));

        assertThatThrownBy(() -> chains.update(id, 0, input(null, klantB), "late")).isInstanceOf(ChangedMeanwhileException.class);
    }

    @Test
    void saving_roles_of_a_deleted_link_is_changed_meanwhile() {
        long id = chains.create(input(null, klantA), "tester");
        chains.delete(id, 0);

        assertThatThrownBy(() -> saveRoles(id, 0, Map.of(Role.EXPERT, 3))).isInstanceOf(ChangedMeanwhileException.class);
    }

    @Test
    void an_interaction_with_another_account_is_rejected_as_evidence() {
        long id = chains.create(input(null, klantA), "tester");
        long user = ChainDatabase.user("wc-sales");
        long withA = ChainDatabase.interaction(klantA, user);
        long withB = ChainDatabase.interaction(klantB, user);

        assertThatThrownBy(() -> roles.save(id, 0, Map.of(Role.EXPERT, new RolePlay(3, Set.of(), Set.of(withA, withB), ""),
                Role.STEERING, new RolePlay(2, Set.of(), Set.of(withA), "")), "tester"))
                .as("only the role holding the other account's interaction")
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errors()).containsExactly(entry("interactions-EXPERT", "roles.error.interaction")));
        assertThat(roles.of(id).get(Role.EXPERT)).isEqualTo(RolePlay.NONE);
        assertThat(chains.find(id).orElseThrow().version()).isZero();
    }

    @Test
    void roles_on_a_link_between_two_other_parties_or_services_of_another_role_are_refused() {
        long direct = chains.create(new LinkInput(BEARINGS, alfa, klantA, LinkKind.SUPPLIES, null, null, null, null, ""), "tester");
        long ours = chains.create(input(null, klantA), "tester");
        long edi = roles.services(true).stream().filter(s -> s.nameEn().equals("EDI")).findFirst().orElseThrow().id();

        assertThatThrownBy(() -> roles.save(direct, 0, Map.of(Role.EXPERT, new RolePlay(3, Set.of(), Set.of(), "")), "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsEntry("link", "roles.error.not-ours"));
        assertThatThrownBy(() -> roles.save(ours, 0, Map.of(Role.EXPERT, new RolePlay(3, Set.of(edi), Set.of(), "")), "tester"))
                .as("EDI backs the coordinator role")
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errors()).containsExactly(entry("services-EXPERT", "roles.error.service-role")));
    }

    @Test
    void a_strength_outside_0_to_5_an_unknown_service_and_long_evidence_are_rejected_per_role() {
        long id = chains.create(input(null, klantA), "tester");

        assertThatThrownBy(() -> roles.save(id, 0, Map.of(
                Role.STEERING, new RolePlay(6, Set.of(), Set.of(), ""),
                Role.COORDINATOR, new RolePlay(-1, Set.of(999_999L), Set.of(), ""),
                Role.EXPERT, new RolePlay(3, Set.of(), Set.of(), "x".repeat(1001))), "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsOnly(
                        entry("strength-STEERING", "roles.error.strength"),
                        entry("strength-COORDINATOR", "roles.error.strength"),
                        entry("services-COORDINATOR", "roles.error.service"),
                        entry("evidence-EXPERT", "roles.error.evidence-long")));
        assertThat(dsl.fetchCount(LINK_ROLE)).isZero();
    }

    // ---------------------------------------------------------------- service catalogue

    @Test
    void the_catalogue_lists_the_ten_seeded_services_in_their_order() {
        assertThat(roles.services(true)).hasSize(ChainDatabase.SEEDED_SERVICES)
                .extracting(Service::nameEn, Service::role).startsWith(
                        tuple("Category management", Role.STEERING), tuple("Assortment advice", Role.STEERING));
        assertThat(roles.services(true).getLast().name(Locale.of("nl"))).isEqualTo("Toepassingsadvies");
    }

    @Test
    void a_new_service_goes_to_the_end_of_the_catalogue_and_can_be_changed_with_its_version() {
        roles.saveService(null, 0, " Returns handling ", " Retourafhandeling ", Role.COORDINATOR, true);

        Service added = roles.services(false).getLast();
        assertThat(added).extracting(Service::nameEn, Service::nameNl, Service::role, Service::active, Service::version)
                .containsExactly("Returns handling", "Retourafhandeling", Role.COORDINATOR, true, 0);

        roles.saveService(added.id(), 0, "Returns handling", "Retourafhandeling", Role.COORDINATOR, false);
        roles.saveService(null, 0, "Pallet pooling", "Palletpool", Role.COORDINATOR, false);
        assertThat(roles.services(false).getLast()).as("added inactive").extracting(Service::nameEn, Service::active)
                .containsExactly("Pallet pooling", false);
        roles.saveService(roles.services(false).getLast().id(), 0, "Pallet pooling", "Palletpool", Role.COORDINATOR, false);

        assertThat(roles.services(false)).filteredOn(s -> s.id() == added.id()).extracting(Service::active, Service::version)
                .containsExactly(tuple(false, 1));
        assertThat(roles.services(true)).extracting(Service::id).doesNotContain(added.id());
        assertThatThrownBy(() -> roles.saveService(added.id(), 0, "Returns", "Retour", Role.COORDINATOR, true))
                .isInstanceOf(ChangedMeanwhileException.class);
    }

    @Test
    void an_english_name_taken_by_another_service_is_rejected_ignoring_case() {
        assertRejectedService(() -> roles.saveService(null, 0, " training ", "Opleiding", Role.EXPERT, true),
                entry("nameEn", "services.error.name-taken"));

        roles.saveService(null, 0, "Returns handling", "Retourafhandeling", Role.COORDINATOR, true);
        long returns = serviceId("Returns handling");
        roles.saveService(returns, 0, "RETURNS HANDLING", "Retouren", Role.COORDINATOR, true); // its own name is not taken
        assertThat(roles.services(false)).filteredOn(s -> s.id() == returns).extracting(Service::nameEn, Service::nameNl)
                .containsExactly(tuple("RETURNS HANDLING", "Retouren"));
        assertRejectedService(() -> roles.saveService(returns, 1, "EDI", "EDI", Role.COORDINATOR, true),
                entry("nameEn", "services.error.name-taken"));
    }

    @Test
    void a_service_without_names_or_role_is_rejected() {
        assertRejectedService(() -> roles.saveService(null, 0, " ", null, null, true),
                entry("nameEn", "services.error.name-required"), entry("nameNl", "services.error.name-required"),
                entry("role", "services.error.role"));
        assertRejectedService(() -> roles.saveService(null, 0, "x".repeat(101), "ok", Role.EXPERT, true),
                entry("nameEn", "services.error.name-long"));
    }

    // ---------------------------------------------------------------- trends

    @Test
    void the_checklist_of_a_chain_lists_all_five_trends_open_until_looked_at() {
        assertThat(trends.of(BEARINGS)).extracting(Trends.Item::trend, Trends.Item::status, Trends.Item::response, Trends.Item::version)
                .containsExactly(
                        tuple(Trend.LOW_WAGE_PRODUCTION, TrendStatus.OPEN, "", -1),
                        tuple(Trend.PRODUCERS_CORE_BUSINESS, TrendStatus.OPEN, "", -1),
                        tuple(Trend.TAILORED_SERVICE, TrendStatus.OPEN, "", -1),
                        tuple(Trend.RISING_COMPETITION, TrendStatus.OPEN, "", -1),
                        tuple(Trend.INFORMATION_EBUSINESS, TrendStatus.OPEN, "", -1));
    }

    @Test
    void a_first_response_is_saved_with_version_minus_1_and_then_changed_with_the_version_read() {
        trends.save(BEARINGS, Trend.TAILORED_SERVICE, TrendStatus.ADDRESSING, "  kitting per customer ", -1, "tester");

        var item = trends.of(BEARINGS).get(2);
        assertThat(item).isEqualTo(new Trends.Item(Trend.TAILORED_SERVICE, TrendStatus.ADDRESSING, "kitting per customer", NOW, "tester", 0));
        assertThat(trends.of("Seals").get(2).version()).isEqualTo(-1);

        trends.save(BEARINGS, Trend.TAILORED_SERVICE, TrendStatus.ANSWERED, "kitting live", 0, "editor");
        assertThat(trends.of(BEARINGS).get(2)).extracting(Trends.Item::status, Trends.Item::response, Trends.Item::version)
                .containsExactly(TrendStatus.ANSWERED, "kitting live", 1);
    }

    @Test
    void a_response_saved_meanwhile_refuses_both_a_second_first_one_and_a_stale_version() {
        trends.save(BEARINGS, Trend.RISING_COMPETITION, TrendStatus.ADDRESSING, "first", -1, "tester");

        assertThatThrownBy(() -> trends.save(BEARINGS, Trend.RISING_COMPETITION, TrendStatus.OPEN, "second first", -1, "other"))
                .isInstanceOf(ChangedMeanwhileException.class);
        trends.save(BEARINGS, Trend.RISING_COMPETITION, TrendStatus.ANSWERED, "done", 0, "tester");
        assertThatThrownBy(() -> trends.save(BEARINGS, Trend.RISING_COMPETITION, TrendStatus.OPEN, "stale", 0, "other"))
                .isInstanceOf(ChangedMeanwhileException.class);
        assertThat(trends.of(BEARINGS).get(3)).extracting(Trends.Item::response, Trends.Item::version).containsExactly("done", 1);
    }

    @Test
    void a_trend_without_status_or_group_or_with_a_too_long_response_is_rejected() {
        assertThatThrownBy(() -> trends.save(" ", Trend.LOW_WAGE_PRODUCTION, TrendStatus.OPEN, "", -1, "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errors()).containsExactly(entry("productGroup", "link.error.group-required")));
        assertThatThrownBy(() -> trends.save(BEARINGS, Trend.LOW_WAGE_PRODUCTION, null, "", -1, "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsExactly(entry("status", "trends.error.status")));
        assertThatThrownBy(() -> trends.save(BEARINGS, Trend.LOW_WAGE_PRODUCTION, TrendStatus.OPEN, "x".repeat(2001), -1, "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errors()).containsExactly(entry("response", "trends.error.response-long")));
    }

    // ---------------------------------------------------------------- settings

    @Test
    void the_settings_start_at_threshold_2_and_target_3_and_are_saved_with_their_version() {
        assertThat(settings.get()).isEqualTo(new ChainSettings.Values(2, 3, 0));

        settings.save(3, 4, 0);

        assertThat(settings.get()).isEqualTo(new ChainSettings.Values(3, 4, 1));
        assertThatThrownBy(() -> settings.save(1, 2, 0)).isInstanceOf(ChangedMeanwhileException.class);
        assertThat(settings.get()).isEqualTo(new ChainSettings.Values(3, 4, 1));
    }

    @Test
    void a_threshold_outside_0_to_4_and_a_target_outside_1_to_5_are_rejected() {
        assertThatThrownBy(() -> settings.save(-1, 6, 0)).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnly(entry("roleThreshold", "settings.error.threshold"), entry("targetStrength", "settings.error.target")));
        assertThatThrownBy(() -> settings.save(5, 0, 0)).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("roleThreshold", "targetStrength"));
        settings.save(0, 5, 0);
        settings.save(4, 1, 1);
        assertThat(settings.get()).isEqualTo(new ChainSettings.Values(4, 1, 2));
    }

    // ----------------------------------------------------------------

    private static LinkInput revenue(Long to, String revenue) {
        return new LinkInput(BEARINGS, null, to, LinkKind.SUPPLIES, null, null, null, revenue == null ? null : new BigDecimal(revenue), "");
    }

    private static LinkInput input(Long from, Long to) {
        return new LinkInput(BEARINGS, from, to, LinkKind.SUPPLIES, null, null, null, null, "");
    }

    @SafeVarargs
    private void assertRejected(LinkInput input, Map.Entry<String, String>... errors) {
        int before = dsl.fetchCount(CHAIN_LINK);
        assertThatThrownBy(() -> chains.create(input, "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsOnly(errors));
        assertThat(dsl.fetchCount(CHAIN_LINK)).isEqualTo(before);
    }

    @SafeVarargs
    private static void assertRejectedService(ThrowingCallable save, Map.Entry<String, String>... errors) {
        int before = dsl.fetchCount(SERVICE);
        assertThatThrownBy(save).isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsOnly(errors));
        assertThat(dsl.fetchCount(SERVICE)).isEqualTo(before);
    }

    private void saveRoles(long linkId, int version, Map<Role, Integer> strengths) {
        var plays = new EnumMap<Role, RolePlay>(Role.class);
        strengths.forEach((role, strength) -> plays.put(role, new RolePlay(strength, Set.of(), Set.of(), "")));
        roles.save(linkId, version, plays, "tester");
    }

    private long serviceId(String nameEn) {
        return roles.services(false).stream().filter(s -> s.nameEn().equals(nameEn)).findFirst().orElseThrow().id();
    }
}

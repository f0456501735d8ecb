package org.crmworkbench.plugin.chain;

import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.plugin.chain.map.Chains;
import org.crmworkbench.plugin.chain.map.Link;
import org.crmworkbench.plugin.chain.map.LinkInput;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.transfer.LinkImport;
import org.crmworkbench.plugin.chain.transfer.LinkImport.Column;
import org.crmworkbench.plugin.chain.transfer.LinkImport.Outcome;
import org.crmworkbench.plugin.chain.transfer.LinkImport.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.plugin.chain.ChainDatabase.account;
import static org.crmworkbench.plugin.chain.ChainDatabase.dsl;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.SUPPLIER;

/** The CSV import of chain links: all or nothing, every problem with its line and column. */
class LinkImportIT {

    private static final String GOOD = """
            Supplier,Customer,Product group,Relation,Start,End,Volume,Revenue
            Alfa Producer,Klant A,Bearings,via us,2025-01-01,,1200,125000.50
            alfa producer,KLANT B,Bearings,,1-7-2025,31-12-2026,300,"45,000.00"
            Beta Producer,Klant C,Bearings,direct,2024-03-01,,,
            """;

    private static final String DUTCH = """
            Leverancier;Klant;Productgroep;Relatie;Startdatum;Einddatum;Aantal;Omzet
            Alfa Producer;Klant A;Afdichtingen;via ons;01-02-2025;;10;€ 125.000,50
            Beta Producer;Klant B;Afdichtingen;rechtstreeks;15/03/2025;;;1.250
            Alfa Producer;Klant C;Afdichtingen;;2025-04-01;;;
            """;

    private static final String BAD = """
            Supplier,Customer,Product group,Relation,Start
            Nobody Ltd,Klant A,Bearings,via us,2025-01-01
            Alfa Producer,Klant A,,via us,2025-01-01
            Alfa Producer,Klant B,Bearings,via us,31-02-2025
            Alfa Producer,Klant C,Bearings,sideways,2025-01-01
            Alfa Producer,Alfa Producer,Bearings,via us,2025-01-01
            Beta Producer,Klant C,Bearings,direct,2025-01-01
            """;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final LinkImport linkImport = new LinkImport(dsl, clock);
    private final Chains chains = new Chains(dsl, clock);

    private long alfa;
    private long beta;
    private long klantA;
    private long klantB;
    private long klantC;

    @BeforeAll
    static void migrate() {
        ChainDatabase.migrate();
    }

    @BeforeEach
    void setUp() {
        ChainDatabase.clean();
        alfa = account("Alfa Producer");
        beta = account("Beta Producer");
        klantA = account("Klant A");
        klantB = account("Klant B");
        klantC = account("Klant C");
    }

    @Test
    void via_us_lines_add_the_suppliers_link_to_us_once_and_ours_to_each_customer_with_dates_and_amounts() throws Exception {
        Outcome outcome = run(GOOD);

        assertThat(outcome.refused()).isFalse();
        assertThat(outcome).extracting(Outcome::linksAdded, Outcome::skipped, Outcome::suppliersMarked).containsExactly(4, 0, 2);
        assertThat(chains.links("Bearings")).extracting(l -> l.from().accountId(), l -> l.to().accountId(), Link::kind, Link::start, Link::end,
                Link::volume, Link::revenue).containsExactlyInAnyOrder(
                tuple(alfa, null, LinkKind.SUPPLIES, null, null, null, null),
                tuple(null, klantA, LinkKind.SUPPLIES, LocalDate.of(2025, 1, 1), null, new BigDecimal("1200.00"), new BigDecimal("125000.50")),
                tuple(null, klantB, LinkKind.SUPPLIES, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 12, 31), new BigDecimal("300.00"),
                        new BigDecimal("45000.00")),
                tuple(beta, klantC, LinkKind.SUPPLIES, LocalDate.of(2024, 3, 1), null, null, null));
    }

    @Test
    void the_suppliers_of_the_file_get_marked_and_the_customers_do_not() throws Exception {
        run(GOOD);

        assertThat(dsl.select(SUPPLIER.ACCOUNT_ID, SUPPLIER.MARKED_BY).from(SUPPLIER).fetch(r -> tuple(r.value1(), r.value2())))
                .containsExactlyInAnyOrder(tuple(alfa, "importer"), tuple(beta, "importer"));
        assertThat(chains.find(chains.linksOf(klantC).getFirst().id()).orElseThrow().from().supplier()).isTrue();
    }

    @Test
    void importing_the_same_file_again_skips_every_link() throws Exception {
        run(GOOD);

        Outcome again = run(GOOD);

        assertThat(again).extracting(Outcome::linksAdded, Outcome::skipped, Outcome::suppliersMarked, Outcome::problems)
                .containsExactly(0, 3, 0, List.of());
        assertThat(dsl.fetchCount(CHAIN_LINK)).isEqualTo(4);
    }

    @Test
    void a_supplier_already_supplying_us_in_the_group_gets_no_second_link_to_us() throws Exception {
        chains.create(new LinkInput("bearings", alfa, null, LinkKind.SUPPLIES, LocalDate.of(2020, 1, 1), null, null, null, ""), "tester");

        Outcome outcome = run(GOOD);

        assertThat(outcome.linksAdded()).isEqualTo(3);
        assertThat(chains.linksOf(alfa)).hasSize(1);
    }

    @Test
    void a_dutch_file_with_semicolons_dutch_headers_dates_and_amounts_is_read_alike() throws Exception {
        Outcome outcome = run(DUTCH);

        assertThat(outcome).extracting(Outcome::linksAdded, Outcome::skipped, Outcome::suppliersMarked, Outcome::problems)
                .containsExactly(4, 0, 2, List.of());
        assertThat(chains.links("Afdichtingen")).extracting(l -> l.from().accountId(), l -> l.to().accountId(), Link::start, Link::volume,
                Link::revenue).containsExactlyInAnyOrder(
                tuple(alfa, null, null, null, null),
                tuple(null, klantA, LocalDate.of(2025, 2, 1), new BigDecimal("10.00"), new BigDecimal("125000.50")),
                tuple(beta, klantB, LocalDate.of(2025, 3, 15), null, new BigDecimal("1250.00")),
                tuple(null, klantC, LocalDate.of(2025, 4, 1), null, null));
    }

    @Test
    void a_bad_file_reports_each_problem_with_its_line_and_column_and_stores_nothing() throws Exception {
        Outcome outcome = run(BAD);

        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.problems()).containsExactly(
                new Problem(2, Column.SUPPLIER, "import.error.unknown-account", "Nobody Ltd"),
                new Problem(3, Column.PRODUCT_GROUP, "import.error.required", ""),
                new Problem(4, Column.START, "import.error.date", "31-02-2025"),
                new Problem(5, Column.RELATION, "import.error.relation", "sideways"),
                new Problem(6, Column.CUSTOMER, "import.error.same-account", "Alfa Producer"));
        assertThat(outcome).extracting(Outcome::linksAdded, Outcome::skipped, Outcome::suppliersMarked).containsExactly(0, 0, 0);
        assertThat(dsl.fetchCount(CHAIN_LINK)).isZero();
        assertThat(dsl.fetchCount(SUPPLIER)).isZero();
    }

    @Test
    void a_name_several_accounts_carry_and_a_line_repeated_in_the_file_are_problems() throws Exception {
        account("Klant A");
        Outcome outcome = run("""
                supplier,customer,product group
                Alfa Producer,Klant A,Bearings
                Alfa Producer,Klant B,Bearings
                Alfa Producer,Klant B,bearings
                """);

        assertThat(outcome.problems()).containsExactly(new Problem(2, Column.CUSTOMER, "import.error.ambiguous-account", "Klant A"),
                new Problem(4, null, "import.error.duplicate-line", "3"));
        assertThat(dsl.fetchCount(CHAIN_LINK)).isZero();
    }

    @Test
    void an_end_before_the_start_and_a_negative_or_unreadable_amount_are_problems_of_their_column() throws Exception {
        Outcome outcome = run("""
                Supplier,Customer,Product group,Start,End,Volume,Revenue
                Alfa Producer,Klant A,Bearings,2025-06-01,2025-05-31,,
                Alfa Producer,Klant B,Bearings,,,-5,lots
                """);

        assertThat(outcome.problems()).containsExactly(
                new Problem(2, Column.END, "import.error.end-before-start", "2025-05-31"),
                new Problem(3, Column.VOLUME, "import.error.amount", "-5"),
                new Problem(3, Column.REVENUE, "import.error.amount", "lots"));
    }

    @Test
    void a_missing_required_column_is_a_problem_of_line_1() throws Exception {
        Outcome outcome = run("""
                Supplier,Product group,Revenue
                Alfa Producer,Bearings,100
                """);

        assertThat(outcome.problems()).containsExactly(new Problem(1, Column.CUSTOMER, "import.error.no-column", ""));
        assertThat(dsl.fetchCount(CHAIN_LINK)).isZero();
    }

    @Test
    void a_line_number_counts_the_lines_of_the_file_so_a_quoted_line_break_and_empty_lines_shift_it() throws Exception {
        Outcome outcome = run("""
                Supplier,Customer,Product group

                "Alfa
                Producer",Klant A,Bearings
                Nobody,Klant A,Bearings
                """);

        assertThat(outcome.problems()).extracting(Problem::line, Problem::column, Problem::value).containsExactly(
                tuple(3, Column.SUPPLIER, "Alfa\nProducer"), tuple(5, Column.SUPPLIER, "Nobody"));
    }

    private Outcome run(String csv) throws CsvFile.UnreadableException {
        return linkImport.run(CsvFile.parse(csv.getBytes(StandardCharsets.UTF_8)), "importer");
    }
}

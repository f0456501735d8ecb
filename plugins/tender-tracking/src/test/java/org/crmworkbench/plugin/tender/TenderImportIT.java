package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.api.csv.CsvWriter;
import org.crmworkbench.core.account.CoreAccounts;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.plugin.tender.award.AwardMethod;
import org.crmworkbench.plugin.tender.award.PriceFormula;
import org.crmworkbench.plugin.tender.register.KeyDates;
import org.crmworkbench.plugin.tender.register.ProcedureType;
import org.crmworkbench.plugin.tender.register.Tender;
import org.crmworkbench.plugin.tender.register.TenderInput;
import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.crmworkbench.plugin.tender.register.Tenders;
import org.crmworkbench.plugin.tender.register.Tenders.Search;
import org.crmworkbench.plugin.tender.register.Tenders.Sort;
import org.crmworkbench.plugin.tender.register.Tenders.StatusChange;
import org.crmworkbench.plugin.tender.transfer.ImportField;
import org.crmworkbench.plugin.tender.transfer.ImportProblem;
import org.crmworkbench.plugin.tender.transfer.RegisterExport;
import org.crmworkbench.plugin.tender.transfer.TenderImport;
import org.crmworkbench.plugin.tender.transfer.TenderImport.Outcome;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_STATUS_CHANGE;

/**
 * The CSV import of tender notices on a real MariaDB, with new authorities created through the real
 * {@link CoreAccounts} as a signed-in manager; and the register export read back by the import.
 */
class TenderImportIT {

    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final String DUTCH_HEADER = "Titel;Aanbestedende dienst;Kenmerk;CPV-codes;Procedure;Geraamde waarde;Sluiting inschrijving";

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final TenderDatabase core = new TenderDatabase(clock);
    private final AtomicReference<UserRef> signedIn = core.signedIn;
    private final CoreAccounts accounts = core.accounts;
    private final Tenders tenders = new Tenders(dsl, clock, accounts);
    private final TenderImport importer = new TenderImport(dsl, tenders, accounts);
    private UserRef manager;
    private long zwolle;

    @BeforeAll
    static void migrate() {
        TenderDatabase.migrate();
    }

    @BeforeEach
    void setUp() {
        dsl.deleteFrom(TENDER).execute();
        dsl.deleteFrom(ACCOUNT).execute();
        manager = user("ti-manager", "Mira Manager", Role.MANAGER);
        signedIn.set(manager);
        zwolle = dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ACCOUNT_MANAGER_ID)
                .values("Gemeente Zwolle", "PROSPECT", manager.id()).returningResult(ACCOUNT.ID).fetchSingle().value1();
    }

    // ---------------------------------------------------------------- a good file

    @Test
    void dutch_portal_headers_are_mapped_to_their_fields_without_help() {
        var file = csv(DUTCH_HEADER + "\n");

        assertThat(TenderImport.guessMapping(file.header())).containsExactly(entry(ImportField.TITLE, 0), entry(ImportField.AUTHORITY, 1),
                entry(ImportField.REFERENCE, 2), entry(ImportField.CPV, 3), entry(ImportField.PROCEDURE, 4), entry(ImportField.VALUE, 5),
                entry(ImportField.SUBMISSION, 6));
        assertThat(file.separator()).isEqualTo(';');
    }

    @Test
    void english_and_portal_headers_map_ignoring_case_accents_underscores_and_unknown_columns() {
        var header = List.of("Référence", "NAME", "Contracting_Authority", "Remarks", "CPV code", "Publicatiedatum", "Deadline",
                "Gunningsbeslissing", "Opschortende termijn", "Start contract", "Einde contract", "Valuta", "Portal", "Type procedure",
                "Raming", "Vragen   tot", "Notice ID", "Contract end");

        assertThat(TenderImport.guessMapping(header)).containsExactly(entry(ImportField.TITLE, 1), entry(ImportField.AUTHORITY, 2),
                entry(ImportField.REFERENCE, 0), entry(ImportField.SOURCE, 12), entry(ImportField.CPV, 4), entry(ImportField.PROCEDURE, 13),
                entry(ImportField.VALUE, 14), entry(ImportField.CURRENCY, 11), entry(ImportField.PUBLICATION, 5),
                entry(ImportField.QUESTIONS, 15), entry(ImportField.SUBMISSION, 6), entry(ImportField.AWARD_DECISION, 7),
                entry(ImportField.STANDSTILL_END, 8), entry(ImportField.CONTRACT_START, 9), entry(ImportField.CONTRACT_END, 10));
    }

    @Test
    void a_good_file_checks_without_problems_matching_one_authority_by_name_in_any_case_and_counting_one_new() {
        var file = csv(goodFile());

        var checked = importer.check(file, TenderImport.guessMapping(file.header()), "TenderNed");

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.importable()).isTrue();
        assertThat(checked.skipped()).isZero();
        assertThat(checked.newAuthorities()).isEqualTo(1);
        assertThat(checked.rows()).extracting(TenderImport.Row::authority, TenderImport.Row::authorityId)
                .containsExactly(tuple("gemeente zwolle", zwolle), tuple("Gemeente Zwolle", zwolle), tuple("Provincie Overijssel", null));
        assertThat(checked.rows()).extracting(r -> r.input().title(), r -> r.input().reference(), r -> r.input().source(),
                        r -> r.input().cpvCodes(), r -> r.input().procedure(), r -> r.input().estimatedValue(), r -> r.input().currency(),
                        r -> r.input().dates().submissionDeadline())
                .containsExactly(
                        tuple("Onderhoud openbare verlichting", "ZW-2027-01", "TenderNed", "45316000-5", ProcedureType.OPEN,
                                new BigDecimal("1250000.50"), "EUR", LocalDate.of(2027, 3, 31)),
                        tuple("Schoonmaak stadhuis", "ZW-2027-02", "TenderNed", "90910000-9, 90911200-8", ProcedureType.RESTRICTED,
                                new BigDecimal("80000"), "EUR", LocalDate.of(2027, 4, 15)),
                        tuple("Wegonderhoud N340", "OV-77", "TenderNed", "45233141-9", ProcedureType.OPEN, null, "EUR",
                                LocalDate.of(2027, 5, 1)));
        assertThat(dsl.fetchCount(TENDER)).as("checking changes nothing").isZero();
        assertThat(dsl.fetchCount(ACCOUNT)).isEqualTo(1);
    }

    @Test
    void running_a_good_file_imports_every_notice_creates_the_new_authority_as_a_tender_lead_and_records_the_first_status() {
        var file = csv(goodFile());
        var checked = importer.check(file, TenderImport.guessMapping(file.header()), "TenderNed");

        Outcome outcome = importer.run(checked, "importer");

        assertThat(outcome).isEqualTo(new Outcome(3, 0, 1));
        var overijssel = dsl.selectFrom(ACCOUNT).where(ACCOUNT.NAME.eq("Provincie Overijssel")).fetchSingle();
        assertThat(overijssel.getLeadSource()).isEqualTo("Tender");
        assertThat(overijssel.getLifecycleStage()).isEqualTo("PROSPECT");
        assertThat(dsl.fetchCount(ACCOUNT)).as("Zwolle was matched, not created again").isEqualTo(2);

        List<Tender> imported = tenders.search(Search.ALL, Sort.TITLE, false, 0, 10);
        assertThat(imported).extracting(Tender::title, Tender::authorityName, t -> t.input().authorityId(), Tender::status,
                        t -> t.input().estimatedValue(), t -> t.input().procedure(), Tender::updatedBy)
                .containsExactly(
                        tuple("Onderhoud openbare verlichting", "Gemeente Zwolle", zwolle, TenderStatus.IDENTIFIED,
                                new BigDecimal("1250000.50"), ProcedureType.OPEN, "importer"),
                        tuple("Schoonmaak stadhuis", "Gemeente Zwolle", zwolle, TenderStatus.IDENTIFIED, new BigDecimal("80000.00"),
                                ProcedureType.RESTRICTED, "importer"),
                        tuple("Wegonderhoud N340", "Provincie Overijssel", overijssel.getId(), TenderStatus.IDENTIFIED, null,
                                ProcedureType.OPEN, "importer"));
        assertThat(dsl.fetchCount(TENDER_STATUS_CHANGE)).isEqualTo(3);
        for (Tender tender : imported) {
            assertThat(tenders.history(tender.id())).as(tender.title())
                    .containsExactly(new StatusChange(null, TenderStatus.IDENTIFIED, LocalDateTime.of(2026, 3, 2, 10, 0), "importer"));
        }
    }

    @Test
    void importing_the_same_file_again_skips_every_notice_and_imports_nothing() {
        var file = csv(goodFile());
        var mapping = TenderImport.guessMapping(file.header());
        importer.run(importer.check(file, mapping, "TenderNed"), "importer");

        var again = importer.check(file, mapping, "TenderNed");

        assertThat(again.problems()).isEmpty();
        assertThat(again.rows()).isEmpty();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(again.newAuthorities()).isZero();
        assertThat(again.importable()).isFalse();
        assertThat(importer.run(again, "importer")).isEqualTo(new Outcome(0, 3, 0));
        assertThat(dsl.fetchCount(TENDER)).isEqualTo(3);
        assertThat(dsl.fetchCount(TENDER_STATUS_CHANGE)).isEqualTo(3);
        assertThat(dsl.fetchCount(ACCOUNT)).isEqualTo(2);
    }

    @Test
    void a_notice_twice_in_the_file_and_one_of_a_new_authority_in_two_spellings_come_in_once() {
        var file = csv(DUTCH_HEADER + "\n"
                + "Wegonderhoud N340;Provincie Overijssel;OV-77;;;;\n"
                + "Wegonderhoud N340 (herhaald);provincie overijssel;ov-77;;;;\n"
                + "Bruggen;PROVINCIE OVERIJSSEL;OV-78;;;;\n");

        var checked = importer.check(file, TenderImport.guessMapping(file.header()), "");
        assertThat(checked.skipped()).isEqualTo(1);
        assertThat(checked.newAuthorities()).isEqualTo(1);

        assertThat(importer.run(checked, "importer")).isEqualTo(new Outcome(2, 1, 1));
        assertThat(tenders.search(Search.ALL, Sort.TITLE, false, 0, 10)).extracting(Tender::title, Tender::authorityName)
                .containsExactly(tuple("Bruggen", "Provincie Overijssel"), tuple("Wegonderhoud N340", "Provincie Overijssel"));
    }

    @Test
    void amounts_dates_and_procedures_are_read_in_the_notations_portals_write() {
        var file = csv("Title,Authority,Procedure,Estimated value,Publication date,Submission deadline,Contract start,Currency\n"
                + "A,Gemeente Zwolle,Restricted procedure,250000,2027-01-04,2027-03-31,,\n"
                + "B,Gemeente Zwolle,Meervoudig onderhands,250.000,4-1-2027,31/03/2027,,eur\n"
                + "C,Gemeente Zwolle,competitive_dialogue,\"1.250.000,50\",04.01.2027,2027-03-31 12:00,,\n"
                + "D,Gemeente Zwolle,Onderhandelingsprocedure,\"1,250,000.50\",,2027-03-31T12:00,1-6-2027,\n"
                + "E,Gemeente Zwolle,single private,€ 80.000,,,,\n"
                + "F,Gemeente Zwolle,,\"12,5\",,,,USD\n");

        var checked = importer.check(file, TenderImport.guessMapping(file.header()), "");

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.rows()).extracting(r -> r.input().procedure(), r -> r.input().estimatedValue(), r -> r.input().currency(),
                        r -> r.input().dates().publication(), r -> r.input().dates().submissionDeadline(), r -> r.input().dates().contractStart())
                .containsExactly(
                        tuple(ProcedureType.RESTRICTED, new BigDecimal("250000"), "EUR", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 31), null),
                        tuple(ProcedureType.MULTIPLE_PRIVATE, new BigDecimal("250000"), "eur", LocalDate.of(2027, 1, 4),
                                LocalDate.of(2027, 3, 31), null),
                        tuple(ProcedureType.COMPETITIVE_DIALOGUE, new BigDecimal("1250000.50"), "EUR", LocalDate.of(2027, 1, 4),
                                LocalDate.of(2027, 3, 31), null),
                        tuple(ProcedureType.NEGOTIATED, new BigDecimal("1250000.50"), "EUR", null, LocalDate.of(2027, 3, 31),
                                LocalDate.of(2027, 6, 1)),
                        tuple(ProcedureType.SINGLE_PRIVATE, new BigDecimal("80000"), "EUR", null, null, null),
                        tuple(ProcedureType.OPEN, new BigDecimal("12.5"), "USD", null, null, null));
    }

    @Test
    void amounts_with_non_breaking_spaces_or_a_dash_and_guarded_titles_are_read_as_written() {
        var file = csv("Title,Authority,Estimated value\n"
                + "'-Nieuwbouw school,Gemeente Zwolle,\"€\u00a080.000\"\n"
                + "'=Sommen,Gemeente Zwolle,\"1\u202f250\u202f000,50\"\n"
                + "'t Hooghe,Gemeente Zwolle,\"80.000,-\"\n");

        var checked = importer.check(file, TenderImport.guessMapping(file.header()), "");

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.rows()).extracting(r -> r.input().title(), r -> r.input().estimatedValue()).containsExactly(
                tuple("-Nieuwbouw school", new BigDecimal("80000")), tuple("=Sommen", new BigDecimal("1250000.50")),
                tuple("'t Hooghe", new BigDecimal("80000")));
    }

    @Test
    void notices_without_a_reference_are_recognised_again_by_title_and_submission_deadline() {
        var file = csv(DUTCH_HEADER + "\n"
                + "Groenonderhoud;Gemeente Zwolle;;;;;31-03-2027\n"
                + "Groenonderhoud;Gemeente Zwolle;;;;;30-06-2027\n");
        var mapping = TenderImport.guessMapping(file.header());
        assertThat(importer.run(importer.check(file, mapping, ""), "importer")).isEqualTo(new Outcome(2, 0, 0));

        var again = importer.check(file, mapping, "");

        assertThat(again.rows()).isEmpty();
        assertThat(again.skipped()).isEqualTo(2);
    }

    @Test
    void an_authority_deleted_between_check_and_run_stops_the_run_before_any_account_is_created() {
        var file = csv(goodFile());
        var checked = importer.check(file, TenderImport.guessMapping(file.header()), "TenderNed");
        dsl.deleteFrom(ACCOUNT).where(ACCOUNT.ID.eq(zwolle)).execute();
        int accounts = dsl.fetchCount(ACCOUNT);

        assertThatThrownBy(() -> importer.run(checked, "importer")).isInstanceOf(InputRejectedException.class);

        assertThat(dsl.fetchCount(ACCOUNT)).as("no new authority").isEqualTo(accounts);
        assertThat(dsl.fetchCount(TENDER)).isZero();
    }

    // ---------------------------------------------------------------- a bad file

    @Test
    void a_bad_file_reports_each_problem_with_its_line_field_and_message_and_imports_nothing() {
        var file = csv(DUTCH_HEADER + "\n"
                + "Onderhoud openbare verlichting;Gemeente Zwolle;ZW-2027-01;45316000-5;Openbare procedure;1.250.000,50;31-03-2027\n"
                + ";Gemeente Zwolle;ZW-2027-03;;Openbare procedure;;31-03-2027\n"
                + "Groenonderhoud;Gemeente Zwolle;ZW-2027-04;;Openbare procedure;;32-13-2027\n"
                + "Catering;Gemeente Deventer;DV-1;;Veiling;;31-03-2027\n"
                + "Wegonderhoud;Provincie Overijssel;OV-77;4500;niet-openbaar;;31-03-2027\n");

        var checked = importer.check(file, TenderImport.guessMapping(file.header()), "TenderNed");

        assertThat(checked.problems()).containsExactly(
                new ImportProblem(3, ImportField.TITLE, "tender.error.title-required", ""),
                new ImportProblem(4, ImportField.SUBMISSION, "import.error.date", "32-13-2027"),
                new ImportProblem(5, ImportField.PROCEDURE, "import.error.procedure", "Veiling"),
                new ImportProblem(6, ImportField.CPV, "tender.error.cpv", ""));
        assertThat(checked.rows()).isEmpty();
        assertThat(checked.importable()).isFalse();
        assertThatThrownBy(() -> importer.run(checked, "importer")).isInstanceOf(IllegalArgumentException.class);
        assertThat(dsl.fetchCount(TENDER)).isZero();
        assertThat(dsl.fetchCount(TENDER_STATUS_CHANGE)).isZero();
        assertThat(dsl.select(ACCOUNT.NAME).from(ACCOUNT).fetch(ACCOUNT.NAME)).as("no authority created").containsExactly("Gemeente Zwolle");
    }

    @Test
    void an_empty_authority_an_unreadable_amount_and_dates_out_of_order_are_problems_of_their_lines() {
        var file = csv("Titel;Aanbestedende dienst;Geraamde waarde;Publicatiedatum;Sluiting inschrijving;Ingangsdatum;Einddatum\n"
                + "Zonder dienst;;;;;;\n"
                + "Te duur;Gemeente Zwolle;twaalf euro;;;;\n"
                + "Verkeerde volgorde;Gemeente Zwolle;;2027-04-01;2027-03-01;;\n"
                + "Kort contract;Gemeente Zwolle;;;;2028-01-01;2027-12-31\n"
                + "Geen datum;Gemeente Zwolle;;29-02-2027;;;\n");

        var checked = importer.check(file, TenderImport.guessMapping(file.header()), "");

        assertThat(checked.problems()).containsExactly(
                new ImportProblem(2, ImportField.AUTHORITY, "import.error.required", ""),
                new ImportProblem(3, ImportField.VALUE, "import.error.amount", "twaalf euro"),
                new ImportProblem(4, ImportField.SUBMISSION, "tender.error.date-order", ""),
                new ImportProblem(5, ImportField.CONTRACT_END, "tender.error.contract-end", ""),
                new ImportProblem(6, ImportField.PUBLICATION, "import.error.date", "29-02-2027"));
    }

    @Test
    void a_required_field_without_a_column_is_a_problem_of_the_header_line() {
        var file = csv(goodFile());
        var mapping = new EnumMap<>(TenderImport.guessMapping(file.header()));
        mapping.remove(ImportField.AUTHORITY);

        var checked = importer.check(file, mapping, "TenderNed");

        assertThat(checked.problems()).containsExactly(new ImportProblem(1, ImportField.AUTHORITY, "import.error.unmapped", ""));
        assertThat(checked.rows()).isEmpty();
        mapping.remove(ImportField.TITLE);
        assertThat(importer.check(file, mapping, "TenderNed").problems()).containsExactly(
                new ImportProblem(1, ImportField.TITLE, "import.error.unmapped", ""),
                new ImportProblem(1, ImportField.AUTHORITY, "import.error.unmapped", ""));
        assertThat(dsl.fetchCount(TENDER)).isZero();
    }

    // ---------------------------------------------------------------- export and back

    @Test
    void the_export_in_dutch_and_english_is_read_back_by_the_import_with_every_field_mapped_and_equal() {
        long utrecht = dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ACCOUNT_MANAGER_ID)
                .values("Provincie Utrecht", "PROSPECT", manager.id()).returningResult(ACCOUNT.ID).fetchSingle().value1();
        for (Locale locale : List.of(Locale.of("nl"), Locale.ENGLISH)) {
            dsl.deleteFrom(TENDER).execute();
            tenders.create(new TenderInput("Schoonmaak \"stadhuis\"; bibliotheek, sporthal", zwolle, "ZW-2026-14", "TenderNed",
                    "45000000-7, 90910000-9", ProcedureType.RESTRICTED, new BigDecimal("1250000.50"), "EUR",
                    new KeyDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 10),
                            LocalDate.of(2026, 4, 30), LocalDate.of(2026, 6, 1), LocalDate.of(2028, 5, 31)),
                    manager.id(), AwardMethod.PRICE_QUALITY, PriceFormula.LINEAR, null, "lessons stay home", 40), "t");
            tenders.create(new TenderInput("Wegonderhoud", utrecht, "", "", "", ProcedureType.COMPETITIVE_DIALOGUE, null, "USD",
                    KeyDates.NONE, null, AwardMethod.LOWEST_PRICE, PriceFormula.RELATIVE, null, "", null), "t");
            tenders.create(TenderInput.blank().withTitle("Raamovereenkomst gereedschap").withAuthority(utrecht)
                    .withValue(new BigDecimal("80000")).withDates(new KeyDates(null, null, LocalDate.of(2026, 5, 1), null, null, null, null)), "t");
            List<Tender> originals = tenders.search(Search.ALL, Sort.TITLE, false, 0, 10);

            var out = new StringWriter();
            RegisterExport.write(tenders, Search.ALL, new CsvWriter(out, "nl".equals(locale.getLanguage()) ? ';' : ','), locale);
            var file = csv(out.toString());
            var mapping = TenderImport.guessMapping(file.header());

            assertThat(file.header()).as(locale.toString()).hasSize(ImportField.values().length + 2);
            for (ImportField field : ImportField.values()) {
                assertThat(mapping).as(locale + " " + field).containsEntry(field, field.ordinal());
            }
            dsl.deleteFrom(TENDER).execute();
            var checked = importer.check(file, mapping, "");
            assertThat(checked.problems()).as(locale.toString()).isEmpty();
            assertThat(checked.newAuthorities()).isZero();
            assertThat(importer.run(checked, "reimport")).isEqualTo(new Outcome(3, 0, 0));

            assertThat(tenders.search(Search.ALL, Sort.TITLE, false, 0, 10)).as(locale.toString()).extracting(TenderImportIT::exported)
                    .containsExactlyElementsOf(originals.stream().map(TenderImportIT::exported).toList());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String goodFile() {
        return DUTCH_HEADER + "\n"
                + "Onderhoud openbare verlichting;gemeente zwolle;ZW-2027-01;45316000-5;Openbare procedure;1.250.000,50;31-03-2027\n"
                + "Schoonmaak stadhuis;Gemeente Zwolle;ZW-2027-02;90910000-9, 90911200-8;niet-openbaar;80.000;15-04-2027\n"
                + "Wegonderhoud N340;Provincie Overijssel;OV-77;45233141-9;Openbare procedure;;2027-05-01\n";
    }

    /** The fields the export writes in the columns the import reads. */
    private static List<Object> exported(Tender tender) {
        var input = tender.input();
        return Arrays.asList(input.title(), input.authorityId(), tender.authorityName(), input.reference(), input.source(),
                input.cpvCodes(), input.procedure(), input.estimatedValue(), input.currency(), input.dates());
    }

    private static CsvFile csv(String text) {
        try {
            return CsvFile.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (CsvFile.UnreadableException e) {
            throw new AssertionError(e);
        }
    }

    private static UserRef user(String username, String name, Role role) {
        return TenderDatabase.user(username, name, role);
    }
}

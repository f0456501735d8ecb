package org.crmworkbench.plugin.tender.transfer;

import org.crmworkbench.api.account.Accounts;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.crmworkbench.plugin.tender.award.AwardMethod;
import org.crmworkbench.plugin.tender.award.PriceFormula;
import org.crmworkbench.plugin.tender.register.Authorities;
import org.crmworkbench.plugin.tender.register.KeyDates;
import org.crmworkbench.plugin.tender.register.ProcedureType;
import org.crmworkbench.plugin.tender.register.TenderInput;
import org.crmworkbench.plugin.tender.register.Tenders;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;

/**
 * Takes in tender notices from a CSV export of a procurement portal: the user maps the file's columns
 * to fields (headers the plugin knows are mapped already). All or nothing: every problem is reported
 * with its line, and only a file without problems is imported. Authorities are matched to core accounts
 * by name (ignoring case) and created when new; a notice the authority already has in the register
 * (the same reference, or without one the same title and submission deadline) is skipped, so importing
 * the same export twice adds nothing.
 */
public final class TenderImport {

    /**
     * A checked file: the notices to import (authority already resolved where it exists), how many the
     * register has already and how many authorities are new; or the problems that stop it.
     */
    public record Checked(List<Row> rows, int skipped, int newAuthorities, List<ImportProblem> problems) {
        public boolean importable() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    /** What an import did. */
    public record Outcome(int imported, int skipped, int authoritiesCreated) {
    }

    /** A notice to import: the authority's name as in the file, its account when known, and the fields. */
    public record Row(String authority, Long authorityId, TenderInput input) {
    }

    private static final Map<String, ImportField> FIELDS = Map.ofEntries(Map.entry("title", ImportField.TITLE),
            Map.entry("reference", ImportField.REFERENCE), Map.entry("source", ImportField.SOURCE), Map.entry("cpvCodes", ImportField.CPV),
            Map.entry("estimatedValue", ImportField.VALUE), Map.entry("currency", ImportField.CURRENCY),
            Map.entry("publication", ImportField.PUBLICATION), Map.entry("questionsDeadline", ImportField.QUESTIONS),
            Map.entry("submissionDeadline", ImportField.SUBMISSION), Map.entry("awardDecision", ImportField.AWARD_DECISION),
            Map.entry("standstillEnd", ImportField.STANDSTILL_END), Map.entry("contractStart", ImportField.CONTRACT_START),
            Map.entry("contractEnd", ImportField.CONTRACT_END));

    private final DSLContext dsl;
    private final Tenders tenders;
    private final Accounts accounts;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public TenderImport(DSLContext dsl, Tenders tenders, Accounts accounts) {
        this(dsl, tenders, accounts, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public TenderImport(DSLContext dsl, Tenders tenders, Accounts accounts, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.tenders = tenders;
        this.accounts = accounts;
        this.requirePermission = requirePermission;
    }

    /** The columns the file's headers name, by field (index into the header). */
    public static Map<ImportField, Integer> guessMapping(List<String> header) {
        var mapping = new EnumMap<ImportField, Integer>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            for (int i = 0; i < header.size(); i++) {
                if (field.matches(header.get(i)) && !mapping.containsValue(i)) {
                    mapping.put(field, i);
                    break;
                }
            }
        }
        return mapping;
    }

    /**
     * Checks every line of the file under a column mapping; changes nothing.
     *
     * @param source the source for lines without one (e.g. the portal's name)
     */
    public Checked check(CsvFile file, Map<ImportField, Integer> mapping, String source) {
        var problems = new ArrayList<ImportProblem>();
        for (ImportField field : ImportField.values()) {
            if (field.required() && mapping.get(field) == null) {
                problems.add(new ImportProblem(1, field, "import.error.unmapped", ""));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(List.of(), 0, 0, problems);
        }
        var read = new ArrayList<Row>();
        for (CsvFile.Line line : file.records()) {
            read(line, mapping, source, problems).ifPresent(read::add);
        }
        if (!problems.isEmpty()) {
            return new Checked(List.of(), 0, 0, problems);
        }
        var known = knownAuthorities(read);
        var existing = existingNotices(known.values());
        var rows = new ArrayList<Row>();
        var seen = new HashSet<String>();
        var newAuthorities = new HashSet<String>();
        int skipped = 0;
        for (Row row : read) {
            String key = row.authority().toLowerCase(Locale.ROOT);
            Long authority = known.get(key);
            String notice = notice(row.input().reference(), row.input().title(), row.input().dates().submissionDeadline());
            if (authority != null && existing.contains(authority + "|" + notice) || !seen.add(key + "|" + notice)) {
                skipped++;
                continue;
            }
            if (authority == null) {
                newAuthorities.add(key);
            }
            rows.add(new Row(row.authority(), authority, row.input()));
        }
        return new Checked(List.copyOf(rows), skipped, newAuthorities.size(), List.of());
    }

    /**
     * Imports a checked file as the signed-in user: creates the new authorities as core accounts, then
     * the tenders in one transaction.
     */
    public Outcome run(Checked checked, String by) {
        requirePermission.accept(TenderPermissions.EDIT);
        if (!checked.problems().isEmpty()) {
            throw new IllegalArgumentException("a file with problems is not imported");
        }
        // everything that can still fail is checked before the first account is created
        var matched = checked.rows().stream().map(Row::authorityId).filter(java.util.Objects::nonNull).distinct().toList();
        if (dsl.fetchCount(V_ACCOUNTS, V_ACCOUNTS.ID.in(matched).and(accounts.visibleTo(V_ACCOUNTS.ID))) < matched.size()) {
            throw new InputRejectedException("authority", "tender.error.authority-gone");
        }
        var created = new HashMap<String, Long>();
        var inputs = new ArrayList<TenderInput>();
        for (Row row : checked.rows()) {
            Long authority = row.authorityId() != null ? row.authorityId()
                    : created.computeIfAbsent(row.authority().toLowerCase(Locale.ROOT), name -> accounts.create(row.authority(), Authorities.LEAD_SOURCE));
            inputs.add(row.input().withAuthority(authority));
        }
        if (!inputs.isEmpty()) {
            tenders.createAll(inputs, by);
        }
        return new Outcome(inputs.size(), checked.skipped(), created.size());
    }

    private static Optional<Row> read(CsvFile.Line line, Map<ImportField, Integer> mapping, String source,
                                                List<ImportProblem> problems) {
        int before = problems.size();
        var cell = new Object() {
            String of(ImportField field) {
                Integer column = mapping.get(field);
                return column == null ? "" : unguarded(line.value(column));
            }

            LocalDate date(ImportField field) {
                String value = of(field);
                if (value.isEmpty()) {
                    return null;
                }
                return Values.date(value).orElseGet(() -> {
                    problems.add(new ImportProblem(line.number(), field, "import.error.date", value));
                    return null;
                });
            }
        };
        String authority = cell.of(ImportField.AUTHORITY);
        if (authority.isEmpty()) {
            problems.add(new ImportProblem(line.number(), ImportField.AUTHORITY, "import.error.required", ""));
        } else if (authority.length() > 200) {
            problems.add(new ImportProblem(line.number(), ImportField.AUTHORITY, "import.error.too-long", ""));
        }
        String procedureText = cell.of(ImportField.PROCEDURE);
        ProcedureType procedure = procedureText.isEmpty() ? ProcedureType.OPEN : Values.procedure(procedureText).orElseGet(() -> {
            problems.add(new ImportProblem(line.number(), ImportField.PROCEDURE, "import.error.procedure", procedureText));
            return ProcedureType.OPEN;
        });
        String valueText = cell.of(ImportField.VALUE);
        BigDecimal value = valueText.isEmpty() ? null : Values.amount(valueText).orElseGet(() -> {
            problems.add(new ImportProblem(line.number(), ImportField.VALUE, "import.error.amount", valueText));
            return null;
        });
        var dates = new KeyDates(cell.date(ImportField.PUBLICATION), cell.date(ImportField.QUESTIONS), cell.date(ImportField.SUBMISSION),
                cell.date(ImportField.AWARD_DECISION), cell.date(ImportField.STANDSTILL_END), cell.date(ImportField.CONTRACT_START),
                cell.date(ImportField.CONTRACT_END));
        String currency = cell.of(ImportField.CURRENCY);
        String ownSource = cell.of(ImportField.SOURCE);
        var input = new TenderInput(cell.of(ImportField.TITLE), -1L, cell.of(ImportField.REFERENCE),
                ownSource.isEmpty() ? source : ownSource, cell.of(ImportField.CPV), procedure, value, currency.isEmpty() ? "EUR" : currency,
                dates, null, AwardMethod.LOWEST_PRICE, PriceFormula.RELATIVE, null, "", null);
        if (problems.size() == before) {
            Tenders.check(input).forEach((field, key) -> problems.add(new ImportProblem(line.number(),
                    FIELDS.get(field), key, "")));
        }
        return problems.size() == before ? Optional.of(new Row(authority, null, input)) : Optional.empty();
    }

    /** A value as the workbench's CSV export wrote it: a quote in front of {@code = + - @} keeps spreadsheets from running it. */
    static String unguarded(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0 ? value.substring(1) : value;
    }

    /** Core accounts named like the file's authorities, lower-case name to id (the lowest id on equal names). */
    private Map<String, Long> knownAuthorities(Collection<Row> rows) {
        Set<String> names = new HashSet<>();
        rows.forEach(row -> names.add(row.authority().toLowerCase(Locale.ROOT)));
        var known = new HashMap<String, Long>();
        dsl.select(DSL.lower(V_ACCOUNTS.NAME), DSL.min(V_ACCOUNTS.ID)).from(V_ACCOUNTS).where(DSL.lower(V_ACCOUNTS.NAME).in(names))
                .and(accounts.visibleTo(V_ACCOUNTS.ID)) // a sales user's file matches only its own accounts
                .groupBy(DSL.lower(V_ACCOUNTS.NAME)).forEach(r -> known.put(r.value1(), r.value2()));
        return known;
    }

    /** What makes a notice the same as one in the register: its reference, or without one its title and deadline. */
    private static String notice(String reference, String title, LocalDate deadline) {
        return reference == null || reference.isBlank() ? "t:" + title.strip().toLowerCase(Locale.ROOT) + "|" + deadline
                : "r:" + reference.strip().toLowerCase(Locale.ROOT);
    }

    private Set<String> existingNotices(Collection<Long> authorities) {
        var notices = new HashSet<String>();
        dsl.select(TENDER.AUTHORITY_ID, TENDER.REFERENCE, TENDER.TITLE, TENDER.SUBMISSION_DEADLINE).from(TENDER)
                .where(TENDER.AUTHORITY_ID.in(authorities))
                .forEach(r -> notices.add(r.value1() + "|" + notice(r.value2(), r.value3(), r.value4())));
        return notices;
    }
}

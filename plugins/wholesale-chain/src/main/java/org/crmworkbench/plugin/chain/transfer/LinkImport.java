package org.crmworkbench.plugin.chain.transfer;

import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.jooq.tables.records.ChainLinkRecord;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.api.account.Accounts;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.SUPPLIER;

/**
 * Imports supplier - customer - product group links from CSV (UTF-8, {@code ;} or {@code ,}). A line
 * "via us" (the default) means the supplier supplies us and we supply the customer in that product
 * group: the supplier's link to us is added when missing, and ours to the customer with the line's
 * dates, volume and revenue. A line "direct" is the supplier's own link to the customer. Accounts are
 * found by name (ignoring case) and must exist; suppliers are marked as such. All or nothing: every
 * problem is reported with its line, and a file with problems changes nothing; links already there
 * (same parties, product group and start) are skipped.
 */
public final class LinkImport {

    /** The columns, with the headers (English and Dutch) that name them. */
    public enum Column {
        SUPPLIER(true, "supplier", "producer", "leverancier", "producent"),
        CUSTOMER(true, "customer", "klant", "afnemer"),
        PRODUCT_GROUP(true, "product group", "productgroep", "group", "groep"),
        RELATION(false, "relation", "relatie", "via"),
        START(false, "start", "start date", "begin", "startdatum", "begindatum"),
        END(false, "end", "end date", "einde", "einddatum"),
        VOLUME(false, "volume", "quantity", "aantal"),
        REVENUE(false, "revenue", "omzet");

        private final boolean required;
        private final List<String> headers;

        Column(boolean required, String... headers) {
            this.required = required;
            this.headers = List.of(headers);
        }

        public boolean required() {
            return required;
        }

        public String labelKey() {
            return "import.column." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A problem of one line.
     *
     * @param column the column concerned, or null for the whole line
     */
    public record Problem(int line, Column column, String messageKey, String value) {
    }

    /** What an import did, or the problems that stopped it. */
    public record Outcome(int linksAdded, int skipped, int suppliersMarked, List<Problem> problems) {
        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    private record Line(long supplier, long customer, String group, boolean direct, LocalDate start, LocalDate end,
                        BigDecimal volume, BigDecimal revenue) {
    }

    private record Key(Long from, Long to, String group, LocalDate start) {
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;
    private final Accounts visible;

    /** Without permission checks, matching every account: for demo data, background work and tests. */
    public LinkImport(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { }, null);
    }

    /**
     * Checking each change with {@code requirePermission} (the views pass {@code PluginContext::requirePermission})
     * and matching the file's names only to the accounts {@code visible} lets the signed-in user see (null: all).
     */
    public LinkImport(DSLContext dsl, Clock clock, Consumer<String> requirePermission, Accounts visible) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
        this.visible = visible;
    }

    public Outcome run(CsvFile file, String by) {
        requirePermission.accept(ChainPermissions.EDIT);
        var problems = new ArrayList<Problem>();
        var columns = new EnumMap<Column, Integer>(Column.class);
        for (Column column : Column.values()) {
            for (int i = 0; i < file.header().size(); i++) {
                if (column.headers.contains(simple(file.header().get(i)))) {
                    columns.put(column, i);
                    break;
                }
            }
            if (column.required() && !columns.containsKey(column)) {
                problems.add(new Problem(1, column, "import.error.no-column", ""));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, 0, 0, problems);
        }
        var ambiguous = new HashSet<String>();
        var accounts = accounts(file, columns, ambiguous);
        var lines = new ArrayList<Line>();
        var firstLine = new HashMap<List<Object>, Integer>();
        for (CsvFile.Line line : file.records()) {
            int before = problems.size();
            Function<Column, String> cell = c -> columns.containsKey(c) ? line.value(columns.get(c)) : "";
            Long supplier = account(accounts, ambiguous, cell.apply(Column.SUPPLIER), line.number(), Column.SUPPLIER, problems);
            Long customer = account(accounts, ambiguous, cell.apply(Column.CUSTOMER), line.number(), Column.CUSTOMER, problems);
            String group = cell.apply(Column.PRODUCT_GROUP);
            if (group.isEmpty()) {
                problems.add(new Problem(line.number(), Column.PRODUCT_GROUP, "import.error.required", ""));
            } else if (group.length() > 100) {
                problems.add(new Problem(line.number(), Column.PRODUCT_GROUP, "import.error.too-long", ""));
            }
            String relation = simple(cell.apply(Column.RELATION));
            boolean direct = switch (relation) {
                case "", "via us", "via ons", "indirect" -> false;
                case "direct", "rechtstreeks" -> true;
                default -> {
                    problems.add(new Problem(line.number(), Column.RELATION, "import.error.relation", cell.apply(Column.RELATION)));
                    yield false;
                }
            };
            LocalDate start = date(cell.apply(Column.START), line.number(), Column.START, problems);
            LocalDate end = date(cell.apply(Column.END), line.number(), Column.END, problems);
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(new Problem(line.number(), Column.END, "import.error.end-before-start", cell.apply(Column.END)));
            }
            BigDecimal volume = amount(cell.apply(Column.VOLUME), line.number(), Column.VOLUME, problems);
            BigDecimal revenue = amount(cell.apply(Column.REVENUE), line.number(), Column.REVENUE, problems);
            if (supplier != null && supplier.equals(customer)) {
                problems.add(new Problem(line.number(), Column.CUSTOMER, "import.error.same-account", cell.apply(Column.CUSTOMER)));
            }
            if (problems.size() == before) {
                var key = java.util.Arrays.<Object>asList(supplier, customer, group.toLowerCase(Locale.ROOT), direct, start);
                Integer earlier = firstLine.putIfAbsent(key, line.number());
                if (earlier != null) {
                    problems.add(new Problem(line.number(), null, "import.error.duplicate-line", String.valueOf(earlier)));
                } else {
                    lines.add(new Line(supplier, customer, group, direct, start, end, volume, revenue));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, 0, 0, problems);
        }
        return store(lines, by);
    }

    private Outcome store(List<Line> lines, String by) {
        var now = LocalDateTime.now(clock);
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            var involved = new HashSet<Long>();
            lines.forEach(l -> involved.addAll(List.of(l.supplier(), l.customer())));
            var existing = new HashSet<Key>();
            t.select(CHAIN_LINK.FROM_ACCOUNT_ID, CHAIN_LINK.TO_ACCOUNT_ID, CHAIN_LINK.PRODUCT_GROUP, CHAIN_LINK.START_DATE).from(CHAIN_LINK)
                    .where(CHAIN_LINK.FROM_ACCOUNT_ID.in(involved).or(CHAIN_LINK.TO_ACCOUNT_ID.in(involved)))
                    .forEach(r -> existing.add(new Key(r.value1(), r.value2(), r.value3().toLowerCase(Locale.ROOT), r.value4())));
            var supplying = new HashSet<Key>(); // supplier -> us in a group, whatever the dates
            existing.stream().filter(k -> k.to() == null).forEach(k -> supplying.add(new Key(k.from(), null, k.group(), null)));
            var records = new ArrayList<ChainLinkRecord>();
            int skipped = 0;
            for (Line line : lines) {
                String group = line.group().toLowerCase(Locale.ROOT);
                if (!line.direct() && supplying.add(new Key(line.supplier(), null, group, null))) {
                    records.add(record(t, line, line.supplier(), null, null, null, null, null, now, by));
                }
                Long from = line.direct() ? line.supplier() : null;
                if (existing.add(new Key(from, line.customer(), group, line.start()))) {
                    records.add(record(t, line, from, line.customer(), line.start(), line.end(), line.volume(), line.revenue(), now, by));
                } else {
                    skipped++;
                }
            }
            if (!records.isEmpty()) {
                t.batchInsert(records).execute();
            }
            Set<Long> suppliers = new HashSet<>();
            lines.forEach(l -> suppliers.add(l.supplier()));
            var mark = t.insertInto(SUPPLIER, SUPPLIER.ACCOUNT_ID, SUPPLIER.MARKED_AT, SUPPLIER.MARKED_BY);
            for (long supplier : suppliers) {
                mark = mark.values(supplier, now, by);
            }
            int marked = suppliers.isEmpty() ? 0 : mark.onDuplicateKeyIgnore().execute();
            return new Outcome(records.size(), skipped, marked, List.of());
        });
    }

    private static ChainLinkRecord record(DSLContext t, Line line, Long from, Long to, LocalDate start, LocalDate end, BigDecimal volume,
                                          BigDecimal revenue, LocalDateTime now, String by) {
        var record = t.newRecord(CHAIN_LINK);
        record.setProductGroup(line.group());
        record.setFromAccountId(from);
        record.setToAccountId(to);
        record.setKind(LinkKind.SUPPLIES.name());
        record.setStartDate(start);
        record.setEndDate(end);
        record.setVolume(volume);
        record.setRevenue(revenue);
        record.setNote("");
        record.setUpdatedAt(now);
        record.setUpdatedBy(by);
        return record;
    }

    /** The accounts named in the file, lower-case name to id; names that several accounts carry go to {@code ambiguous}. */
    private Map<String, Long> accounts(CsvFile file, Map<Column, Integer> columns, Set<String> ambiguous) {
        var names = new HashSet<String>();
        for (CsvFile.Line line : file.records()) {
            names.add(line.value(columns.get(Column.SUPPLIER)).toLowerCase(Locale.ROOT));
            names.add(line.value(columns.get(Column.CUSTOMER)).toLowerCase(Locale.ROOT));
        }
        var ids = new HashMap<String, Long>();
        dsl.select(DSL.lower(V_ACCOUNTS.NAME), DSL.min(V_ACCOUNTS.ID), DSL.count()).from(V_ACCOUNTS).where(DSL.lower(V_ACCOUNTS.NAME).in(names))
                .and(visible == null ? DSL.noCondition() : visible.visibleTo(V_ACCOUNTS.ID)) // a hidden account is unknown
                .groupBy(DSL.lower(V_ACCOUNTS.NAME)).forEach(r -> {
                    String name = r.value1().toLowerCase(Locale.ROOT);
                    ids.put(name, r.value2());
                    if (r.value3() > 1) {
                        ambiguous.add(name);
                    }
                });
        return ids;
    }

    private static Long account(Map<String, Long> accounts, Set<String> ambiguous, String name, int line, Column column,
                                List<Problem> problems) {
        if (name.isEmpty()) {
            problems.add(new Problem(line, column, "import.error.required", ""));
            return null;
        }
        if (ambiguous.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add(new Problem(line, column, "import.error.ambiguous-account", name));
            return null;
        }
        Long id = accounts.get(name.toLowerCase(Locale.ROOT));
        if (id == null) {
            problems.add(new Problem(line, column, "import.error.unknown-account", name));
        }
        return id;
    }

    private static LocalDate date(String value, int line, Column column, List<Problem> problems) {
        if (value.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value.strip(), format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        problems.add(new Problem(line, column, "import.error.date", value));
        return null;
    }

    /** An amount in either notation: {@code 125000}, {@code 125.000}, {@code 125.000,50}, {@code 125,000.50}. */
    static BigDecimal amount(String value, int line, Column column, List<Problem> problems) {
        String v = value.replaceAll("[€\\s\\h]|EUR", "");
        if (v.isEmpty()) {
            return null;
        }
        int comma = v.lastIndexOf(',');
        int dot = v.lastIndexOf('.');
        String plain = comma >= 0 && dot >= 0 ? (comma > dot ? v.replace(".", "").replace(',', '.') : v.replace(",", ""))
                : v.matches("\\d{1,3}([.,]\\d{3})+") ? v.replace(",", "").replace(".", "") : v.replace(',', '.');
        try {
            var amount = new BigDecimal(plain);
            if (amount.signum() >= 0 && amount.compareTo(new BigDecimal("999999999999.99")) <= 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(line, column, "import.error.amount", value));
        return null;
    }

    static String simple(String header) {
        String plain = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
    }
}

package org.crmworkbench.core.order;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleRules;
import org.crmworkbench.core.csv.CheckedImport;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.core.csv.CsvImporter;
import org.crmworkbench.core.csv.CsvValues;
import org.crmworkbench.core.csv.ImportAction;
import org.crmworkbench.core.csv.ImportOutcome;
import org.crmworkbench.core.csv.ImportProblem;
import org.crmworkbench.core.csv.ImportTarget;
import org.crmworkbench.core.csv.ImportWrites;
import org.crmworkbench.core.csv.MappedFile;
import org.crmworkbench.core.csv.StaleImportException;

import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/**
 * CSV import of orders, one order line per CSV line, grouped by order number (the key: re-importing
 * an order replaces its lines instead of adding it twice). The account is named by KvK number, the
 * product by code. Afterwards the lifecycle rules run for the accounts concerned, set-based.
 */
public final class OrderImport implements CsvImporter<OrderImport.Target, OrderImport.Check> {

    /** The fields a column can be mapped to. */
    public enum Target implements ImportTarget {
        ORDER_NUMBER("import.order-number", "ordernummer", "ordernumber", "order", "ordernr", "factuurnummer"),
        ACCOUNT_KVK("import.account-kvk", "kvk", "kvknummer", "coc", "cocnumber", "account"),
        ORDER_DATE("order.date", "orderdatum", "orderdate", "datum", "date"),
        PRODUCT_CODE("import.product-code", "productcode", "artikelcode", "artikel", "product", "code"),
        QUANTITY("order.quantity", "aantal", "quantity", "qty"),
        UNIT_PRICE("order.unit-price", "stukprijs", "unitprice", "prijs", "price"),
        MARGIN_PCT("order.margin-pct", "marge", "margepct", "margin", "marginpct");

        private final String labelKey;
        private final List<String> aliases;

        Target(String labelKey, String... aliases) {
            this.labelKey = labelKey;
            this.aliases = List.of(aliases);
        }

        @Override
        public String labelKey() {
            return labelKey;
        }

        @Override
        public boolean matches(String header) {
            return ImportTarget.named(header, name(), aliases);
        }
    }

    /** One order of the file with its lines; {@code existingId} when the number is already known. */
    public record OrderRow(String number, long accountId, LocalDate date, Long existingId, Long lastLineId,
                           List<OrderLineData> lines, ImportAction action) {
    }

    /** The dry run: orders to create or replace, and the problems per line. */
    public record Check(List<OrderRow> orders, int lines, List<ImportProblem> problems) implements CheckedImport {

        @Override
        public long count(ImportAction action) {
            return orders.stream().filter(order -> order.action() == action).count();
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"));
    private static final int CHUNK = 500;
    /** The fields of {@link OrderService#lineErrors} and the columns they come from. */
    private static final Map<String, Target> LINE_COLUMNS = Map.of("quantity", Target.QUANTITY, "unitPrice", Target.UNIT_PRICE,
            "marginPct", Target.MARGIN_PCT);

    private final DSLContext dsl;
    private final Clock clock;
    private final LifecycleRules lifecycle;
    private final Consumer<AccountEvent> events;

    public OrderImport(DSLContext dsl, Clock clock, LifecycleRules lifecycle, Consumer<AccountEvent> events) {
        this.dsl = dsl;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    @Override
    public List<Target> targets() {
        return List.of(Target.values());
    }

    @Override
    public Check check(CsvFile file, Map<Target, Integer> mapping, UserRef by) {
        var mapped = new MappedFile<>(file, mapping);
        var problems = new ArrayList<ImportProblem>();
        for (Target required : List.of(Target.ORDER_NUMBER, Target.ACCOUNT_KVK, Target.ORDER_DATE, Target.PRODUCT_CODE,
                Target.QUANTITY)) {
            if (!mapping.containsKey(required)) {
                problems.add(new ImportProblem(1, null, "import.error.map-order-columns", null));
                return new Check(List.of(), 0, problems);
            }
        }
        var kvks = mapped.distinct(Target.ACCOUNT_KVK);
        var numbers = mapped.distinct(Target.ORDER_NUMBER);
        Map<String, Long> accounts = new HashMap<>();
        Map<String, long[]> existing = new HashMap<>(); // lower-case order number -> {order id, account id}
        for (int from = 0; from < Math.max(kvks.size(), numbers.size()); from += 1_000) {
            var kvkChunk = kvks.subList(Math.min(from, kvks.size()), Math.min(kvks.size(), from + 1_000));
            var numberChunk = numbers.subList(Math.min(from, numbers.size()), Math.min(numbers.size(), from + 1_000));
            dsl.select(ACCOUNT.COC_NUMBER, ACCOUNT.ID).from(ACCOUNT)
                    .where(ACCOUNT.COC_NUMBER.in(kvkChunk).and(AccountService.visibleTo(by)))
                    .forEach(r -> accounts.put(r.value1(), r.value2()));
            dsl.select(SALES_ORDER.ORDER_NUMBER, SALES_ORDER.ID, SALES_ORDER.ACCOUNT_ID).from(SALES_ORDER)
                    .where(SALES_ORDER.ORDER_NUMBER.in(numberChunk))
                    .forEach(r -> existing.put(key(r.value1()), new long[]{r.value2(), r.value3()}));
        }
        Map<Long, Long> lastLines = lastLineIds(dsl, existing.values().stream().map(ids -> ids[0]).toList());
        Map<String, Long> products = new HashMap<>();
        Map<String, BigDecimal> prices = new HashMap<>();
        dsl.select(PRODUCT.CODE, PRODUCT.ID, PRODUCT.LIST_PRICE).from(PRODUCT).where(PRODUCT.ACTIVE.isTrue()).forEach(r -> {
            products.put(r.value1(), r.value2());
            if (r.value3() != null) {
                prices.put(r.value1(), r.value3());
            }
        });

        record Head(String number, long accountId, LocalDate date) {
        }
        var heads = new LinkedHashMap<String, Head>();
        var lines = new LinkedHashMap<String, List<OrderLineData>>();
        var rejected = new LinkedHashSet<String>();
        LocalDate today = LocalDate.now(clock);
        for (CsvFile.Line line : file.records()) {
            var lineProblems = new ArrayList<ImportProblem>();
            String number = mapped.value(line, Target.ORDER_NUMBER);
            String key = key(number); // the database compares order numbers without case
            if (number.isEmpty() || number.length() > 40) {
                lineProblems.add(mapped.problem(line, Target.ORDER_NUMBER, "import.error.order-number", number));
            }
            String kvk = mapped.value(line, Target.ACCOUNT_KVK);
            Long accountId = accounts.get(kvk);
            if (accountId == null) {
                lineProblems.add(mapped.problem(line, Target.ACCOUNT_KVK, "import.error.account-unknown", kvk));
            }
            LocalDate date = parseDate(mapped.value(line, Target.ORDER_DATE)).orElse(null);
            if (date == null || date.isAfter(today)) {
                lineProblems.add(mapped.problem(line, Target.ORDER_DATE, "import.error.date",
                        mapped.value(line, Target.ORDER_DATE)));
            }
            String code = mapped.value(line, Target.PRODUCT_CODE).toUpperCase(java.util.Locale.ROOT);
            Long productId = products.get(code);
            if (productId == null) {
                lineProblems.add(mapped.problem(line, Target.PRODUCT_CODE, "order.error.product", code));
            }
            BigDecimal quantity = amount(line, mapped, Target.QUANTITY).orElse(null);
            BigDecimal price = mapped.value(line, Target.UNIT_PRICE).isEmpty() ? prices.get(code)
                    : amount(line, mapped, Target.UNIT_PRICE).orElse(null);
            String marginText = mapped.value(line, Target.MARGIN_PCT);
            BigDecimal margin = marginText.isEmpty() ? null : amount(line, mapped, Target.MARGIN_PCT).orElse(null);
            var lineErrors = OrderService.lineErrors(quantity, price, margin); // the order dialog's rules
            if (!marginText.isEmpty() && margin == null) {
                lineErrors.put("marginPct", "order.error.margin"); // not a number at all
            }
            lineErrors.forEach((field, messageKey) -> lineProblems.add(
                    mapped.problem(line, LINE_COLUMNS.get(field), messageKey, mapped.value(line, LINE_COLUMNS.get(field)))));
            if (lineProblems.isEmpty()) {
                var head = heads.putIfAbsent(key, new Head(number, accountId, date));
                long[] known = existing.get(key);
                if (head != null && (head.accountId() != accountId || !head.date().equals(date))) {
                    lineProblems.add(mapped.problem(line, Target.ORDER_NUMBER, "import.error.order-mismatch", number));
                } else if (known != null && known[1] != accountId) {
                    lineProblems.add(mapped.problem(line, Target.ACCOUNT_KVK, "import.error.order-other-account", number));
                } else {
                    lines.computeIfAbsent(key, n -> new ArrayList<>()).add(new OrderLineData(productId, quantity,
                            price.setScale(2, RoundingMode.HALF_UP), margin));
                }
            }
            if (!lineProblems.isEmpty()) {
                rejected.add(key);
            }
            problems.addAll(lineProblems);
        }
        var orders = new ArrayList<OrderRow>();
        heads.forEach((key, head) -> {
            long[] known = existing.get(key);
            ImportAction action = rejected.contains(key) ? ImportAction.REJECT
                    : known != null ? ImportAction.UPDATE : ImportAction.CREATE;
            orders.add(new OrderRow(head.number(), head.accountId(), head.date(), known == null ? null : known[0],
                    known == null ? null : lastLines.get(known[0]), lines.getOrDefault(key, List.of()), action));
        });
        rejected.stream().filter(key -> !heads.containsKey(key)).forEach(key ->
                orders.add(new OrderRow(key, 0, null, null, null, List.of(), ImportAction.REJECT)));
        return new Check(orders, file.records().size(), problems);
    }

    @Override
    public ImportOutcome apply(Check check, UserRef by, IntConsumer progress) {
        if (!check.problems().isEmpty()) {
            throw new IllegalStateException("a file with problems is not imported");
        }
        var creates = check.orders().stream().filter(o -> o.action() == ImportAction.CREATE).toList();
        var updates = check.orders().stream().filter(o -> o.action() == ImportAction.UPDATE).toList();
        var accountIds = new LinkedHashSet<Long>();
        check.orders().forEach(order -> accountIds.add(order.accountId()));
        var createdIds = new ArrayList<Long>();
        var stageChanges = dsl.transactionResult(tx -> {
            var ctx = tx.dsl();
            // still the user's accounts, and the replaced orders untouched since the check?
            if (!AccountService.allVisible(ctx, accountIds, by)) {
                throw new StaleImportException();
            }
            var lastNow = lastLineIds(ctx, updates.stream().map(OrderRow::existingId).toList());
            for (OrderRow order : updates) {
                if (!java.util.Objects.equals(lastNow.get(order.existingId()), order.lastLineId())) {
                    throw new StaleImportException();
                }
            }
            var now = LocalDateTime.now(clock);
            int done = 0;
            for (int from = 0; from < creates.size(); from += CHUNK) {
                var chunk = creates.subList(from, Math.min(creates.size(), from + CHUNK));
                var insert = ctx.insertInto(SALES_ORDER, SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_NUMBER, SALES_ORDER.ORDER_DATE,
                        SALES_ORDER.CREATED_AT, SALES_ORDER.CREATED_BY);
                for (OrderRow order : chunk) {
                    insert = insert.values(order.accountId(), order.number(), order.date(), now, by.username());
                }
                List<Long> ids;
                try {
                    ids = insert.returningResult(SALES_ORDER.ID).fetch(SALES_ORDER.ID);
                } catch (IntegrityConstraintViolationException e) { // another import created the number meanwhile
                    throw new StaleImportException();
                }
                insertLines(ctx, ids, chunk);
                createdIds.addAll(ids);
                done += chunk.stream().mapToInt(o -> o.lines().size()).sum();
                progress.accept(done);
            }
            for (int from = 0; from < updates.size(); from += CHUNK) {
                var chunk = updates.subList(from, Math.min(updates.size(), from + CHUNK));
                var ids = chunk.stream().map(OrderRow::existingId).toList();
                ctx.deleteFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.in(ids)).execute();
                var dates = new ArrayList<org.jooq.Query>();
                for (OrderRow order : chunk) {
                    dates.add(ctx.update(SALES_ORDER).set(SALES_ORDER.ORDER_DATE, order.date())
                            .set(SALES_ORDER.VERSION, SALES_ORDER.VERSION.plus(1))
                            .set(SALES_ORDER.UPDATED_AT, now).set(SALES_ORDER.UPDATED_BY, by.username())
                            .where(SALES_ORDER.ID.eq(order.existingId()).and(SALES_ORDER.ACCOUNT_ID.eq(order.accountId()))));
                }
                ImportWrites.updateAll(ctx, dates);
                insertLines(ctx, ids, chunk);
                done += chunk.stream().mapToInt(o -> o.lines().size()).sum();
                progress.accept(done);
            }
            return lifecycle.afterOrderChanges(ctx, accountIds);
        });
        var at = clock.instant();
        for (int i = 0; i < creates.size(); i++) {
            events.accept(new AccountEvent.OrderAdded(creates.get(i).accountId(), at, createdIds.get(i)));
        }
        for (OrderRow order : updates) {
            events.accept(new AccountEvent.OrderChanged(order.accountId(), at, order.existingId()));
        }
        lifecycle.publish(stageChanges);
        return new ImportOutcome(creates.size(), updates.size());
    }

    private static void insertLines(DSLContext ctx, List<Long> orderIds, List<OrderRow> orders) {
        var insert = ctx.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID, ORDER_LINE.QUANTITY,
                ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT);
        for (int i = 0; i < orders.size(); i++) {
            int lineNo = 0;
            for (OrderLineData line : orders.get(i).lines()) {
                insert = insert.values(orderIds.get(i), ++lineNo, line.productId(), line.quantity(), line.unitPrice(), line.marginPct());
            }
        }
        insert.execute();
    }

    /** The id of each order's last line: changes when anyone replaces or adds lines. */
    private static Map<Long, Long> lastLineIds(DSLContext ctx, List<Long> orderIds) {
        var result = new HashMap<Long, Long>();
        for (int from = 0; from < orderIds.size(); from += 1_000) {
            ctx.select(ORDER_LINE.ORDER_ID, DSL.max(ORDER_LINE.ID)).from(ORDER_LINE)
                    .where(ORDER_LINE.ORDER_ID.in(orderIds.subList(from, Math.min(orderIds.size(), from + 1_000))))
                    .groupBy(ORDER_LINE.ORDER_ID)
                    .forEach(r -> result.put(r.value1(), r.value2()));
        }
        return result;
    }

    private static String key(String orderNumber) {
        return orderNumber.toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<LocalDate> parseDate(String text) {
        for (var format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> amount(CsvFile.Line line, MappedFile<Target> mapped, Target target) {
        return CsvValues.amount(mapped.value(line, target));
    }

}

package org.crmworkbench.core.account;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.audit.AuditEntry;
import org.crmworkbench.core.audit.AuditTrail;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.core.csv.CsvImporter;
import org.crmworkbench.core.csv.CsvValues;
import org.crmworkbench.core.csv.ImportAction;
import org.crmworkbench.core.csv.ImportOutcome;
import org.crmworkbench.core.csv.ImportProblem;
import org.crmworkbench.core.csv.ImportTarget;
import org.crmworkbench.core.csv.ImportWrites;
import org.crmworkbench.core.csv.MappedFile;
import org.crmworkbench.core.csv.RowCheck;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

/**
 * CSV import of accounts: map the file's columns, check every line (a dry run that says what would be
 * created, updated or rejected, with line, column and reason), then import all or nothing. A line whose
 * KvK number matches an account updates it (only the mapped columns), otherwise it creates one.
 */
public final class AccountImport implements CsvImporter<AccountImport.Target, RowCheck<AccountImport.Row>> {

    /** The account fields a column can be mapped to, with header names recognised automatically. */
    public enum Target implements ImportTarget {
        NAME("name", "account.name", "naam", "organisation", "organisatie", "bedrijfsnaam", "company"),
        COC_NUMBER("cocNumber", "account.coc-number", "kvk", "kvknummer", "kvknumber", "coc", "chamberofcommerce"),
        VAT_NUMBER("vatNumber", "account.vat-number", "btw", "btwnummer", "vat", "vatnumber"),
        WEBSITE("website", "account.website", "url", "web"),
        INDUSTRY("industry", "account.industry", "branche", "sector"),
        STREET("street", "account.street", "straat", "adres", "address"),
        POSTAL_CODE("postalCode", "account.postal-code", "postcode", "zip", "zipcode"),
        CITY("city", "account.city", "plaats", "woonplaats", "stad", "town"),
        COUNTRY("country", "account.country", "land"),
        LEVEL("level", "account.level", "accountlevel", "niveau"),
        STAGE("stage", "account.stage", "lifecyclestage", "fase", "levenscyclus"),
        LEAD_SOURCE("leadSource", "account.lead-source", "bron", "leadbron", "source"),
        NEVER_INTERESTED("neverInterested", "account.never-interested", "nooitgeinteresseerd"),
        POTENTIAL_VALUE("potentialValue", "account.potential-value", "potentie", "potential", "potentialvalue"),
        NOTES("notes", "account.notes", "notities", "opmerkingen"),
        ACCOUNT_MANAGER("accountManagerId", "account.manager", "accountmanager", "manager", "owner");

        private final String field;
        private final String labelKey;
        private final List<String> aliases;

        Target(String field, String labelKey, String... aliases) {
            this.field = field;
            this.labelKey = labelKey;
            this.aliases = List.of(aliases);
        }

        @Override
        public String labelKey() {
            return labelKey;
        }

        @Override
        public boolean matches(String header) {
            return ImportTarget.named(header, field, aliases) || ImportTarget.named(header, name(), List.of());
        }
    }

    /** One checked line; {@code version} is the matched account's version at check time. */
    public record Row(int line, ImportAction action, Long accountId, Integer version, AccountData data, AccountData before)
            implements RowCheck.Row {
    }

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("regionaal", "REGIONAL"), Map.entry("nationaal", "NATIONAL"), Map.entry("internationaal", "INTERNATIONAL"),
            Map.entry("nieuweklant", "NEW_CUSTOMER"), Map.entry("loyaleklant", "LOYAL_CUSTOMER"), Map.entry("exklant", "EX_CUSTOMER"),
            Map.entry("newcustomer", "NEW_CUSTOMER"), Map.entry("loyalcustomer", "LOYAL_CUSTOMER"),
            Map.entry("excustomer", "EX_CUSTOMER"), Map.entry("hotlead", "HOT_LEAD"));
    private static final int CHUNK = 500;

    private final DSLContext dsl;
    private final Clock clock;
    private final AccountService accounts;
    private final java.util.function.Consumer<AccountEvent> events;

    public AccountImport(DSLContext dsl, Clock clock, AccountService accounts, java.util.function.Consumer<AccountEvent> events) {
        this.dsl = dsl;
        this.clock = clock;
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    public List<Target> targets() {
        return List.of(Target.values());
    }

    @Override
    public RowCheck<Row> check(CsvFile file, Map<Target, Integer> mapping, UserRef by) {
        var mapped = new MappedFile<>(file, mapping);
        var problems = new ArrayList<ImportProblem>();
        if (!mapping.containsKey(Target.NAME) && !mapping.containsKey(Target.COC_NUMBER)) {
            problems.add(new ImportProblem(1, null, "import.error.map-name-or-kvk", null));
            return new RowCheck<>(List.of(), problems);
        }
        Map<String, Account> existing = existingByKvk(mapped);
        Map<String, Boolean> visible = visibleKvks(existing.keySet(), by);
        Map<String, Long> managers = new HashMap<>();
        dsl.select(APP_USER.USERNAME, APP_USER.ID).from(APP_USER).where(APP_USER.ACTIVE.isTrue())
                .forEach(r -> managers.put(r.value1().toLowerCase(Locale.ROOT), r.value2()));
        var seenKvks = new HashSet<String>();
        var rows = new ArrayList<Row>();
        for (CsvFile.Line line : file.records()) {
            var lineProblems = new ArrayList<ImportProblem>();
            String kvk = mapped.value(line, Target.COC_NUMBER);
            Account match = kvk.isEmpty() ? null : existing.get(kvk);
            if (!kvk.isEmpty() && !seenKvks.add(kvk)) {
                lineProblems.add(mapped.problem(line, Target.COC_NUMBER, "import.error.duplicate-kvk", kvk));
            }
            if (match != null && !visible.getOrDefault(kvk, false)) {
                lineProblems.add(mapped.problem(line, Target.COC_NUMBER, "import.error.not-yours", kvk));
            }
            AccountData base = match != null ? match.data()
                    : new AccountData("", null, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL,
                    LifecycleStage.SUSPECT, null, false, null, null, AccountService.seesAll(by) ? null : by.id());
            AccountData data = merge(base, line, mapped, managers, lineProblems);
            mapped.addRuleProblems(line, AccountRules.check(data), AccountImport::targetOf, lineProblems);
            problems.addAll(lineProblems);
            ImportAction action = !lineProblems.isEmpty() ? ImportAction.REJECT : match != null ? ImportAction.UPDATE : ImportAction.CREATE;
            rows.add(new Row(line.number(), action, match == null ? null : match.id(), match == null ? null : match.version(),
                    data, match == null ? null : match.data()));
        }
        return new RowCheck<>(rows, problems);
    }

    /** An account that changed since the check (another version) is not overwritten: all is rolled back. */
    @Override
    public ImportOutcome apply(RowCheck<Row> check, UserRef by, IntConsumer progress) {
        if (!check.problems().isEmpty()) {
            throw new IllegalStateException("a file with problems is not imported");
        }
        var creates = check.rows().stream().filter(row -> row.action() == ImportAction.CREATE).toList();
        var updates = check.rows().stream().filter(row -> row.action() == ImportAction.UPDATE).toList();
        var createdIds = new ArrayList<Long>();
        var names = new HashMap<Long, String>();
        dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME).from(APP_USER).forEach(r -> names.put(r.value1(), r.value2()));
        java.util.function.BiFunction<String, Object, String> display = (field, value) ->
                "accountManagerId".equals(field) && value instanceof Long id ? names.get(id) : AuditTrail.plain(field, value);
        dsl.transaction(tx -> {
            var ctx = tx.dsl();
            int done = 0;
            var now = LocalDateTime.now(clock);
            for (int from = 0; from < creates.size(); from += CHUNK) {
                var chunk = creates.subList(from, Math.min(creates.size(), from + CHUNK));
                // one multi-row INSERT ... RETURNING per chunk: ids come back in insert order
                var insert = ctx.insertInto(ACCOUNT).set(accounts.fields(chunk.getFirst().data(), by));
                for (Row row : chunk.subList(1, chunk.size())) {
                    insert = insert.newRecord().set(accounts.fields(row.data(), by));
                }
                var ids = insert.returningResult(ACCOUNT.ID).fetch(ACCOUNT.ID);
                var stages = new ArrayList<AccountService.StageWrite>();
                var audits = new ArrayList<AuditTrail.Write>();
                for (int i = 0; i < ids.size(); i++) {
                    var data = chunk.get(i).data();
                    stages.add(new AccountService.StageWrite(ids.get(i), null, data.stage()));
                    audits.add(new AuditTrail.Write(ids.get(i), AuditEntry.Entity.ACCOUNT, ids.get(i), AuditEntry.Action.CREATED,
                            AuditTrail.diff(null, data, display)));
                }
                AccountService.insertStageChanges(ctx, stages, now, by, StageChangeCause.IMPORT);
                AuditTrail.insertAll(ctx, audits, now, by);
                createdIds.addAll(ids);
                done += chunk.size();
                progress.accept(done);
            }
            for (int from = 0; from < updates.size(); from += CHUNK) {
                var chunk = updates.subList(from, Math.min(updates.size(), from + CHUNK));
                var queries = new ArrayList<Query>();
                var stages = new ArrayList<AccountService.StageWrite>();
                var audits = new ArrayList<AuditTrail.Write>();
                for (Row row : chunk) {
                    var fields = accounts.fields(row.data(), by);
                    if (row.before().stage() != row.data().stage()) {
                        fields.put(ACCOUNT.STAGE_MANUAL, true);
                        stages.add(new AccountService.StageWrite(row.accountId(), row.before().stage(), row.data().stage()));
                    }
                    queries.add(ctx.update(ACCOUNT).set(fields).set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                            .where(ACCOUNT.ID.eq(row.accountId()).and(ACCOUNT.VERSION.eq(row.version()))
                                    .and(AccountService.visibleTo(by))));
                    audits.add(new AuditTrail.Write(row.accountId(), AuditEntry.Entity.ACCOUNT, row.accountId(),
                            AuditEntry.Action.CHANGED, AuditTrail.diff(row.before(), row.data(), display)));
                }
                ImportWrites.updateAll(ctx, queries); // a stale account rolls the whole import back
                AccountService.insertStageChanges(ctx, stages, now, by, StageChangeCause.IMPORT);
                AuditTrail.insertAll(ctx, audits, now, by);
                done += chunk.size();
                progress.accept(done);
            }
        });
        var at = clock.instant();
        createdIds.forEach(id -> events.accept(new AccountEvent.AccountCreated(id, at)));
        for (Row row : updates) {
            events.accept(new AccountEvent.AccountChanged(row.accountId(), at));
            if (row.before().stage() != row.data().stage()) {
                events.accept(new AccountEvent.StageChanged(row.accountId(), at, row.before().stage().name(),
                        row.data().stage().name()));
            }
        }
        return new ImportOutcome(creates.size(), updates.size());
    }

    private AccountData merge(AccountData base, CsvFile.Line line, MappedFile<Target> mapped, Map<String, Long> managers,
                              List<ImportProblem> problems) {
        var v = new EnumMap<Target, String>(Target.class);
        mapped.mapping().keySet().forEach(target -> v.put(target, mapped.value(line, target)));
        AccountLevel level = base.level();
        if (v.containsKey(Target.LEVEL) && !v.get(Target.LEVEL).isEmpty()) {
            level = parseEnum(AccountLevel.class, v.get(Target.LEVEL)).orElse(null);
            if (level == null) {
                problems.add(mapped.problem(line, Target.LEVEL, "import.error.level", v.get(Target.LEVEL)));
                level = base.level();
            }
        }
        LifecycleStage stage = base.stage();
        if (v.containsKey(Target.STAGE) && !v.get(Target.STAGE).isEmpty()) {
            stage = parseEnum(LifecycleStage.class, v.get(Target.STAGE)).orElse(null);
            if (stage == null) {
                problems.add(mapped.problem(line, Target.STAGE, "import.error.stage", v.get(Target.STAGE)));
                stage = base.stage();
            }
        }
        boolean neverInterested = base.neverInterested();
        if (v.containsKey(Target.NEVER_INTERESTED) && !v.get(Target.NEVER_INTERESTED).isEmpty()) {
            var flag = CsvValues.yesNo(v.get(Target.NEVER_INTERESTED));
            if (flag.isPresent()) {
                neverInterested = flag.get();
            } else {
                problems.add(mapped.problem(line, Target.NEVER_INTERESTED, "import.error.yes-no", v.get(Target.NEVER_INTERESTED)));
            }
        }
        BigDecimal potential = base.potentialValue();
        if (v.containsKey(Target.POTENTIAL_VALUE)) {
            String text = v.get(Target.POTENTIAL_VALUE);
            potential = text.isEmpty() ? null : CsvValues.amount(text).orElse(null);
            if (!text.isEmpty() && potential == null) {
                problems.add(mapped.problem(line, Target.POTENTIAL_VALUE, "import.error.amount", text));
            }
        }
        Long manager = base.accountManagerId();
        if (v.containsKey(Target.ACCOUNT_MANAGER) && !v.get(Target.ACCOUNT_MANAGER).isEmpty()) {
            manager = managers.get(v.get(Target.ACCOUNT_MANAGER).toLowerCase(Locale.ROOT));
            if (manager == null) {
                problems.add(mapped.problem(line, Target.ACCOUNT_MANAGER, "import.error.manager",
                        v.get(Target.ACCOUNT_MANAGER)));
                manager = base.accountManagerId();
            }
        }
        return new AccountData(text(v, Target.NAME, base.name()), text(v, Target.COC_NUMBER, base.cocNumber()),
                text(v, Target.VAT_NUMBER, base.vatNumber()), text(v, Target.WEBSITE, base.website()),
                text(v, Target.INDUSTRY, base.industry()), text(v, Target.STREET, base.street()),
                text(v, Target.POSTAL_CODE, base.postalCode()), text(v, Target.CITY, base.city()),
                v.containsKey(Target.COUNTRY) && !v.get(Target.COUNTRY).isEmpty() ? v.get(Target.COUNTRY).toUpperCase(Locale.ROOT)
                        : base.country(),
                level, stage, text(v, Target.LEAD_SOURCE, base.leadSource()), neverInterested, potential,
                text(v, Target.NOTES, base.notes()), manager);
    }

    /** A mapped column's value replaces the old one (empty clears it); an unmapped column keeps it. */
    private static String text(Map<Target, String> values, Target target, String old) {
        return values.containsKey(target) ? values.get(target) : old;
    }

    private Map<String, Account> existingByKvk(MappedFile<Target> mapped) {
        var result = new HashMap<String, Account>();
        var kvks = mapped.distinct(Target.COC_NUMBER);
        for (int from = 0; from < kvks.size(); from += 1_000) {
            dsl.selectFrom(ACCOUNT).where(ACCOUNT.COC_NUMBER.in(kvks.subList(from, Math.min(kvks.size(), from + 1_000))))
                    .forEach(record -> result.put(record.getCocNumber(), AccountService.toAccount(record)));
        }
        return result;
    }

    private Map<String, Boolean> visibleKvks(java.util.Set<String> kvks, UserRef by) {
        var result = new HashMap<String, Boolean>();
        var list = List.copyOf(kvks);
        for (int from = 0; from < list.size(); from += 1_000) {
            dsl.select(ACCOUNT.COC_NUMBER).from(ACCOUNT)
                    .where(ACCOUNT.COC_NUMBER.in(list.subList(from, Math.min(list.size(), from + 1_000)))
                            .and(AccountService.visibleTo(by)))
                    .forEach(r -> result.put(r.value1(), true));
        }
        return result;
    }

    private static Target targetOf(String field) {
        for (Target target : Target.values()) {
            if (target.field.equals(field)) {
                return target;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String text) {
        String key = ImportTarget.normalise(text);
        String word = WORDS.getOrDefault(key, key);
        for (E value : type.getEnumConstants()) {
            if (ImportTarget.normalise(value.name()).equals(ImportTarget.normalise(word))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}

package org.crmworkbench.core.contact;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountService;
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
import org.crmworkbench.core.csv.StaleImportException;
import org.crmworkbench.db.jooq.tables.records.ContactRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.CONTACT;

/**
 * CSV import of contacts. Each line names its account by KvK number (an account the user may see); a
 * line whose e-mail address matches a contact of that account updates it (only the mapped columns),
 * otherwise it adds a contact. Checked line by line first; then all or nothing.
 */
public final class ContactImport implements CsvImporter<ContactImport.Target, RowCheck<ContactImport.Row>> {

    /** The contact fields a column can be mapped to, with header names recognised automatically. */
    public enum Target implements ImportTarget {
        ACCOUNT_KVK("account", "import.account-kvk", "kvk", "kvknummer", "coc", "cocnumber", "account"),
        FIRST_NAME("firstName", "contact.first-name", "voornaam", "firstname"),
        LAST_NAME("lastName", "contact.last-name", "achternaam", "lastname", "surname"),
        JOB_TITLE("jobTitle", "contact.job-title", "functie", "jobtitle", "title"),
        EMAIL("email", "contact.email", "email", "emailadres", "mail"),
        PHONE("phone", "contact.phone", "telefoon", "telefoonnummer", "phone", "tel"),
        DMU_ROLE("dmuRole", "contact.dmu-role", "dmurol", "dmurole", "rol", "role"),
        EMAIL_CONSENT("emailConsent", "contact.email-consent", "toestemming", "emailtoestemming", "consent", "optin"),
        ACTIVE("active", "contact.active", "actief", "active");

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
            return ImportTarget.named(header, field, aliases);
        }
    }

    /** One checked line; {@code contactId} and {@code version} of the matched contact, if any. */
    public record Row(int line, ImportAction action, long accountId, Long contactId, Integer version, ContactData data,
                      ContactData before) implements RowCheck.Row {
    }

    private static final Map<String, DmuRole> ROLE_WORDS = Map.of("gebruiker", DmuRole.USER, "beinvloeder", DmuRole.INFLUENCER,
            "inkoper", DmuRole.BUYER, "beslisser", DmuRole.DECIDER, "poortwachter", DmuRole.GATEKEEPER, "initiatiefnemer",
            DmuRole.INITIATOR);
    private static final int CHUNK = 500;

    private final DSLContext dsl;
    private final Clock clock;

    public ContactImport(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public List<Target> targets() {
        return List.of(Target.values());
    }

    @Override
    public RowCheck<Row> check(CsvFile file, Map<Target, Integer> mapping, UserRef by) {
        var mapped = new MappedFile<>(file, mapping);
        var problems = new ArrayList<ImportProblem>();
        if (!mapping.containsKey(Target.ACCOUNT_KVK)) {
            problems.add(new ImportProblem(1, null, "import.error.map-account-kvk", null));
            return new RowCheck<>(List.of(), problems);
        }
        var kvks = mapped.distinct(Target.ACCOUNT_KVK);
        Map<String, Long> accounts = new HashMap<>();
        for (int from = 0; from < kvks.size(); from += 1_000) {
            dsl.select(ACCOUNT.COC_NUMBER, ACCOUNT.ID).from(ACCOUNT)
                    .where(ACCOUNT.COC_NUMBER.in(kvks.subList(from, Math.min(kvks.size(), from + 1_000)))
                            .and(AccountService.visibleTo(by)))
                    .forEach(r -> accounts.put(r.value1(), r.value2()));
        }
        Map<String, ContactRecord> existing = new HashMap<>(); // matchKey -> contact
        var accountIds = List.copyOf(new HashSet<>(accounts.values()));
        for (int from = 0; from < accountIds.size(); from += 1_000) {
            dsl.selectFrom(CONTACT).where(CONTACT.ACCOUNT_ID.in(accountIds.subList(from, Math.min(accountIds.size(), from + 1_000))))
                    .forEach(c -> {
                        existing.putIfAbsent(matchKey(c.getAccountId(), null, c.getFirstName(), c.getLastName()), c);
                        if (c.getEmail() != null) {
                            existing.put(matchKey(c.getAccountId(), c.getEmail(), null, null), c);
                        }
                    });
        }
        var seen = new HashSet<String>();
        var rows = new ArrayList<Row>();
        for (CsvFile.Line line : file.records()) {
            var lineProblems = new ArrayList<ImportProblem>();
            String kvk = mapped.value(line, Target.ACCOUNT_KVK);
            Long accountId = accounts.get(kvk);
            if (accountId == null) {
                lineProblems.add(mapped.problem(line, Target.ACCOUNT_KVK, "import.error.account-unknown", kvk));
            }
            // the same person: the same e-mail at the account, or without e-mail the same name
            String key = accountId == null ? null : matchKey(accountId, mapped.value(line, Target.EMAIL),
                    mapped.value(line, Target.FIRST_NAME), mapped.value(line, Target.LAST_NAME));
            ContactRecord match = key == null ? null : existing.get(key);
            if (key != null && !seen.add(key)) {
                lineProblems.add(mapped.problem(line, mapped.value(line, Target.EMAIL).isEmpty() ? Target.LAST_NAME : Target.EMAIL,
                        "import.error.duplicate-contact", null));
            }
            ContactData base = match != null ? ContactService.toContact(match).data()
                    : new ContactData(null, "", null, null, null, null, false, true);
            ContactData data = merge(base, line, mapped, lineProblems);
            mapped.addRuleProblems(line, ContactService.check(data), ContactImport::targetOf, lineProblems);
            problems.addAll(lineProblems);
            ImportAction action = !lineProblems.isEmpty() ? ImportAction.REJECT
                    : match != null ? ImportAction.UPDATE : ImportAction.CREATE;
            rows.add(new Row(line.number(), action, accountId == null ? 0 : accountId, match == null ? null : match.getId(),
                    match == null ? null : match.getVersion(), data, match == null ? null : base));
        }
        return new RowCheck<>(rows, problems);
    }

    @Override
    public ImportOutcome apply(RowCheck<Row> check, UserRef by, IntConsumer progress) {
        if (!check.problems().isEmpty()) {
            throw new IllegalStateException("a file with problems is not imported");
        }
        var creates = check.rows().stream().filter(row -> row.action() == ImportAction.CREATE).toList();
        var updates = check.rows().stream().filter(row -> row.action() == ImportAction.UPDATE).toList();
        var visibleAccounts = dsl.select(ACCOUNT.ID).from(ACCOUNT).where(AccountService.visibleTo(by));
        var accountIds = creates.stream().map(Row::accountId).toList();
        dsl.transaction(tx -> {
            var ctx = tx.dsl();
            if (!AccountService.allVisible(ctx, accountIds, by)) { // still the user's accounts?
                throw new StaleImportException();
            }
            var now = LocalDateTime.now(clock);
            int done = 0;
            for (int from = 0; from < creates.size(); from += CHUNK) {
                var chunk = creates.subList(from, Math.min(creates.size(), from + CHUNK));
                var insert = ctx.insertInto(CONTACT, CONTACT.ACCOUNT_ID, CONTACT.FIRST_NAME, CONTACT.LAST_NAME, CONTACT.JOB_TITLE,
                        CONTACT.EMAIL, CONTACT.PHONE, CONTACT.DMU_ROLE, CONTACT.EMAIL_CONSENT, CONTACT.ACTIVE, CONTACT.UPDATED_AT,
                        CONTACT.UPDATED_BY);
                for (Row row : chunk) {
                    var d = ContactService.normalised(row.data());
                    insert = insert.values(row.accountId(), d.firstName(), d.lastName(), d.jobTitle(), d.email(), d.phone(),
                            d.dmuRole() == null ? null : d.dmuRole().name(), d.emailConsent(), d.active(), now, by.username());
                }
                var ids = insert.returningResult(CONTACT.ID).fetch(CONTACT.ID);
                var audits = new ArrayList<AuditTrail.Write>();
                for (int i = 0; i < ids.size(); i++) {
                    audits.add(new AuditTrail.Write(chunk.get(i).accountId(), AuditEntry.Entity.CONTACT, ids.get(i),
                            AuditEntry.Action.CREATED,
                            AuditTrail.diff(null, ContactService.normalised(chunk.get(i).data()), AuditTrail::plain)));
                }
                AuditTrail.insertAll(ctx, audits, now, by);
                done += chunk.size();
                progress.accept(done);
            }
            for (int from = 0; from < updates.size(); from += CHUNK) {
                var chunk = updates.subList(from, Math.min(updates.size(), from + CHUNK));
                var queries = new ArrayList<Query>();
                var audits = new ArrayList<AuditTrail.Write>();
                for (Row row : chunk) {
                    var d = ContactService.normalised(row.data());
                    queries.add(ctx.update(CONTACT).set(CONTACT.FIRST_NAME, d.firstName()).set(CONTACT.LAST_NAME, d.lastName())
                            .set(CONTACT.JOB_TITLE, d.jobTitle()).set(CONTACT.EMAIL, d.email()).set(CONTACT.PHONE, d.phone())
                            .set(CONTACT.DMU_ROLE, d.dmuRole() == null ? null : d.dmuRole().name())
                            .set(CONTACT.EMAIL_CONSENT, d.emailConsent()).set(CONTACT.ACTIVE, d.active())
                            .set(CONTACT.UPDATED_AT, now).set(CONTACT.UPDATED_BY, by.username())
                            .set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
                            .where(CONTACT.ID.eq(row.contactId()).and(CONTACT.VERSION.eq(row.version()))
                                    .and(CONTACT.ACCOUNT_ID.in(visibleAccounts))));
                    audits.add(new AuditTrail.Write(row.accountId(), AuditEntry.Entity.CONTACT, row.contactId(),
                            AuditEntry.Action.CHANGED, AuditTrail.diff(row.before(), d, AuditTrail::plain)));
                }
                ImportWrites.updateAll(ctx, queries); // a stale contact rolls the whole import back
                AuditTrail.insertAll(ctx, audits, now, by);
                done += chunk.size();
                progress.accept(done);
            }
        });
        return new ImportOutcome(creates.size(), updates.size());
    }

    private static ContactData merge(ContactData base, CsvFile.Line line, MappedFile<Target> mapped,
                                     List<ImportProblem> problems) {
        DmuRole role = base.dmuRole();
        if (mapped.mapped(Target.DMU_ROLE)) {
            String text = mapped.value(line, Target.DMU_ROLE);
            role = text.isEmpty() ? null : parseRole(text);
            if (!text.isEmpty() && role == null) {
                problems.add(mapped.problem(line, Target.DMU_ROLE, "import.error.dmu-role", text));
            }
        }
        return new ContactData(mapped.valueOr(line, Target.FIRST_NAME, base.firstName()),
                mapped.valueOr(line, Target.LAST_NAME, base.lastName()), mapped.valueOr(line, Target.JOB_TITLE, base.jobTitle()),
                mapped.valueOr(line, Target.EMAIL, base.email()), mapped.valueOr(line, Target.PHONE, base.phone()), role,
                flag(line, mapped, Target.EMAIL_CONSENT, base.emailConsent(), problems),
                flag(line, mapped, Target.ACTIVE, base.active(), problems));
    }

    /** By e-mail when there is one, else by name; lower case. */
    private static String matchKey(long accountId, String email, String firstName, String lastName) {
        if (email != null && !email.isBlank()) {
            return accountId + "/" + email.strip().toLowerCase(Locale.ROOT);
        }
        String name = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip())).strip();
        return accountId + "/name:" + name.toLowerCase(Locale.ROOT);
    }

    private static DmuRole parseRole(String text) {
        String key = ImportTarget.normalise(text);
        if (ROLE_WORDS.containsKey(key)) {
            return ROLE_WORDS.get(key);
        }
        for (DmuRole role : DmuRole.values()) {
            if (ImportTarget.normalise(role.name()).equals(key)) {
                return role;
            }
        }
        return null;
    }

    private static boolean flag(CsvFile.Line line, MappedFile<Target> mapped, Target target, boolean old,
                                List<ImportProblem> problems) {
        if (mapped.value(line, target).isEmpty()) {
            return old;
        }
        var flag = CsvValues.yesNo(mapped.value(line, target));
        if (flag.isPresent()) {
            return flag.get();
        }
        problems.add(mapped.problem(line, target, "import.error.yes-no", mapped.value(line, target)));
        return old;
    }

    private static Target targetOf(String field) {
        for (Target target : Target.values()) {
            if (target.field.equals(field)) {
                return target;
            }
        }
        return null;
    }
}

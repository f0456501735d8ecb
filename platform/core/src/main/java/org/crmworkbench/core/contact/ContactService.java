package org.crmworkbench.core.contact;

import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.audit.AuditEntry;
import org.crmworkbench.core.audit.AuditTrail;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.db.jooq.tables.records.ContactRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.CONTACT;

/**
 * The people at an account. Whoever may see the account may see and edit its contacts; updates use
 * optimistic locking like accounts do.
 */
public final class ContactService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{6,40}");
    /** List column keys that may be sorted on; nothing else reaches the SQL. */
    private static final Map<String, Field<?>> SORTABLE = Map.of("name", CONTACT.LAST_NAME, "account", ACCOUNT.NAME,
            "jobTitle", CONTACT.JOB_TITLE, "email", CONTACT.EMAIL, "dmuRole", CONTACT.DMU_ROLE);

    private final DSLContext dsl;
    private final Clock clock;
    private final AuditTrail audit;
    private final SecurityLog securityLog;

    public ContactService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.securityLog = new SecurityLog(dsl, clock);
        this.clock = clock;
        this.audit = new AuditTrail(dsl, clock);
    }

    /** Contacts across the accounts the viewer may see, filtered, sorted and paged in SQL. */
    public List<ContactRow> page(ContactQuery query, UserRef viewer, int offset, int limit) {
        var order = new ArrayList<SortField<?>>();
        for (var sort : query.sorts()) {
            Field<?> field = SORTABLE.get(sort.column());
            if (field != null) {
                order.add(sort.ascending() ? field.asc() : field.desc());
            }
        }
        order.add(CONTACT.LAST_NAME.asc());
        order.add(CONTACT.FIRST_NAME.asc());
        order.add(CONTACT.ID.asc());
        return dsl.select(CONTACT.fields()).select(ACCOUNT.NAME)
                .from(CONTACT).join(ACCOUNT).on(ACCOUNT.ID.eq(CONTACT.ACCOUNT_ID))
                .where(condition(query, viewer))
                .orderBy(order).offset(offset).limit(limit)
                .fetch(r -> new ContactRow(toContact(r.into(CONTACT)), r.get(ACCOUNT.NAME)));
    }

    public int count(ContactQuery query, UserRef viewer) {
        return dsl.selectCount().from(CONTACT).join(ACCOUNT).on(ACCOUNT.ID.eq(CONTACT.ACCOUNT_ID))
                .where(condition(query, viewer)).fetchSingle().value1();
    }

    private static Condition condition(ContactQuery query, UserRef viewer) {
        Condition condition = AccountService.visibleTo(viewer);
        if (query.accountId() != null) {
            condition = condition.and(CONTACT.ACCOUNT_ID.eq(query.accountId()));
        }
        if (query.dmuRole() != null) {
            condition = condition.and(CONTACT.DMU_ROLE.eq(query.dmuRole().name()));
        }
        if (query.activeOnly()) {
            condition = condition.and(CONTACT.ACTIVE.isTrue());
        }
        if (query.consentOnly()) {
            condition = condition.and(CONTACT.EMAIL_CONSENT.isTrue());
        }
        String search = query.search() == null ? "" : query.search().strip();
        if (!search.isEmpty()) {
            String prefix = search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            condition = condition.and(CONTACT.LAST_NAME.like(prefix, '!').or(CONTACT.FIRST_NAME.like(prefix, '!'))
                    .or(CONTACT.EMAIL.like(prefix.toLowerCase(), '!')).or(ACCOUNT.NAME.like(prefix, '!')));
        }
        return condition;
    }

    /** The account's contacts, active ones first, by last name; empty when the viewer may not see the account. */
    public List<Contact> forAccount(long accountId, UserRef viewer) {
        return dsl.select(CONTACT.fields()).from(CONTACT).join(ACCOUNT).on(ACCOUNT.ID.eq(CONTACT.ACCOUNT_ID))
                .where(CONTACT.ACCOUNT_ID.eq(accountId).and(AccountService.visibleTo(viewer)))
                .orderBy(CONTACT.ACTIVE.desc(), CONTACT.LAST_NAME, CONTACT.FIRST_NAME, CONTACT.ID)
                .fetch(record -> toContact(record.into(CONTACT)));
    }

    /** The contact, if it exists and the viewer may see its account. */
    public Optional<Contact> find(long id, UserRef viewer) {
        return dsl.select(CONTACT.fields()).from(CONTACT).join(ACCOUNT).on(ACCOUNT.ID.eq(CONTACT.ACCOUNT_ID))
                .where(CONTACT.ID.eq(id).and(AccountService.visibleTo(viewer)))
                .fetchOptional(record -> toContact(record.into(CONTACT)));
    }

    /**
     * Deletes a contact the user may see (it also leaves the interactions it took part in); the
     * account's audit trail keeps what it was.
     *
     * @param expectedVersion null to delete whatever version is stored
     * @return false when there is no such contact the user may see
     * @throws ConcurrentEditException when {@code expectedVersion} is given and someone saved it in between
     */
    public boolean delete(long id, Integer expectedVersion, UserRef by) {
        var current = find(id, by);
        if (current.isEmpty()) {
            return false;
        }
        Contact contact = current.get();
        boolean deleted = dsl.transactionResult(tx -> {
            int rows = tx.dsl().deleteFrom(CONTACT).where(CONTACT.ID.eq(id)
                    .and(expectedVersion == null ? DSL.trueCondition() : CONTACT.VERSION.eq(expectedVersion))).execute();
            if (rows == 1) {
                audit.record(tx.dsl(), contact.accountId(), AuditEntry.Entity.CONTACT, id, AuditEntry.Action.DELETED,
                        AuditTrail.diff(contact.data(), null, AuditTrail::plain), by);
            }
            return rows == 1;
        });
        if (!deleted) {
            var now = dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetchOptional();
            if (now.isEmpty()) {
                return false;
            }
            throw new ConcurrentEditException(now.get().getUpdatedBy(), now.get().getUpdatedAt());
        }
        securityLog.deleted(by, "contact", id);
        return true;
    }

    /**
     * Adds a contact to an account the user may see.
     *
     * @throws InvalidInputException when the input breaks a rule; nothing is saved
     */
    public long add(long accountId, ContactData data, UserRef by) {
        validate(data);
        if (!dsl.fetchExists(ACCOUNT, ACCOUNT.ID.eq(accountId).and(AccountService.visibleTo(by)))) {
            throw new InvalidInputException(Map.of("account", "contact.error.account"));
        }
        return dsl.transactionResult(tx -> {
            var record = tx.dsl().newRecord(CONTACT);
            record.setAccountId(accountId);
            fill(record, data, by);
            record.store();
            record.refresh();
            audit.record(tx.dsl(), accountId, AuditEntry.Entity.CONTACT, record.getId(), AuditEntry.Action.CREATED,
                    AuditTrail.diff(null, toContact(record).data(), AuditTrail::plain), by);
            return record.getId();
        });
    }

    /**
     * Updates a contact that still has {@code expectedVersion}.
     *
     * @throws ConcurrentEditException    when someone saved it in between
     * @throws InvalidInputException when the input breaks a rule
     */
    public void update(long id, int expectedVersion, ContactData data, UserRef by) {
        validate(data);
        int updated = dsl.transactionResult(tx -> {
            var before = tx.dsl().selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetchOptional();
            var record = tx.dsl().newRecord(CONTACT);
            fill(record, data, by);
            record.changed(CONTACT.ID, false);
            int rows = tx.dsl().update(CONTACT).set(record).set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
                    .where(CONTACT.ID.eq(id).and(CONTACT.VERSION.eq(expectedVersion)))
                    .and(CONTACT.ACCOUNT_ID.in(tx.dsl().select(ACCOUNT.ID).from(ACCOUNT).where(AccountService.visibleTo(by))))
                    .execute();
            if (rows == 1 && before.isPresent()) {
                var after = tx.dsl().selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetchSingle();
                audit.record(tx.dsl(), after.getAccountId(), AuditEntry.Entity.CONTACT, id, AuditEntry.Action.CHANGED,
                        AuditTrail.diff(toContact(before.get()).data(), toContact(after).data(), AuditTrail::plain), by);
            }
            return rows;
        });
        if (updated == 0) {
            var now = dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetchOptional();
            throw new ConcurrentEditException(now.map(ContactRecord::getUpdatedBy).orElse(null),
                    now.map(ContactRecord::getUpdatedAt).orElse(null));
        }
    }

    private void fill(ContactRecord record, ContactData data, UserRef by) {
        var d = normalised(data);
        record.setFirstName(d.firstName());
        record.setLastName(d.lastName());
        record.setJobTitle(d.jobTitle());
        record.setEmail(d.email());
        record.setPhone(d.phone());
        record.setDmuRole(d.dmuRole() == null ? null : d.dmuRole().name());
        record.setEmailConsent(d.emailConsent());
        record.setActive(d.active());
        record.setUpdatedAt(LocalDateTime.now(clock));
        record.setUpdatedBy(by.username());
    }

    /** The data as stored: trimmed, blanks as null, e-mail in lower case. */
    static ContactData normalised(ContactData data) {
        return new ContactData(blankToNull(data.firstName()), data.lastName() == null ? null : data.lastName().strip(),
                blankToNull(data.jobTitle()), data.email() == null || data.email().isBlank() ? null
                : data.email().strip().toLowerCase(), blankToNull(data.phone()), data.dmuRole(), data.emailConsent(),
                data.active());
    }

    static Map<String, String> check(ContactData data) {
        var errors = new LinkedHashMap<String, String>();
        if (data.lastName() == null || data.lastName().isBlank()) {
            errors.put("lastName", "contact.error.last-name-required");
        }
        if (present(data.email()) && (!EMAIL.matcher(data.email().strip()).matches() || data.email().strip().length() > 254)) {
            errors.put("email", "contact.error.email");
        }
        if (present(data.phone()) && !PHONE.matcher(data.phone().strip()).matches()) {
            errors.put("phone", "contact.error.phone");
        }
        if (data.emailConsent() && !present(data.email())) {
            errors.put("email", "contact.error.consent-without-email");
        }
        for (var field : new String[][]{{"firstName", data.firstName()}, {"lastName", data.lastName()}, {"jobTitle", data.jobTitle()}}) {
            if (present(field[1]) && field[1].strip().length() > 100) {
                errors.put(field[0], "contact.error.too-long");
            }
        }
        return errors;
    }

    private static void validate(ContactData data) {
        var errors = check(data);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static Contact toContact(ContactRecord record) {
        var data = new ContactData(record.getFirstName(), record.getLastName(), record.getJobTitle(), record.getEmail(),
                record.getPhone(), record.getDmuRole() == null ? null : DmuRole.valueOf(record.getDmuRole()),
                record.getEmailConsent(), record.getActive());
        return new Contact(record.getId(), record.getAccountId(), data, record.getVersion());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }
}

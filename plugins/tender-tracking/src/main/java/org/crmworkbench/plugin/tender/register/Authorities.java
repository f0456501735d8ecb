package org.crmworkbench.plugin.tender.register;

import org.crmworkbench.api.account.Accounts;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_USERS;

/** Contracting authorities and bid owners as the core offers them: accounts and active users, found by name. */
public final class Authorities {

    /** The lead source of accounts created as contracting authorities (not translated: core counts lead sources as written). */
    public static final String LEAD_SOURCE = "Tender";

    public record Authority(long id, String name, String city) {
    }

    public record User(long id, String name) {
    }

    private final DSLContext dsl;
    private final Accounts accounts;

    /** For the user lists and {@link #find}; {@link #search} then offers every account. */
    public Authorities(DSLContext dsl) {
        this(dsl, null);
    }

    /** {@link #search} offers only the accounts the signed-in user may see. */
    public Authorities(DSLContext dsl, Accounts accounts) {
        this.dsl = dsl;
        this.accounts = accounts;
    }

    /** Accounts whose name contains {@code filter}, those starting with it first, then by name. */
    public List<Authority> search(String filter, int offset, int limit) {
        String f = filter == null ? "" : filter.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return dsl.select(V_ACCOUNTS.ID, V_ACCOUNTS.NAME, V_ACCOUNTS.CITY).from(V_ACCOUNTS)
                .where(DSL.lower(V_ACCOUNTS.NAME).like("%" + f + "%"))
                .and(accounts == null ? DSL.noCondition() : accounts.visibleTo(V_ACCOUNTS.ID))
                .orderBy(DSL.when(DSL.lower(V_ACCOUNTS.NAME).like(f + "%"), 0).otherwise(1), V_ACCOUNTS.NAME, V_ACCOUNTS.ID)
                .offset(offset).limit(limit).fetch(r -> new Authority(r.value1(), r.value2(), r.value3()));
    }

    public Optional<Authority> find(long id) {
        return dsl.select(V_ACCOUNTS.ID, V_ACCOUNTS.NAME, V_ACCOUNTS.CITY).from(V_ACCOUNTS).where(V_ACCOUNTS.ID.eq(id))
                .fetchOptional(r -> new Authority(r.value1(), r.value2(), r.value3()));
    }

    public List<User> activeUsers() {
        return users(null);
    }

    /** The active users, and the one with id {@code also} even when inactive (e.g. the owner already chosen). */
    public List<User> users(Long also) {
        return dsl.select(V_USERS.ID, V_USERS.DISPLAY_NAME).from(V_USERS)
                .where(V_USERS.ACTIVE.isTrue().or(also == null ? DSL.falseCondition() : V_USERS.ID.eq(also)))
                .orderBy(V_USERS.DISPLAY_NAME).fetch(r -> new User(r.value1(), r.value2()));
    }

    /** The account of exactly this name (ignoring case), the oldest when there are several. */
    public Optional<Authority> findByName(String name) {
        return dsl.select(V_ACCOUNTS.ID, V_ACCOUNTS.NAME, V_ACCOUNTS.CITY).from(V_ACCOUNTS)
                .where(DSL.lower(V_ACCOUNTS.NAME).eq(name.strip().toLowerCase())).orderBy(V_ACCOUNTS.ID).limit(1)
                .fetchOptional(r -> new Authority(r.value1(), r.value2(), r.value3()));
    }
}

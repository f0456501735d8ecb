package org.crmworkbench.plugin.chain.map;

import org.crmworkbench.api.account.Accounts;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_INTERACTIONS;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;

/** Accounts and interactions as the core offers them, found by name for the pickers. */
public final class AccountLookup {

    public record Account(long id, String name, String city) {
    }

    public record Interaction(long id, LocalDateTime at, String kind) {
    }

    private final DSLContext dsl;
    private final Accounts accounts;

    /** For {@link #find} and {@link #interactions}; {@link #search} then offers every account. */
    public AccountLookup(DSLContext dsl) {
        this(dsl, null);
    }

    /** {@link #search} offers only the accounts the signed-in user may see. */
    public AccountLookup(DSLContext dsl, Accounts accounts) {
        this.dsl = dsl;
        this.accounts = accounts;
    }

    /** Accounts whose name contains {@code filter}; {@code withLinksOfOurs}: only customers we have a link to. */
    public List<Account> search(String filter, boolean withLinksOfOurs, int offset, int limit) {
        String f = filter == null ? "" : filter.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return dsl.select(V_ACCOUNTS.ID, V_ACCOUNTS.NAME, V_ACCOUNTS.CITY).from(V_ACCOUNTS)
                .where(DSL.lower(V_ACCOUNTS.NAME).like("%" + f + "%"))
                .and(accounts == null ? DSL.noCondition() : accounts.visibleTo(V_ACCOUNTS.ID))
                .and(withLinksOfOurs ? DSL.exists(DSL.selectOne().from(CHAIN_LINK)
                        .where(Chains.downstream(CHAIN_LINK)).and(Chains.counterparty(CHAIN_LINK).eq(V_ACCOUNTS.ID))) : DSL.noCondition())
                .orderBy(V_ACCOUNTS.NAME, V_ACCOUNTS.ID).offset(offset).limit(limit)
                .fetch(r -> new Account(r.value1(), r.value2(), r.value3()));
    }

    public Optional<Account> find(long id) {
        return dsl.select(V_ACCOUNTS.ID, V_ACCOUNTS.NAME, V_ACCOUNTS.CITY).from(V_ACCOUNTS).where(V_ACCOUNTS.ID.eq(id))
                .fetchOptional(r -> new Account(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The latest interactions with an account, newest first, as evidence to choose from, and those in
     * {@code chosen} whatever their age (so saving never drops evidence chosen before).
     */
    public List<Interaction> interactions(long accountId, int limit, java.util.Collection<Long> chosen) {
        var latest = DSL.select(V_INTERACTIONS.ID).from(V_INTERACTIONS).where(V_INTERACTIONS.ACCOUNT_ID.eq(accountId))
                .orderBy(V_INTERACTIONS.OCCURRED_AT.desc(), V_INTERACTIONS.ID.desc()).limit(limit);
        return dsl.select(V_INTERACTIONS.ID, V_INTERACTIONS.OCCURRED_AT, V_INTERACTIONS.KIND).from(V_INTERACTIONS)
                .where(V_INTERACTIONS.ACCOUNT_ID.eq(accountId))
                .and(V_INTERACTIONS.ID.in(dsl.fetch(latest).getValues(V_INTERACTIONS.ID)).or(V_INTERACTIONS.ID.in(chosen)))
                .orderBy(V_INTERACTIONS.OCCURRED_AT.desc(), V_INTERACTIONS.ID.desc())
                .fetch(r -> new Interaction(r.value1(), r.value2(), r.value3()));
    }
}

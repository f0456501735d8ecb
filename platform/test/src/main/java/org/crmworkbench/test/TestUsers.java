package org.crmworkbench.test;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.security.CurrentUser;
import org.jooq.DSLContext;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;

/**
 * The signed-in user of a test: a {@link CurrentUser} to give the host services, and
 * {@link #signIn(String, Role...)} to act as a stored user with exactly the given roles. Used by
 * {@link PluginTestHarness}, and by tests that build their plugin context themselves.
 */
public final class TestUsers implements CurrentUser {

    private final DSLContext core;
    private volatile UserRef user;
    private volatile Locale locale = Locale.ENGLISH;

    /** @param core a connection to the core schema ({@code crm_core}), where the users are kept */
    public TestUsers(DSLContext core) {
        this.core = core;
    }

    /** Signs a user in, created in {@code crm_core.app_user} when new; its roles become exactly {@code roles}. */
    public UserRef signIn(String username, Role... roles) {
        long id = core.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(APP_USER.ID)
                .orElseGet(() -> core.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH)
                        .values(username, username, "-").returningResult(APP_USER.ID).fetchSingle().value1());
        core.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(id)).execute();
        for (Role role : roles) {
            core.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE).values(id, role.name()).execute();
        }
        user = new UserRef(id, username, username, Set.of(roles));
        return user;
    }

    /** No user: as in background work. */
    public void signOut() {
        user = null;
    }

    /** The language of the signed-in user. */
    public void setLocale(Locale locale) {
        this.locale = locale;
    }

    @Override
    public Optional<UserRef> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public Locale locale() {
        return locale;
    }
}

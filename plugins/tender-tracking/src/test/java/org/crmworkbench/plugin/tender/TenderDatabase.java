package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.CoreAccounts;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;

/**
 * What the tender ITs share: the plugin's schema on the test MariaDB, users in core, and the real
 * {@link CoreAccounts} acting for whichever user the test signs in.
 */
final class TenderDatabase {

    static final DSLContext dsl = TestDatabase.get().dsl();

    final AtomicReference<UserRef> signedIn = new AtomicReference<>();
    final CoreAccounts accounts;

    TenderDatabase(Clock clock) {
        accounts = new CoreAccounts(new AccountService(dsl, clock, event -> { }), new OpportunityService(dsl, clock), new CurrentUser() {
            @Override
            public Optional<UserRef> user() {
                return Optional.ofNullable(signedIn.get());
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }
        });
    }

    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas("crm_tender_tracking")
                .createSchemas(true).locations("classpath:db/crm_tender_tracking").load().migrate();
    }

    /** A core user with one role, made once per test database. */
    static UserRef user(String username, String name, Role role) {
        Long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(APP_USER.ID).orElse(null);
        if (id == null) {
            id = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH).values(username, name, "-")
                    .returningResult(APP_USER.ID).fetchSingle().value1();
            dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE).values(id, role.name()).execute();
        }
        return new UserRef(id, username, name, Set.of(role));
    }
}

package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.plugin.tender.register.Authorities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_TEAM;
import static org.crmworkbench.plugin.tender.TenderDatabase.dsl;
import static org.crmworkbench.plugin.tender.TenderDatabase.user;

/** The authority picker offers a sales user only the accounts core lets it see (Accounts.visibleTo, API 1.6). */
class AuthorityPickerVisibilityIT {

    private final TenderDatabase core = new TenderDatabase(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    private final Authorities authorities = new Authorities(dsl, core.accounts);
    private UserRef manager;
    private UserRef sales;

    @BeforeAll
    static void migrate() {
        TenderDatabase.migrate();
    }

    @BeforeEach
    void accounts() {
        dsl.deleteFrom(ACCOUNT).execute();
        manager = user("av-manager", "Mira Manager", Role.MANAGER);
        sales = user("av-sales", "Sam Sales", Role.SALES);
        account("Gemeente Eigen", sales.id());
        long team = account("Gemeente Team", manager.id());
        account("Gemeente Ander", manager.id());
        account("Gemeente Niemand", null);
        dsl.insertInto(ACCOUNT_TEAM, ACCOUNT_TEAM.ACCOUNT_ID, ACCOUNT_TEAM.USER_ID).values(team, sales.id()).execute();
    }

    @Test
    void a_sales_user_picks_from_its_own_and_team_accounts_and_a_manager_from_all() {
        core.signedIn.set(sales);
        assertThat(authorities.search("gemeente", 0, 50)).extracting(Authorities.Authority::name)
                .containsExactly("Gemeente Eigen", "Gemeente Team");

        core.signedIn.set(manager);
        assertThat(authorities.search("gemeente", 0, 50)).extracting(Authorities.Authority::name)
                .containsExactly("Gemeente Ander", "Gemeente Eigen", "Gemeente Niemand", "Gemeente Team");

        core.signedIn.set(null);
        assertThat(authorities.search("gemeente", 0, 50)).as("nobody signed in").isEmpty();
    }

    private static long account(String name, Long managerId) {
        return dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ACCOUNT_MANAGER_ID)
                .values(name, "PROSPECT", managerId).returningResult(ACCOUNT.ID).fetchSingle().value1();
    }
}

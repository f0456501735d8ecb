package org.crmworkbench.core.account;

import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

class AccountServiceTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final List<AccountEvent> events = new ArrayList<>();
    private final AccountService accounts = new AccountService(dsl,
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC), events::add);
    private UserRef manager;
    private UserRef sales;
    private UserRef otherSales;

    @BeforeEach
    void users() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "Marieke", "pw-manager-1", Set.of(Role.MANAGER)), "m", "Marieke", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "Sanne", "pw-sales-1", Set.of(Role.SALES)), "s", "Sanne", Set.of(Role.SALES));
        otherSales = new UserRef(users.create("t", "Tom", "pw-sales-2", Set.of(Role.SALES)), "t", "Tom", Set.of(Role.SALES));
    }

    @Test
    void an_account_is_created_and_read_back_with_normalised_fields() {
        long id = accounts.create(data("  Bakkerij de Vries B.V. ", "12345678", LifecycleStage.LEAD, sales.id())
                .withVat("nl 123456789 b01"), manager);

        var account = accounts.find(id, manager).orElseThrow();
        assertThat(account.data().name()).isEqualTo("Bakkerij de Vries B.V.");
        assertThat(account.data().vatNumber()).isEqualTo("NL123456789B01");
        assertThat(account.updatedBy()).isEqualTo("m");
        assertThat(account.version()).isZero();
        assertThat(events).containsExactly(new AccountEvent.AccountCreated(id, Instant.parse("2026-03-01T10:00:00Z")));
    }

    @Test
    void invalid_input_is_refused_field_by_field_and_nothing_is_saved() {
        var bad = new AccountData(" ", "1234", "XX", "not a url", null, null, null, null, "Netherlands",
                AccountLevel.REGIONAL, LifecycleStage.SUSPECT, null, false, new BigDecimal("-1"), null, null);
        assertThatThrownBy(() -> accounts.create(bad, manager)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().keySet())
                .isEqualTo(Set.of("name", "cocNumber", "vatNumber", "website", "country", "potentialValue"));
        assertThat(dsl.fetchCount(ACCOUNT)).isZero();
    }

    @Test
    void a_kvk_number_is_unique() {
        accounts.create(data("A", "12345678", LifecycleStage.SUSPECT, null), manager);
        assertThatThrownBy(() -> accounts.create(data("B", "12345678", LifecycleStage.SUSPECT, null), manager))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors())
                .isEqualTo(java.util.Map.of("cocNumber", "account.error.coc-number-taken"));
    }

    @Test
    void a_stale_update_is_refused_naming_who_changed_it_and_keeps_their_version() {
        long id = accounts.create(data("A", null, LifecycleStage.SUSPECT, sales.id()), manager);
        accounts.update(id, 0, data("A by Sanne", null, LifecycleStage.PROSPECT, sales.id()), sales);

        assertThatThrownBy(() -> accounts.update(id, 0, data("A by Marieke", null, LifecycleStage.LEAD, sales.id()), manager))
                .isInstanceOf(ConcurrentEditException.class)
                .extracting(e -> ((ConcurrentEditException) e).changedBy()).isEqualTo("s");
        var account = accounts.find(id, manager).orElseThrow();
        assertThat(account.data().name()).isEqualTo("A by Sanne");
        assertThat(account.version()).isEqualTo(1);
    }

    @Test
    void a_stage_change_is_published_after_the_change() {
        long id = accounts.create(data("A", null, LifecycleStage.LEAD, null), manager);
        events.clear();
        accounts.update(id, 0, data("A", null, LifecycleStage.HOT_LEAD, null), manager);
        assertThat(events).hasSize(2).last().isEqualTo(
                new AccountEvent.StageChanged(id, Instant.parse("2026-03-01T10:00:00Z"), "LEAD", "HOT_LEAD"));
    }

    @Test
    void the_list_is_paged_sorted_searched_and_filtered_in_sql() {
        accounts.create(data("Zorggroep Noord", "10000001", LifecycleStage.LEAD, sales.id()).inCity("Groningen"), manager);
        accounts.create(data("Bakkerij Maes", "20000002", LifecycleStage.NEW_CUSTOMER, otherSales.id()).inCity("Gent"), manager);
        accounts.create(data("Garage 100% Goed", "30000003", LifecycleStage.LEAD, sales.id()).inCity("Utrecht"), manager);

        var byName = new AccountQuery("", null, null, null, null, false, List.of());
        assertThat(accounts.page(byName, manager, 0, 2)).extracting(AccountRow::name).containsExactly("Bakkerij Maes", "Garage 100% Goed");
        assertThat(accounts.page(byName, manager, 2, 2)).extracting(AccountRow::name).containsExactly("Zorggroep Noord");
        var byCityDesc = new AccountQuery("", null, null, null, null, false, List.of(new AccountQuery.Sort("city", false)));
        assertThat(accounts.page(byCityDesc, manager, 0, 10)).extracting(AccountRow::city).containsExactly("Utrecht", "Groningen", "Gent");
        assertThat(accounts.page(new AccountQuery("gen", null, null, null, null, false, List.of()), manager, 0, 10))
                .as("city prefix, case-insensitive").extracting(AccountRow::name).containsExactly("Bakkerij Maes");
        assertThat(accounts.page(new AccountQuery("2000", null, null, null, null, false, List.of()), manager, 0, 10))
                .as("KvK prefix").extracting(AccountRow::name).containsExactly("Bakkerij Maes");
        assertThat(accounts.count(new AccountQuery("Garage 100%", null, null, null, null, false, List.of()), manager))
                .as("LIKE characters are literal").isEqualTo(1);
        assertThat(accounts.count(new AccountQuery("%", null, null, null, null, false, List.of()), manager)).isZero();
        assertThat(accounts.count(new AccountQuery("", LifecycleStage.LEAD, null, null, null, false, List.of()), manager)).isEqualTo(2);
        assertThat(accounts.page(byName, manager, 0, 10)).extracting(AccountRow::managerName).contains("Sanne", "Tom");
    }

    @Test
    void sales_sees_only_the_accounts_it_manages_and_managers_see_all() {
        long own = accounts.create(data("Own", null, LifecycleStage.LEAD, sales.id()), manager);
        long other = accounts.create(data("Other", null, LifecycleStage.LEAD, otherSales.id()), manager);

        assertThat(accounts.page(AccountQuery.all(), sales, 0, 10)).extracting(AccountRow::id).containsExactly(own);
        assertThat(accounts.find(other, sales)).isEmpty();
        assertThat(accounts.count(AccountQuery.all(), manager)).isEqualTo(2);
        assertThat(accounts.count(new AccountQuery("", null, null, null, null, true, List.of()), otherSales)).isEqualTo(1);
    }

    @Test
    void team_members_see_and_edit_the_account_and_only_its_manager_or_a_manager_changes_the_team() {
        long own = accounts.create(data("Teamwerk", null, LifecycleStage.LEAD, sales.id()), manager);
        assertThat(accounts.find(own, otherSales)).isEmpty();

        accounts.addToTeam(own, otherSales.id(), " techniek ", sales);
        assertThat(accounts.team(own, otherSales)).containsExactly(new TeamMember(otherSales.id(), "Tom", "techniek"));
        assertThat(accounts.page(AccountQuery.all(), otherSales, 0, 10)).extracting(AccountRow::id).containsExactly(own);
        var seen = accounts.find(own, otherSales).orElseThrow();
        accounts.update(own, seen.version(), seen.data().inCity("Gent"), otherSales);
        assertThat(accounts.find(own, sales).orElseThrow().data().city()).isEqualTo("Gent");

        assertThatThrownBy(() -> accounts.removeFromTeam(own, otherSales.id(), otherSales))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("team", "account.error.team-not-allowed"));
        accounts.addToTeam(own, otherSales.id(), "accountondersteuning", manager); // a second add changes the role
        assertThat(accounts.team(own, sales)).extracting(TeamMember::role).containsExactly("accountondersteuning");
        accounts.removeFromTeam(own, otherSales.id(), sales);
        assertThat(accounts.find(own, otherSales)).isEmpty();
    }

    @Test
    void demo_accounts_are_the_same_every_time() {
        DemoAccounts.create(dsl, 1200, List.of(sales.id(), otherSales.id()), 42);
        var first = dsl.select(ACCOUNT.NAME, ACCOUNT.CITY).from(ACCOUNT).orderBy(ACCOUNT.COC_NUMBER).limit(5).fetch().toString();
        assertThat(dsl.fetchCount(ACCOUNT)).isEqualTo(1200);
        dsl.deleteFrom(ACCOUNT).execute();
        DemoAccounts.create(dsl, 1200, List.of(sales.id(), otherSales.id()), 42);
        assertThat(dsl.select(ACCOUNT.NAME, ACCOUNT.CITY).from(ACCOUNT).orderBy(ACCOUNT.COC_NUMBER).limit(5).fetch().toString())
                .isEqualTo(first);
        assertThat(accounts.count(AccountQuery.all(), sales)).isEqualTo(600);
    }

    private static AccountData data(String name, String coc, LifecycleStage stage, Long managerId) {
        return new AccountData(name, coc, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL, stage,
                null, false, null, null, managerId);
    }
}

package org.crmworkbench.core.contact;

import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.CONTACT;

class ContactServiceTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final ContactService contacts = new ContactService(dsl, Clock.systemUTC());
    private UserRef manager;
    private UserRef sales;
    private long accountOfOther;
    private long account;

    @BeforeEach
    void data() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "M", "pw-manager-1", Set.of(Role.MANAGER)), "m", "M", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "S", "pw-sales-1", Set.of(Role.SALES)), "s", "S", Set.of(Role.SALES));
        var accounts = new AccountService(dsl, Clock.systemUTC(), event -> { });
        account = accounts.create(account("Own", sales.id()), manager);
        accountOfOther = accounts.create(account("Other", manager.id()), manager);
    }

    @Test
    void contacts_are_listed_per_account_active_first_by_last_name() {
        contacts.add(account, person("Zeger", "Aerts", DmuRole.DECIDER, false), sales);
        contacts.add(account, person("Anna", "Visser", DmuRole.BUYER, true), sales);
        contacts.add(account, person("Bert", "Bakker", null, true), sales);

        assertThat(contacts.forAccount(account, sales)).extracting(Contact::fullName)
                .containsExactly("Bert Bakker", "Anna Visser", "Zeger Aerts");
        assertThat(contacts.forAccount(account, sales).get(1).data().dmuRole()).isEqualTo(DmuRole.BUYER);
    }

    @Test
    void bad_input_is_refused_per_field_and_nothing_is_saved() {
        var bad = new ContactData("A", " ", null, "not-an-address", "abc", null, false, true);
        assertThatThrownBy(() -> contacts.add(account, bad, sales)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().keySet())
                .isEqualTo(Set.of("lastName", "email", "phone"));
        var consentWithoutEmail = new ContactData("A", "B", null, null, null, null, true, true);
        assertThatThrownBy(() -> contacts.add(account, consentWithoutEmail, sales))
                .isInstanceOf(InvalidInputException.class);
        assertThat(dsl.fetchCount(CONTACT)).isZero();
    }

    @Test
    void contacts_follow_the_visibility_of_their_account() {
        contacts.add(accountOfOther, person("X", "Y", null, true), manager);
        assertThat(contacts.forAccount(accountOfOther, sales)).isEmpty();
        assertThatThrownBy(() -> contacts.add(accountOfOther, person("A", "B", null, true), sales))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_stale_update_is_refused_and_names_who_changed_it() {
        long id = contacts.add(account, person("Anna", "Visser", DmuRole.BUYER, true), sales);
        contacts.update(id, 0, person("Anna", "Visser-Jansen", DmuRole.BUYER, true), manager);

        assertThatThrownBy(() -> contacts.update(id, 0, person("Anna", "Visser", DmuRole.DECIDER, true), sales))
                .isInstanceOf(ConcurrentEditException.class)
                .extracting(e -> ((ConcurrentEditException) e).changedBy()).isEqualTo("m");
        var now = contacts.forAccount(account, sales).getFirst();
        assertThat(now.data().lastName()).isEqualTo("Visser-Jansen");
        assertThat(now.version()).isEqualTo(1);
    }

    @Test
    void the_contacts_list_searches_filters_and_sorts_across_visible_accounts() {
        contacts.add(account, person("Anna", "Visser", DmuRole.BUYER, true), sales);
        contacts.add(account, person("Bert", "Bakker", DmuRole.DECIDER, false), sales);
        contacts.add(accountOfOther, person("Carla", "Claes", DmuRole.BUYER, true), manager);

        assertThat(contacts.page(ContactQuery.all(), sales, 0, 10)).extracting(row -> row.contact().fullName())
                .containsExactly("Bert Bakker", "Anna Visser");
        assertThat(contacts.count(ContactQuery.all(), manager)).isEqualTo(3);
        var buyers = new ContactQuery(null, "", DmuRole.BUYER, false, false,
                java.util.List.of(new ContactQuery.Sort("account", false)));
        assertThat(contacts.page(buyers, manager, 0, 10)).extracting(ContactRow::accountName).containsExactly("Own", "Other");
        assertThat(contacts.count(new ContactQuery(null, "vis", null, false, false, java.util.List.of()), manager)).isEqualTo(1);
        assertThat(contacts.count(new ContactQuery(null, "Oth", null, false, false, java.util.List.of()), manager))
                .as("by account name").isEqualTo(1);
        assertThat(contacts.count(new ContactQuery(null, "", null, true, true, java.util.List.of()), manager)).isEqualTo(2);
    }

    @Test
    void demo_contacts_give_every_account_one_to_three_people() {
        DemoContacts.create(dsl, 7);
        assertThat(dsl.fetchCount(CONTACT)).isBetween(2, 6);
        assertThat(contacts.forAccount(account, sales)).isNotEmpty();
    }

    private static ContactData person(String first, String last, DmuRole role, boolean active) {
        return new ContactData(first, last, "Inkoper", first.toLowerCase() + "@example.com", "+31 6 1234 5678", role,
                true, active);
    }

    private static AccountData account(String name, long managerId) {
        return new AccountData(name, null, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL,
                LifecycleStage.LEAD, null, false, null, null, managerId);
    }
}

package org.crmworkbench.core.interaction;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.CustomerGroup;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.contact.ContactData;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.INTERACTION_CONTACT;

class InteractionServiceTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 6, 15, 9, 30);

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<AccountEvent> events = new ArrayList<>();
    private final AccountService accounts = new AccountService(dsl, clock, events::add);
    private final ContactService contacts = new ContactService(dsl, clock);
    private final InteractionService interactions = new InteractionService(dsl, clock, events::add);
    private UserRef manager;
    private UserRef sales;
    private long account;
    private long othersAccount;
    private long anna;
    private long bert;

    @BeforeEach
    void data() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "Marieke", "pw-manager-1", Set.of(Role.MANAGER)), "m", "Marieke", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "Sanne", "pw-sales-1", Set.of(Role.SALES)), "s", "Sanne", Set.of(Role.SALES));
        account = accounts.create(data("Drukkerij Wouters", sales.id()), manager);
        othersAccount = accounts.create(data("Garage Maes", manager.id()), manager);
        anna = contacts.add(account, new ContactData("Anna", "Visser", null, null, null, null, false, true), sales);
        bert = contacts.add(account, new ContactData("Bert", "Aerts", null, null, null, null, false, true), sales);
        events.clear();
    }

    @Test
    void an_interaction_is_logged_with_its_contacts_and_published() {
        long id = interactions.add(account, new InteractionData(InteractionKind.VISIT, MORNING, "  Assortiment doorgelopen ",
                Set.of(anna, bert), FollowUp.NONE, null), sales);

        var logged = interactions.page(account, sales, 0, 10).getFirst();
        assertThat(logged.data().summary()).isEqualTo("Assortiment doorgelopen");
        assertThat(logged.userName()).isEqualTo("Sanne");
        assertThat(logged.contactNames()).containsExactly("Bert Aerts", "Anna Visser");
        assertThat(logged.data().contactIds()).containsExactlyInAnyOrder(anna, bert);
        assertThat(events).containsExactly(new AccountEvent.InteractionLogged(account, NOW, id));
        assertThat(accounts.group(account, sales)).as("a relationship, no orders").contains(CustomerGroup.POTENTIAL);
    }

    @Test
    void bad_input_is_refused_per_field_and_nothing_is_saved() {
        long othersContact = contacts.add(othersAccount, new ContactData(null, "Claes", null, null, null, null, false, true), manager);

        assertThatThrownBy(() -> interactions.add(account, new InteractionData(InteractionKind.COMPLAINT, null, " ",
                Set.of(othersContact), FollowUp.NONE, LocalDate.of(2026, 7, 1)), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("occurredAt", "summary", "followUp", "followUpDue", "contactIds"));
        assertThatThrownBy(() -> interactions.add(account, new InteractionData(InteractionKind.NOTE, MORNING, "x".repeat(2001),
                Set.of(), FollowUp.NONE, null), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsOnlyKeys("summary"));
        assertThatThrownBy(() -> interactions.add(othersAccount, new InteractionData(InteractionKind.NOTE, MORNING, "Niet van mij",
                Set.of(), FollowUp.NONE, null), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsOnlyKeys("account"));

        assertThat(dsl.fetchCount(INTERACTION)).isZero();
        assertThat(dsl.fetchCount(INTERACTION_CONTACT)).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void open_follow_ups_are_listed_for_their_owner_due_first_until_closed() {
        long complaint = interactions.add(account, new InteractionData(InteractionKind.COMPLAINT, MORNING, "Levering te laat",
                Set.of(anna), FollowUp.OPEN, LocalDate.of(2026, 6, 20)), sales);
        interactions.add(account, new InteractionData(InteractionKind.CALL, MORNING, "Terugbellen", Set.of(), FollowUp.OPEN, null), sales);
        interactions.add(account, new InteractionData(InteractionKind.CALL, MORNING, "Urgent", Set.of(), FollowUp.OPEN,
                LocalDate.of(2026, 6, 16)), sales);
        interactions.add(othersAccount, new InteractionData(InteractionKind.CALL, MORNING, "Van iemand anders", Set.of(),
                FollowUp.OPEN, null), manager);

        assertThat(interactions.openFollowUps(sales, 10)).extracting(OpenFollowUp::summary)
                .containsExactly("Urgent", "Levering te laat", "Terugbellen");
        assertThat(interactions.openFollowUpCount(sales)).isEqualTo(3);

        var stored = interactions.page(account, sales, 0, 10).stream().filter(i -> i.id() == complaint).findFirst().orElseThrow();
        interactions.update(complaint, stored.version(), new InteractionData(InteractionKind.COMPLAINT, MORNING, "Levering te laat",
                Set.of(anna), FollowUp.CLOSED, null), sales);
        assertThat(interactions.openFollowUps(sales, 10)).extracting(OpenFollowUp::summary).containsExactly("Urgent", "Terugbellen");
        assertThat(dsl.select(INTERACTION.CLOSED_BY).from(INTERACTION).where(INTERACTION.ID.eq(complaint)).fetchSingle().value1())
                .isEqualTo("s");
    }

    @Test
    void a_stale_edit_is_refused_and_says_who_changed_it() {
        long id = interactions.add(account, new InteractionData(InteractionKind.NOTE, MORNING, "Eerste versie", Set.of(),
                FollowUp.NONE, null), sales);
        var note = new InteractionData(InteractionKind.NOTE, MORNING, "Tweede versie", Set.of(bert), FollowUp.NONE, null);
        interactions.update(id, 0, note, manager);

        assertThatThrownBy(() -> interactions.update(id, 0, note, sales))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> assertThat(e.changedBy()).isEqualTo("m"));
        assertThat(interactions.page(account, sales, 0, 10).getFirst().contactNames()).containsExactly("Bert Aerts");
    }

    @Test
    void sales_does_not_see_interactions_of_accounts_it_does_not_manage() {
        interactions.add(othersAccount, new InteractionData(InteractionKind.NOTE, MORNING, "Intern", Set.of(), FollowUp.NONE, null),
                manager);
        assertThat(interactions.page(othersAccount, sales, 0, 10)).isEmpty();
        assertThat(interactions.count(othersAccount, sales)).isZero();
        assertThat(interactions.count(othersAccount, manager)).isEqualTo(1);
    }

    private static AccountData data(String name, Long managerId) {
        return new AccountData(name, null, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL,
                LifecycleStage.SUSPECT, null, false, null, null, managerId);
    }

    @Test
    void plugins_log_interactions_as_the_signed_in_user_within_what_that_user_may_see() {
        var signedIn = new java.util.concurrent.atomic.AtomicReference<UserRef>(sales);
        var pluginSide = new CoreInteractions(interactions, new org.crmworkbench.core.security.CurrentUser() {
            @Override
            public java.util.Optional<UserRef> user() {
                return java.util.Optional.ofNullable(signedIn.get());
            }

            @Override
            public java.util.Locale locale() {
                return java.util.Locale.ENGLISH;
            }
        }, clock);

        long id = pluginSide.log(account, Set.of(anna), org.crmworkbench.api.interaction.Interactions.Kind.EMAIL,
                "Argumentation sent");
        var logged = interactions.find(id, sales).orElseThrow();
        assertThat(logged.data().kind()).isEqualTo(InteractionKind.EMAIL);
        assertThat(logged.data().followUp()).isEqualTo(FollowUp.NONE);
        assertThat(logged.data().occurredAt()).isEqualTo(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
        assertThat(logged.userName()).isEqualTo("Sanne");
        assertThat(events).containsExactly(new AccountEvent.InteractionLogged(account, NOW, id));

        int before = dsl.fetchCount(INTERACTION);
        assertThatThrownBy(() -> pluginSide.log(othersAccount, Set.of(), org.crmworkbench.api.interaction.Interactions.Kind.NOTE, "x"))
                .as("a sales user does not see another manager's account").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pluginSide.log(account, Set.of(), org.crmworkbench.api.interaction.Interactions.Kind.NOTE, " "))
                .isInstanceOf(IllegalArgumentException.class);
        signedIn.set(null);
        assertThatThrownBy(() -> pluginSide.log(account, Set.of(), org.crmworkbench.api.interaction.Interactions.Kind.NOTE, "x"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dsl.fetchCount(INTERACTION)).as("nothing logged").isEqualTo(before);
    }
}

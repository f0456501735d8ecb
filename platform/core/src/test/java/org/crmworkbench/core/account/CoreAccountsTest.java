package org.crmworkbench.core.account;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.opportunity.FunnelStage;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.opportunity.OpportunityStatus;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.OPPORTUNITY;

class CoreAccountsTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final LocalDate WON_ON = LocalDate.of(2026, 6, 12);

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<AccountEvent> events = new ArrayList<>();
    private final AccountService accounts = new AccountService(dsl, clock, events::add);
    private final OpportunityService opportunities = new OpportunityService(dsl, clock);
    private final AtomicReference<UserRef> signedIn = new AtomicReference<>();
    private final CoreAccounts pluginSide = new CoreAccounts(accounts, opportunities, new CurrentUser() {
        @Override
        public Optional<UserRef> user() {
            return Optional.ofNullable(signedIn.get());
        }

        @Override
        public Locale locale() {
            return Locale.ENGLISH;
        }
    });
    private UserRef manager;
    private UserRef sales;

    @BeforeEach
    void users() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "Marieke", "pw-manager-1", Set.of(Role.MANAGER)), "m", "Marieke", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "Sanne", "pw-sales-1", Set.of(Role.SALES)), "s", "Sanne", Set.of(Role.SALES));
        signedIn.set(sales);
    }

    @Test
    void a_created_account_is_a_prospect_managed_by_the_sales_user_with_the_editor_defaults() {
        long id = pluginSide.create(" Gemeente Zwolle ", "Tender notice");

        var data = accounts.find(id, sales).orElseThrow().data();
        assertThat(data.name()).isEqualTo("Gemeente Zwolle");
        assertThat(data.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(data.accountManagerId()).isEqualTo(sales.id());
        assertThat(data.country()).isEqualTo("NL");
        assertThat(data.level()).isEqualTo(AccountLevel.REGIONAL);
        assertThat(data.leadSource()).isEqualTo("Tender notice");
        assertThat(events).containsExactly(new AccountEvent.AccountCreated(id, NOW));
    }

    @Test
    void a_blank_name_is_refused_and_nothing_is_created() {
        assertThatThrownBy(() -> pluginSide.create("  ", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account.error.name-required");
        assertThatThrownBy(() -> pluginSide.create("Provincie Utrecht", "x".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leadSource");

        signedIn.set(null);
        assertThatThrownBy(() -> pluginSide.create("Provincie Utrecht", null)).isInstanceOf(IllegalStateException.class);
        assertThat(dsl.fetchCount(ACCOUNT)).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void a_won_deal_adds_a_won_opportunity_and_makes_the_account_a_new_customer_by_hand() {
        long id = pluginSide.create("Waterschap Vechtstromen", "Tender notice");

        long won = pluginSide.recordWonDeal(id, "Raamcontract onderhoud", new BigDecimal("125000"), WON_ON);

        var opportunity = opportunities.find(won, sales).orElseThrow();
        assertThat(opportunity.accountId()).isEqualTo(id);
        assertThat(opportunity.data().status()).isEqualTo(OpportunityStatus.WON);
        assertThat(opportunity.data().stage()).isEqualTo(FunnelStage.EVALUATION);
        assertThat(opportunity.data().probability()).isEqualTo(100);
        assertThat(opportunity.data().amount()).isEqualByComparingTo("125000");
        assertThat(opportunity.data().expectedClose()).isEqualTo(WON_ON);
        assertThat(opportunity.data().ownerId()).isEqualTo(sales.id());
        assertThat(accounts.find(id, sales).orElseThrow().data().stage()).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        assertThat(dsl.fetchValue(ACCOUNT.STAGE_MANUAL, ACCOUNT.ID.eq(id))).isTrue();
        assertThat(accounts.stageHistory(id, sales)).extracting(StageChange::from, StageChange::to, StageChange::cause)
                .containsExactly(tuple(LifecycleStage.PROSPECT, LifecycleStage.NEW_CUSTOMER, StageChangeCause.MANUAL),
                        tuple(null, LifecycleStage.PROSPECT, StageChangeCause.CREATED));
        assertThat(events).contains(new AccountEvent.StageChanged(id, NOW, "PROSPECT", "NEW_CUSTOMER"));
    }

    @Test
    void an_account_whose_manager_left_is_still_made_a_customer_with_its_other_fields_untouched() {
        long id = pluginSide.create("Gemeente Hengelo", "Tender");
        dsl.update(APP_USER).set(APP_USER.ACTIVE, false).where(APP_USER.ID.eq(sales.id())).execute();
        signedIn.set(manager);
        try {
            pluginSide.recordWonDeal(id, "Groenonderhoud", new BigDecimal("40000"), WON_ON);
        } finally {
            dsl.update(APP_USER).set(APP_USER.ACTIVE, true).where(APP_USER.ID.eq(sales.id())).execute();
        }

        var account = accounts.find(id, manager).orElseThrow();
        assertThat(account.data().stage()).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        assertThat(account.data().accountManagerId()).isEqualTo(sales.id());
        assertThat(account.data().leadSource()).isEqualTo("Tender");
        assertThat(dsl.fetchCount(OPPORTUNITY, OPPORTUNITY.ACCOUNT_ID.eq(id))).isEqualTo(1);
    }

    @Test
    void a_loyal_customer_keeps_its_stage_when_it_wins_again() {
        long id = accounts.create(new AccountData("Gemeente Deventer", null, null, null, null, null, null, null, "NL",
                AccountLevel.NATIONAL, LifecycleStage.LOYAL_CUSTOMER, null, false, null, null, sales.id()), manager);
        int version = accounts.find(id, sales).orElseThrow().version();

        pluginSide.recordWonDeal(id, "Verlenging", new BigDecimal("40000"), WON_ON);

        var account = accounts.find(id, sales).orElseThrow();
        assertThat(account.data().stage()).isEqualTo(LifecycleStage.LOYAL_CUSTOMER);
        assertThat(account.version()).as("the account is left alone").isEqualTo(version);
        assertThat(accounts.stageHistory(id, sales)).hasSize(1);
        assertThat(dsl.fetchCount(OPPORTUNITY, OPPORTUNITY.ACCOUNT_ID.eq(id))).isEqualTo(1);
    }

    @Test
    void a_won_deal_on_an_account_the_user_may_not_see_or_with_bad_input_is_refused_and_nothing_is_recorded() {
        long others = accounts.create(new AccountData("Rijkswaterstaat", null, null, null, null, null, null, null, "NL",
                AccountLevel.NATIONAL, LifecycleStage.LEAD, null, false, null, null, manager.id()), manager);
        long own = pluginSide.create("Gemeente Almelo", null);

        assertThatThrownBy(() -> pluginSide.recordWonDeal(others, "Dijkversterking", new BigDecimal("1000"), WON_ON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pluginSide.recordWonDeal(own, " ", new BigDecimal("1000"), WON_ON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> pluginSide.recordWonDeal(own, "Schoonmaak", new BigDecimal("-1"), WON_ON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");

        assertThat(dsl.fetchCount(OPPORTUNITY)).isZero();
        assertThat(accounts.find(others, manager).orElseThrow().data().stage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(accounts.find(own, sales).orElseThrow().data().stage()).isEqualTo(LifecycleStage.PROSPECT);
    }

    @Test
    void visible_to_keeps_for_sales_the_managed_and_team_accounts_and_for_a_manager_all() {
        long managed = accounts.create(account("Eigen BV", sales.id()), manager);
        long team = accounts.create(account("Team BV", manager.id()), manager);
        long other = accounts.create(account("Ander BV", manager.id()), manager);
        long unmanaged = accounts.create(account("Niemand BV", null), manager);
        accounts.addToTeam(team, sales.id(), null, manager);

        assertThat(visibleIds()).containsExactlyInAnyOrder(managed, team);
        assertThat(pluginSide.canSee(managed)).isTrue();
        assertThat(pluginSide.canSee(team)).isTrue();
        assertThat(pluginSide.canSee(other)).isFalse();
        assertThat(pluginSide.canSee(unmanaged)).isFalse();

        signedIn.set(manager);
        assertThat(visibleIds()).containsExactlyInAnyOrder(managed, team, other, unmanaged);
        assertThat(pluginSide.canSee(other)).isTrue();
        assertThat(pluginSide.canSee(-1)).as("no such account").isFalse();

        signedIn.set(null);
        assertThat(visibleIds()).as("nobody signed in").isEmpty();
        assertThat(pluginSide.canSee(managed)).isFalse();
    }

    private List<Long> visibleIds() {
        return dsl.select(V_ACCOUNTS.ID).from(V_ACCOUNTS).where(pluginSide.visibleTo(V_ACCOUNTS.ID)).fetch(V_ACCOUNTS.ID);
    }

    private static AccountData account(String name, Long managerId) {
        return new AccountData(name, null, null, null, null, null, null, "Gent", "BE", AccountLevel.REGIONAL,
                LifecycleStage.LEAD, null, false, null, null, managerId);
    }
}

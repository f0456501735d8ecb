package org.crmworkbench.core.opportunity;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
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
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.OPPORTUNITY;

class OpportunityServiceTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    private final AccountService accounts = new AccountService(dsl, clock, event -> { });
    private final OpportunityService opportunities = new OpportunityService(dsl, clock);
    private UserRef manager;
    private UserRef sales;
    private long own;
    private long others;

    @BeforeEach
    void data() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "Marieke", "pw-manager-1", Set.of(Role.MANAGER)), "m", "Marieke", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "Sanne", "pw-sales-1", Set.of(Role.SALES)), "s", "Sanne", Set.of(Role.SALES));
        own = accounts.create(account("Bouwbedrijf Kok", sales.id()), manager);
        others = accounts.create(account("Zorggroep Mulder", manager.id()), manager);
    }

    @Test
    void the_funnel_sums_value_and_weighted_value_per_stage_over_open_opportunities() {
        opportunities.add(own, open("Doos", FunnelStage.PROPOSALS, "10000", 50, sales), sales);
        opportunities.add(own, open("Folie", FunnelStage.PROPOSALS, "2500.50", 40, sales), sales);
        opportunities.add(own, open("Training", FunnelStage.SELECTION, "8000", 70, sales), sales);
        opportunities.add(others, open("Contract", FunnelStage.PROPOSALS, "99999", 90, manager), manager);
        opportunities.add(own, new OpportunityData("Verloren", FunnelStage.SELECTION, OpportunityStatus.LOST,
                new BigDecimal("5000"), 0, null, sales.id(), null), sales);

        var funnel = opportunities.funnel(sales, null);
        assertThat(funnel).extracting(FunnelRow::stage).containsExactly(FunnelStage.values());
        var proposals = funnel.get(FunnelStage.PROPOSALS.ordinal());
        assertThat(proposals.count()).isEqualTo(2);
        assertThat(proposals.value()).isEqualByComparingTo("12500.50");
        assertThat(proposals.weighted()).isEqualByComparingTo("6000.20"); // 5000 + 1000.20
        var selection = funnel.get(FunnelStage.SELECTION.ordinal());
        assertThat(selection.count()).isEqualTo(1);
        assertThat(selection.weighted()).isEqualByComparingTo("5600.00");
        assertThat(funnel.get(FunnelStage.NEED_RECOGNISED.ordinal()).value()).isEqualByComparingTo("0");
        assertThat(opportunities.funnel(manager, null).get(FunnelStage.PROPOSALS.ordinal()).count()).isEqualTo(3);
        assertThat(opportunities.funnel(manager, manager.id()).get(FunnelStage.PROPOSALS.ordinal()).count()).isEqualTo(1);
    }

    @Test
    void lists_are_filtered_sorted_and_limited_to_visible_accounts() {
        opportunities.add(own, open("B-deal", FunnelStage.SPECIFICATION, "300", 20, sales), sales);
        opportunities.add(own, open("A-deal", FunnelStage.PROPOSALS, "100", 50, sales), sales);
        opportunities.add(others, open("C-deal", FunnelStage.PROPOSALS, "200", 50, manager), manager);

        var byAmountDesc = new OpportunityQuery(null, "", null, OpportunityStatus.OPEN, null,
                List.of(new OpportunityQuery.Sort("amount", false)));
        assertThat(opportunities.page(byAmountDesc, manager, 0, 10)).extracting(o -> o.data().name())
                .containsExactly("B-deal", "C-deal", "A-deal");
        assertThat(opportunities.page(byAmountDesc, sales, 0, 10)).extracting(o -> o.data().name())
                .containsExactly("B-deal", "A-deal");
        assertThat(opportunities.count(new OpportunityQuery(null, "Zorg", null, null, null, List.of()), manager)).isEqualTo(1);
        assertThat(opportunities.count(new OpportunityQuery(null, "", FunnelStage.PROPOSALS, null, null, List.of()), manager)).isEqualTo(2);
        assertThat(opportunities.count(OpportunityQuery.ofAccount(own), sales)).isEqualTo(2);
        assertThat(opportunities.page(OpportunityQuery.ofAccount(own), sales, 0, 1).getFirst().weightedAmount())
                .isEqualByComparingTo("60.00");
    }

    @Test
    void bad_input_and_stale_edits_are_refused_and_nothing_changes() {
        assertThatThrownBy(() -> opportunities.add(own, new OpportunityData(" ", null, OpportunityStatus.OPEN,
                new BigDecimal("-1"), 101, null, null, null), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("name", "stage", "amount", "probability", "ownerId"));
        assertThatThrownBy(() -> opportunities.add(others, open("Niet van mij", FunnelStage.PROPOSALS, "1", 50, sales), sales))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsOnlyKeys("account"));
        assertThat(dsl.fetchCount(OPPORTUNITY)).isZero();

        long id = opportunities.add(own, open("Deal", FunnelStage.PROPOSALS, "100", 50, sales), sales);
        opportunities.update(id, 0, open("Deal", FunnelStage.SELECTION, "100", 70, sales), manager);
        assertThatThrownBy(() -> opportunities.update(id, 0, open("Deal", FunnelStage.ORDERING, "100", 90, sales), sales))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> assertThat(e.changedBy()).isEqualTo("m"));
        assertThat(opportunities.page(OpportunityQuery.ofAccount(own), sales, 0, 1).getFirst().data().stage())
                .isEqualTo(FunnelStage.SELECTION);
    }

    private static OpportunityData open(String name, FunnelStage stage, String amount, int probability, UserRef owner) {
        return new OpportunityData(name, stage, OpportunityStatus.OPEN, new BigDecimal(amount), probability,
                LocalDate.of(2026, 9, 1), owner.id(), null);
    }

    private static AccountData account(String name, Long managerId) {
        return new AccountData(name, null, null, null, null, null, null, null, "NL", AccountLevel.REGIONAL,
                LifecycleStage.LEAD, null, false, null, null, managerId);
    }
}

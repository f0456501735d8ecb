package org.crmworkbench.core.audit;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.audit.AuditEntry.Action;
import org.crmworkbench.core.audit.AuditEntry.Change;
import org.crmworkbench.core.audit.AuditEntry.Entity;
import org.crmworkbench.core.contact.ContactData;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.contact.DmuRole;
import org.crmworkbench.core.opportunity.FunnelStage;
import org.crmworkbench.core.opportunity.OpportunityData;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.opportunity.OpportunityStatus;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

/** Who changed what when, for accounts, contacts and opportunities, on real MariaDB. */
class AuditTrailTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final Clock clock = Clock.systemUTC();
    private final AccountService accounts = new AccountService(dsl, clock, event -> { });
    private final ContactService contacts = new ContactService(dsl, clock);
    private final OpportunityService opportunities = new OpportunityService(dsl, clock);
    private final AuditTrail audit = new AuditTrail(dsl, clock);
    private UserRef manager;
    private UserRef sales;

    @BeforeEach
    void users() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "Marieke", "pw-manager-1", Set.of(Role.MANAGER)), "m", "Marieke", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "Sanne", "pw-sales-1", Set.of(Role.SALES)), "s", "Sanne", Set.of(Role.SALES));
    }

    @Test
    void account_contact_and_opportunity_changes_are_recorded_with_old_and_new_values() {
        long account = accounts.create(new AccountData("Garage Bos", null, null, null, null, null, null, "Gent", "BE",
                AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, null, null, sales.id()), manager);
        var stored = accounts.find(account, manager).orElseThrow();
        accounts.update(account, stored.version(), new AccountData("Garage Bos", null, null, null, null, null, null, "Brugge",
                "BE", AccountLevel.REGIONAL, LifecycleStage.LEAD, null, false, new BigDecimal("5000.00"), null, manager.id()), sales);
        var unchanged = accounts.find(account, manager).orElseThrow();
        accounts.update(account, unchanged.version(), unchanged.data(), manager); // saving without changes writes nothing

        long contact = contacts.add(account, new ContactData("Els", "Maes", null, null, null, DmuRole.BUYER, false, true), manager);
        contacts.update(contact, 0, new ContactData("Els", "Maes", "Inkoper", null, null, DmuRole.DECIDER, false, true), manager);
        long deal = opportunities.add(account, new OpportunityData("Banden", FunnelStage.PROPOSALS, OpportunityStatus.OPEN,
                new BigDecimal("1000"), 50, null, sales.id(), null), manager);
        opportunities.update(deal, 0, new OpportunityData("Banden", FunnelStage.PROPOSALS, OpportunityStatus.WON,
                new BigDecimal("1000"), 100, null, sales.id(), null), manager);

        var entries = audit.page(account, manager, 0, 20);
        assertThat(entries).extracting(AuditEntry::entity, AuditEntry::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Entity.OPPORTUNITY, Action.CHANGED),
                org.assertj.core.groups.Tuple.tuple(Entity.OPPORTUNITY, Action.CREATED),
                org.assertj.core.groups.Tuple.tuple(Entity.CONTACT, Action.CHANGED),
                org.assertj.core.groups.Tuple.tuple(Entity.CONTACT, Action.CREATED),
                org.assertj.core.groups.Tuple.tuple(Entity.ACCOUNT, Action.CHANGED),
                org.assertj.core.groups.Tuple.tuple(Entity.ACCOUNT, Action.CREATED));
        assertThat(entries.get(4).changedBy()).isEqualTo("s");
        assertThat(entries.get(4).changes()).containsExactly(new Change("city", "Gent", "Brugge"),
                new Change("potentialValue", null, "5000"), new Change("accountManagerId", "Sanne", "Marieke"));
        assertThat(entries.get(2).changes()).containsExactly(new Change("jobTitle", null, "Inkoper"),
                new Change("dmuRole", "BUYER", "DECIDER"));
        assertThat(entries.get(0).changes()).containsExactly(new Change("status", "OPEN", "WON"),
                new Change("probability", "50", "100"));
        assertThat(entries.get(5).changes()).contains(new Change("name", null, "Garage Bos"), new Change("stage", null, "LEAD"));
        assertThat(audit.count(account, manager)).isEqualTo(6);
        assertThat(audit.count(account, new UserRef(sales.id() + 100, "x", "X", Set.of(Role.SALES)))).isZero();
    }

    @Test
    void long_and_multi_line_values_are_kept_on_one_line_and_cut() {
        var changes = AuditTrail.diff(null, new ContactData("A\tB", "x".repeat(300), "line 1\nline 2", null, null, null,
                false, true), AuditTrail::plain);
        assertThat(changes).contains(new Change("firstName", null, "A B"), new Change("jobTitle", null, "line 1 line 2"));
        assertThat(changes.stream().filter(c -> c.field().equals("lastName")).findFirst().orElseThrow().to()).hasSize(200);
    }
}

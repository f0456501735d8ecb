package org.crmworkbench.core.account;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.core.audit.AuditEntry;
import org.crmworkbench.core.audit.AuditTrail;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.contact.ContactData;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.NotAllowedException;
import org.crmworkbench.core.interaction.FollowUp;
import org.crmworkbench.core.interaction.InteractionData;
import org.crmworkbench.core.interaction.InteractionKind;
import org.crmworkbench.core.interaction.InteractionService;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.SECURITY_EVENT;

/** Deleting accounts, contacts, interactions and opportunities: permissions, stale versions, audit, security log, events. */
class DeletionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<AccountEvent> events = new ArrayList<>();
    private final AccountService accounts = new AccountService(dsl, clock, events::add);
    private final ContactService contacts = new ContactService(dsl, clock);
    private final InteractionService interactions = new InteractionService(dsl, clock, events::add);
    private final OpportunityService opportunities = new OpportunityService(dsl, clock);
    private final AuditTrail audit = new AuditTrail(dsl, clock);
    private UserRef manager;
    private UserRef sales;
    private UserRef otherSales;
    private long account;

    @BeforeEach
    void data() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        manager = new UserRef(users.create("m", "M", "pw-manager-1", Set.of(Role.MANAGER)), "m", "M", Set.of(Role.MANAGER));
        sales = new UserRef(users.create("s", "S", "pw-sales-1", Set.of(Role.SALES)), "s", "S", Set.of(Role.SALES));
        otherSales = new UserRef(users.create("t", "T", "pw-sales-2", Set.of(Role.SALES)), "t", "T", Set.of(Role.SALES));
        account = accounts.create(new AccountData("Bakkerij Jansen", "12345678", null, null, null, null, null, "Utrecht",
                "NL", AccountLevel.REGIONAL, LifecycleStage.HOT_LEAD, null, false, null, null, sales.id()), manager);
        events.clear();
    }

    @Test
    void only_managers_delete_an_account_and_everything_of_it_goes_with_it() {
        long contact = contacts.add(account, new ContactData("Anna", "Jansen", null, "anna@jansen.nl", null, null, true, true), sales);
        interactions.add(account, new InteractionData(InteractionKind.CALL, LocalDateTime.of(2026, 11, 20, 9, 0), "Belde",
                Set.of(contact), FollowUp.NONE, null), sales);

        assertThatThrownBy(() -> accounts.delete(account, null, sales)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> accounts.delete(account, 7, manager)).isInstanceOf(ConcurrentEditException.class);
        assertThat(accounts.find(account, manager)).isPresent();

        assertThat(accounts.delete(account, 0, manager)).isTrue();
        assertThat(accounts.find(account, manager)).isEmpty();
        assertThat(dsl.fetchCount(CONTACT)).isZero();
        assertThat(dsl.fetchCount(INTERACTION)).isZero();
        assertThat(events).last().isEqualTo(new AccountEvent.AccountDeleted(account, NOW));
        assertThat(accounts.delete(account, null, manager)).as("already gone").isFalse();
    }

    @Test
    void a_deleted_contact_and_opportunity_stay_in_the_audit_trail() {
        long contact = contacts.add(account, new ContactData("Anna", "Jansen", null, null, null, null, false, true), sales);
        long opportunity = opportunities.add(account, new OpportunityData("Ovens", FunnelStage.PROPOSALS, OpportunityStatus.OPEN,
                new BigDecimal("10000"), 50, null, sales.id(), null), sales);

        assertThat(contacts.delete(contact, null, otherSales)).as("not their account").isFalse();
        assertThatThrownBy(() -> contacts.delete(contact, 3, sales)).isInstanceOf(ConcurrentEditException.class);
        assertThat(contacts.delete(contact, 0, sales)).isTrue();
        assertThat(contacts.find(contact, sales)).isEmpty();
        assertThat(opportunities.delete(opportunity, null, otherSales)).isFalse();
        assertThat(opportunities.delete(opportunity, null, sales)).isTrue();
        assertThat(opportunities.find(opportunity, sales)).isEmpty();

        var entries = audit.page(account, manager, 0, 10);
        assertThat(entries).filteredOn(e -> e.action() == AuditEntry.Action.DELETED)
                .extracting(AuditEntry::entity, AuditEntry::entityId, AuditEntry::changedBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(AuditEntry.Entity.CONTACT, contact, "s"),
                        org.assertj.core.groups.Tuple.tuple(AuditEntry.Entity.OPPORTUNITY, opportunity, "s"));
        var deletedContact = entries.stream().filter(e -> e.action() == AuditEntry.Action.DELETED
                && e.entity() == AuditEntry.Entity.CONTACT).findFirst().orElseThrow();
        assertThat(deletedContact.changes()).contains(new AuditEntry.Change("lastName", "Jansen", null));
    }

    @Test
    void an_interaction_is_deleted_by_whoever_sees_its_account_with_its_version_checked() {
        long id = interactions.add(account, new InteractionData(InteractionKind.COMPLAINT, LocalDateTime.of(2026, 11, 20, 9, 0),
                "Levering te laat", Set.of(), FollowUp.OPEN, null), sales);
        var read = interactions.find(id, sales).orElseThrow();
        assertThat(read.data().summary()).isEqualTo("Levering te laat");
        assertThat(interactions.find(id, otherSales)).isEmpty();

        assertThat(interactions.delete(id, null, otherSales)).isFalse();
        assertThatThrownBy(() -> interactions.delete(id, read.version() + 1, sales)).isInstanceOf(ConcurrentEditException.class);
        assertThat(interactions.delete(id, read.version(), manager)).isTrue();
        assertThat(interactions.find(id, manager)).isEmpty();
    }

    @Test
    void every_delete_is_in_the_security_log_with_who_and_what() {
        long contact = contacts.add(account, new ContactData("Anna", "Jansen", null, null, null, null, false, true), sales);
        long opportunity = opportunities.add(account, new OpportunityData("Ovens", FunnelStage.PROPOSALS, OpportunityStatus.OPEN,
                new BigDecimal("10000"), 50, null, sales.id(), null), sales);
        long interaction = interactions.add(account, new InteractionData(InteractionKind.CALL, LocalDateTime.of(2026, 11, 20, 9, 0),
                "Belde", Set.of(), FollowUp.NONE, null), sales);
        assertThat(contacts.delete(contact, null, otherSales)).as("refused: not logged").isFalse();

        contacts.delete(contact, null, sales);
        opportunities.delete(opportunity, null, sales);
        interactions.delete(interaction, null, sales);
        accounts.delete(account, null, manager);

        assertThat(dsl.select(SECURITY_EVENT.USERNAME, SECURITY_EVENT.DETAIL).from(SECURITY_EVENT)
                .where(SECURITY_EVENT.KIND.eq(SecurityLog.Kind.DELETED.name()))
                .and(SECURITY_EVENT.DETAIL.in("contact " + contact, "opportunity " + opportunity, "interaction " + interaction,
                        "account " + account))
                .orderBy(SECURITY_EVENT.ID).fetch(r -> r.value1() + ": " + r.value2()))
                .containsExactly("s: contact " + contact, "s: opportunity " + opportunity, "s: interaction " + interaction,
                        "m: account " + account);
    }
}

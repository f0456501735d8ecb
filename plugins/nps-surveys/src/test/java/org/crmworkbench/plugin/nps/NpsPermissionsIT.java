package org.crmworkbench.plugin.nps;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginContexts;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.test.PermissionChecks;
import org.crmworkbench.test.TestUsers;
import org.crmworkbench.plugin.nps.answer.Answers;
import org.crmworkbench.plugin.nps.answer.Tagging;
import org.crmworkbench.plugin.nps.campaign.CampaignInput;
import org.crmworkbench.plugin.nps.campaign.Campaigns;
import org.crmworkbench.plugin.nps.campaign.Distribution;
import org.crmworkbench.plugin.nps.followup.FollowUpLoop;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.ROLE_PERMISSION;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.OPT_OUT;

/**
 * Every role against every write the NPS services guard, through the services as the views build them
 * (checked with the plugin context): refused means a {@link PermissionDeniedException} and no change in
 * the plugin's schema; allowed means the change is made.
 */
class NpsPermissionsIT {

    private static final String SCHEMA = "crm_nps_surveys";
    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final String MANAGE = NpsPermissions.MANAGE;
    private static final String RESULTS = NpsPermissions.RESULTS;

    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);
    private final TestUsers users = new TestUsers(TestDatabase.get().dsl());
    private final Permissions permissions = new Permissions(dsl, clock, Duration.ZERO);
    private final PluginContext context = PluginContexts.onClassPath("nps-surveys", TestDatabase.get().dataSource(),
            new HostServices(users, permissions, clock, false), getClass().getClassLoader());
    private final FollowUpLoop loop = new FollowUpLoop(dsl, clock, context::followUps);
    private final Campaigns campaigns = new Campaigns(dsl, clock, context::requirePermission);
    private final Distribution distribution = new Distribution(dsl, clock, Mailer.NONE,
            path -> URI.create("https://crm.example.com/public/nps-surveys/" + path), context::requirePermission);
    private final Answers answers = new Answers(dsl, clock, loop, context::requirePermission);
    private final Tagging tagging = new Tagging(dsl, context::requirePermission);
    private long contact;
    private long draft;
    private long running;
    private long answer;
    private long spareTag;

    /** A guarded write and the permission it needs. */
    record Action(String name, String permission, Consumer<NpsPermissionsIT> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Action> ACTIONS = List.of(
            new Action("create a campaign", MANAGE, t -> t.campaigns.create(input("Autumn"), "t")),
            new Action("change a draft campaign", MANAGE, t -> t.campaigns.update(t.draft, 0, input("Renamed"), "t")),
            new Action("start a campaign", MANAGE, t -> t.campaigns.start(t.draft, 0)),
            new Action("close a campaign", MANAGE, t -> t.campaigns.close(t.running, t.campaigns.find(t.running).orElseThrow().version())),
            new Action("delete a draft campaign", MANAGE, t -> t.campaigns.deleteDraft(t.draft, 0)),
            new Action("make personal links", MANAGE, t -> t.distribution.newLinks(t.running)),
            new Action("enter an answer by hand", MANAGE, t -> t.answers.enter(t.running, t.contact, 9, "by phone",
                    LocalDateTime.of(2026, 6, 1, 10, 0), Answers.Source.MANUAL, "t")),
            new Action("add a tag", MANAGE, t -> assertThat(t.tagging.save(null, "Packaging", "Verpakking", "doos, verpakking")).isEmpty()),
            new Action("delete a tag", MANAGE, t -> t.tagging.delete(t.spareTag)),
            new Action("tag an answer", RESULTS, t -> t.tagging.set(t.answer, Set.of(t.spareTag))));

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas(SCHEMA)
                .createSchemas(true).locations("classpath:db/" + SCHEMA).load().migrate();
    }

    @BeforeEach
    void setUp() throws Exception {
        dsl.deleteFrom(ROLE_PERMISSION).execute();
        permissions.register("nps-surveys", new NpsPermissions().permissions());
        dsl.deleteFrom(CAMPAIGN).execute();
        dsl.deleteFrom(OPT_OUT).execute();
        dsl.deleteFrom(ACCOUNT).execute();
        long account = dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.COUNTRY, ACCOUNT.LIFECYCLE_STAGE).values("Jansen", "NL", "LOYAL_CUSTOMER")
                .returningResult(ACCOUNT.ID).fetchSingle().value1();
        contact = contact(account, "Anna", "anna@jansen.example");
        long other = contact(account, "Bram", "bram@jansen.example");
        var setup = new Campaigns(dsl, clock);
        running = setup.create(input("Spring"), "setup");
        setup.start(running, 0);
        draft = setup.create(input("Summer"), "setup");
        answer = new Answers(dsl, clock, loop).enter(running, other, 10, null, LocalDateTime.of(2026, 6, 1, 9, 30),
                Answers.Source.MANUAL, "setup");
        var setupTags = new Tagging(dsl);
        setupTags.tags().stream().filter(tag -> Set.of("Spare", "Packaging").contains(tag.nameEn())).forEach(tag -> setupTags.delete(tag.id()));
        setupTags.save(null, "Spare", "Reserve", "reserve");
        spareTag = setupTags.tags().stream().filter(tag -> tag.nameEn().equals("Spare")).findFirst().orElseThrow().id();
    }

    static Stream<Arguments> everyRoleAndAction() {
        return ACTIONS.stream().flatMap(action -> Stream.of(Role.values()).map(role -> Arguments.of(action, role)));
    }

    @ParameterizedTest(name = "{1} may {0}: as by default")
    @MethodSource("everyRoleAndAction")
    void each_role_may_do_what_its_default_permissions_allow(Action action, Role role) throws Exception {
        signIn(role);
        expect(action, role != Role.SALES);
    }

    @ParameterizedTest(name = "SALES may {0} once an admin granted it, and a manager no longer once revoked")
    @MethodSource("actions")
    void an_admins_change_applies_at_once_on_the_server(Action action) throws Exception {
        permissions.change(action.permission(), Role.MANAGER, false, "admin");
        signIn(Role.MANAGER);
        expect(action, false);
        permissions.change(action.permission(), Role.SALES, true, "admin");
        signIn(Role.SALES);
        expect(action, true);
    }

    static Stream<Action> actions() {
        return ACTIONS.stream();
    }

    private void expect(Action action, boolean allowed) throws Exception {
        PermissionChecks.expect(TestDatabase.get().dsl(), SCHEMA, action.permission(), allowed, () -> action.run().accept(this));
    }

    private static CampaignInput input(String name) {
        return new CampaignInput(name, Campaigns.defaultQuestion("en", "Acme"), Campaigns.defaultQuestion("nl", "Acme"),
                null, null, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), Set.of(), Set.of(), null, Set.of(), true, 7);
    }

    private static long contact(long account, String first, String email) {
        return dsl.insertInto(CONTACT, CONTACT.ACCOUNT_ID, CONTACT.FIRST_NAME, CONTACT.LAST_NAME, CONTACT.EMAIL,
                        CONTACT.EMAIL_CONSENT, CONTACT.DMU_ROLE)
                .values(account, first, "Jansen", email, true, "DECIDER").returningResult(CONTACT.ID).fetchSingle().value1();
    }

    private void signIn(Role role) {
        users.signIn("nps-perm-" + role.name().toLowerCase(Locale.ROOT), role);
    }
}

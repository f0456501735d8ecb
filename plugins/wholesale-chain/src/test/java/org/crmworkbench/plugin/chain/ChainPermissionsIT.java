package org.crmworkbench.plugin.chain;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.CoreAccounts;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginContexts;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.test.PermissionChecks;
import org.crmworkbench.test.TestUsers;
import org.crmworkbench.plugin.chain.map.Chains;
import org.crmworkbench.plugin.chain.map.LinkInput;
import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.role.Role;
import org.crmworkbench.plugin.chain.role.RolePlay;
import org.crmworkbench.plugin.chain.role.Roles;
import org.crmworkbench.plugin.chain.transfer.LinkImport;
import org.crmworkbench.plugin.chain.trend.Trend;
import org.crmworkbench.plugin.chain.trend.TrendStatus;
import org.crmworkbench.plugin.chain.trend.Trends;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ROLE_PERMISSION;

/**
 * Every role against every write the wholesale-chain services guard, through the services as the
 * views build them (checked with the plugin context): refused means a {@link PermissionDeniedException}
 * and no change in the plugin's schema; allowed means the change is made.
 */
class ChainPermissionsIT {

    private static final String SCHEMA = "crm_wholesale_chain";
    private static final DSLContext dsl = ChainDatabase.dsl;
    private static final String EDIT = ChainPermissions.EDIT;
    private static final String MANAGE = ChainPermissions.MANAGE;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final TestUsers users = new TestUsers(TestDatabase.get().dsl());
    private final Permissions permissions = new Permissions(dsl, clock, Duration.ZERO);
    private final PluginContext context = PluginContexts.onClassPath("wholesale-chain", TestDatabase.get().dataSource(),
            new HostServices(users, permissions, clock, false), getClass().getClassLoader());
    private final Chains chains = new Chains(dsl, clock, context::requirePermission);
    private final Roles roles = new Roles(dsl, clock, context::requirePermission);
    private final Trends trends = new Trends(dsl, clock, context::requirePermission);
    private final ChainSettings settings = new ChainSettings(dsl, context::requirePermission);
    private final LinkImport linkImport = new LinkImport(dsl, clock, context::requirePermission,
            new CoreAccounts(new AccountService(dsl, clock, event -> { }), new OpportunityService(dsl, clock), users));
    private long alfa;
    private long klant;
    private long link;
    private long ours;

    /** A guarded write and the permission it needs. */
    record Action(String name, String permission, Write run) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Write {
        void run(ChainPermissionsIT t) throws Exception;
    }

    static final List<Action> ACTIONS = List.of(
            new Action("add a link", EDIT, t -> t.chains.create(t.input(LinkKind.DISTRIBUTES_FOR), "t")),
            new Action("change a link", EDIT, t -> t.chains.update(t.link, 0, t.input(LinkKind.DISTRIBUTES_FOR), "t")),
            new Action("delete a link", EDIT, t -> t.chains.delete(t.link, 0)),
            new Action("mark a supplier", EDIT, t -> t.chains.markSupplier(t.alfa, true, "t")),
            new Action("record our roles", EDIT, t -> t.roles.save(t.ours, 0,
                    Map.of(Role.STEERING, new RolePlay(3, Set.of(), Set.of(), "category plan")), "t")),
            new Action("respond to a trend", EDIT, t -> t.trends.save("Bearings", Trend.TAILORED_SERVICE, TrendStatus.ADDRESSING,
                    "kitting", -1, "t")),
            new Action("import links", EDIT, t -> t.linkImport.run(CsvFile.parse("""
                    supplier,customer,product group
                    Alfa Producer,Klant A,Seals
                    """.getBytes(StandardCharsets.UTF_8)), "t")),
            new Action("add a service to the catalogue", MANAGE, t -> t.roles.saveService(null, 0, "Returns handling",
                    "Retourafhandeling", Role.COORDINATOR, true)),
            new Action("change the settings", MANAGE, t -> t.settings.save(3, 4, t.settings.get().version())));

    @BeforeAll
    static void migrate() {
        ChainDatabase.migrate();
    }

    @BeforeEach
    void setUp() throws Exception {
        dsl.deleteFrom(ROLE_PERMISSION).execute();
        permissions.register("wholesale-chain", new ChainPermissions().permissions());
        ChainDatabase.clean();
        alfa = ChainDatabase.account("Alfa Producer");
        klant = ChainDatabase.account("Klant A");
        long salesUser = ChainDatabase.user("wc-perm-sales"); // sees them: sales may import links between them
        dsl.update(ACCOUNT).set(ACCOUNT.ACCOUNT_MANAGER_ID, salesUser).where(ACCOUNT.ID.in(alfa, klant)).execute();
        link = new Chains(dsl, clock).create(input(LinkKind.SUPPLIES), "setup");
        ours = new Chains(dsl, clock).create(new LinkInput("Bearings", null, klant, LinkKind.SUPPLIES, null, null, null, null, ""), "setup");
    }

    static Stream<Arguments> everyRoleAndAction() {
        return ACTIONS.stream().flatMap(action -> Stream.of(org.crmworkbench.api.Role.values()).map(role -> Arguments.of(action, role)));
    }

    @ParameterizedTest(name = "{1} may {0}: as by default")
    @MethodSource("everyRoleAndAction")
    void each_role_may_do_what_its_default_permissions_allow(Action action, org.crmworkbench.api.Role role) throws Exception {
        boolean allowed = role != org.crmworkbench.api.Role.SALES || action.permission().equals(EDIT);
        signIn(role);
        expect(action, allowed);
    }

    static Stream<Action> editActions() {
        return ACTIONS.stream().filter(a -> a.permission().equals(EDIT));
    }

    @ParameterizedTest(name = "SALES may no longer {0} once an admin took the permission away")
    @MethodSource("editActions")
    void an_admins_change_refuses_sales_on_the_server_and_keeps_managers_allowed(Action action) throws Exception {
        permissions.change(EDIT, org.crmworkbench.api.Role.SALES, false, "admin");
        signIn(org.crmworkbench.api.Role.SALES);
        expect(action, false);
        signIn(org.crmworkbench.api.Role.MANAGER);
        expect(action, true);
    }

    @Test
    void a_sales_users_import_matches_only_the_accounts_it_may_see_and_a_managers_every_account() throws Exception {
        ChainDatabase.account("Klant Ander"); // nobody's: not the sales user's
        byte[] file = """
                supplier,customer,product group
                Alfa Producer,Klant A,Seals
                Alfa Producer,Klant Ander,Seals
                """.getBytes(StandardCharsets.UTF_8);
        signIn(org.crmworkbench.api.Role.SALES);
        Map<String, Long> before = TestDatabase.checksums(SCHEMA);

        var refused = linkImport.run(CsvFile.parse(file), "t");

        assertThat(refused.problems()).extracting(LinkImport.Problem::line, LinkImport.Problem::messageKey, LinkImport.Problem::value)
                .containsExactly(tuple(3, "import.error.unknown-account", "Klant Ander"));
        assertThat(TestDatabase.checksums(SCHEMA)).as("all or nothing").isEqualTo(before);

        signIn(org.crmworkbench.api.Role.MANAGER);
        assertThat(linkImport.run(CsvFile.parse(file), "t").problems()).isEmpty();
    }

    private void expect(Action action, boolean allowed) throws Exception {
        PermissionChecks.expect(TestDatabase.get().dsl(), SCHEMA, action.permission(), allowed, () -> action.run().run(this));
    }

    private LinkInput input(LinkKind kind) {
        return new LinkInput("Bearings", alfa, klant, kind, null, null, null, null, "");
    }

    private void signIn(org.crmworkbench.api.Role role) {
        users.signIn("wc-perm-" + role.name().toLowerCase(Locale.ROOT), role);
    }
}

package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginContexts;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.test.PermissionChecks;
import org.crmworkbench.test.TestUsers;
import org.crmworkbench.plugin.tender.answer.Answers;
import org.crmworkbench.plugin.tender.award.Awards;
import org.crmworkbench.plugin.tender.decision.BidCriterion;
import org.crmworkbench.plugin.tender.decision.BidDecisions;
import org.crmworkbench.plugin.tender.decision.Decision;
import org.crmworkbench.plugin.tender.register.KeyDates;
import org.crmworkbench.plugin.tender.register.TenderInput;
import org.crmworkbench.plugin.tender.register.TenderParts;
import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.crmworkbench.plugin.tender.register.Tenders;
import org.crmworkbench.plugin.tender.work.BidWork;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ROLE_PERMISSION;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;

/**
 * Every role against every write the tender services guard, through the services as the views build
 * them (checked with the plugin context): refused means a {@link PermissionDeniedException} and no
 * change in the plugin's schema; allowed means the change is made.
 */
class TenderPermissionsIT {

    private static final String SCHEMA = "crm_tender_tracking";
    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final TenderDatabase core = new TenderDatabase(clock);
    private final TestUsers users = new TestUsers(TestDatabase.get().dsl());
    private final Permissions permissions = new Permissions(dsl, clock, Duration.ZERO);
    private final PluginContext context = PluginContexts.onClassPath("tender-tracking", TestDatabase.get().dataSource(),
            new HostServices(users, permissions, clock, false), getClass().getClassLoader());
    private final Services unchecked = new Services(new Tenders(dsl, clock, core.accounts), new BidDecisions(dsl, clock),
            new BidWork(dsl), new TenderParts(dsl, clock), new Awards(dsl), new Answers(dsl, clock));
    private final Services checked = new Services(new Tenders(dsl, clock, core.accounts, context::requirePermission),
            new BidDecisions(dsl, clock, context::requirePermission), new BidWork(dsl, context::requirePermission),
            new TenderParts(dsl, clock, context::requirePermission), new Awards(dsl, context::requirePermission),
            new Answers(dsl, clock, context::requirePermission));
    private long authority;
    private long tender;
    private long deciding;

    record Services(Tenders tenders, BidDecisions decisions, BidWork work, TenderParts parts, Awards awards, Answers answers) {
    }

    /** A guarded write and the permission it needs. */
    record Action(String name, String permission, Function<TenderPermissionsIT, Object> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Action> ACTIONS = List.of(
            new Action("register a tender", TenderPermissions.EDIT, t -> t.checked.tenders().create(t.input("New"), "t")),
            new Action("import tenders", TenderPermissions.EDIT, t -> t.checked.tenders().createAll(List.of(t.input("Imported")), "t")),
            new Action("edit a tender", TenderPermissions.EDIT, t -> {
                t.checked.tenders().update(t.tender, 0, t.input("Renamed"), "t");
                return null;
            }),
            new Action("move a tender", TenderPermissions.EDIT, t -> {
                t.checked.tenders().move(t.tender, 0, TenderStatus.QUALIFYING, null, "t");
                return null;
            }),
            new Action("delete a tender", TenderPermissions.EDIT, t -> {
                t.checked.tenders().delete(t.tender, 0);
                return null;
            }),
            new Action("add a lot", TenderPermissions.EDIT, t -> {
                t.checked.parts().saveLot(t.tender, null, "Lot 1", new BigDecimal("1000"), TenderParts.LotStatus.values()[0]);
                return null;
            }),
            new Action("add a document", TenderPermissions.EDIT, t -> {
                t.checked.parts().addDocument(t.tender, "Bestek", "https://example.com/bestek.pdf", "1", null);
                return null;
            }),
            new Action("add a question", TenderPermissions.EDIT, t -> {
                t.checked.work().saveQuestion(t.tender, null, TODAY, "Which lots?", null, null);
                return null;
            }),
            new Action("add a task", TenderPermissions.EDIT, t -> {
                t.checked.work().addTask(t.tender, "Pricing sheet", null, TODAY.plusDays(3));
                return null;
            }),
            new Action("add an award criterion", TenderPermissions.EDIT,
                    t -> t.checked.awards().addCriterion(t.tender, "Prijs", new BigDecimal("40"), true)),
            new Action("save a library answer", TenderPermissions.EDIT,
                    t -> t.checked.answers().save(null, 0, "ISO 9001", "We are certified.", "quality", "t")),
            new Action("record a bid decision", TenderPermissions.DECIDE, t -> t.checked.decisions().record(t.deciding,
                    t.allChecks(), t.scores(), Decision.BID, "Strong fit", "t")),
            new Action("change the thresholds", TenderPermissions.DECIDE, t -> {
                t.checked.decisions().saveThresholds(65, 40, 21, t.unchecked.decisions().thresholdsVersion());
                return null;
            }));

    @BeforeAll
    static void migrate() {
        TenderDatabase.migrate();
    }

    @BeforeEach
    void setUp() throws Exception {
        dsl.deleteFrom(ROLE_PERMISSION).execute();
        permissions.register("tender-tracking", new TenderPermissions().permissions());
        dsl.deleteFrom(TENDER).execute();
        dsl.deleteFrom(ACCOUNT).execute();
        var owner = TenderDatabase.user("tt-perm-manager", "Perm Manager", Role.MANAGER);
        authority = dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ACCOUNT_MANAGER_ID)
                .values("Gemeente Zwolle", "PROSPECT", owner.id()).returningResult(ACCOUNT.ID).fetchSingle().value1();
        tender = unchecked.tenders().create(input("Onderhoud"), "setup");
        deciding = unchecked.tenders().create(input("Schoonmaak"), "setup");
        unchecked.tenders().move(deciding, 0, TenderStatus.QUALIFYING, null, "setup");
        unchecked.tenders().move(deciding, 1, TenderStatus.BID_NO_BID, null, "setup");
    }

    static Stream<Arguments> everyRoleAndAction() {
        return ACTIONS.stream().flatMap(action -> Stream.of(Role.values()).map(role -> Arguments.of(action, role)));
    }

    @ParameterizedTest(name = "{1} may {0}: as by default")
    @MethodSource("everyRoleAndAction")
    void each_role_may_do_what_its_default_permissions_allow(Action action, Role role) throws Exception {
        boolean allowed = role != Role.SALES || action.permission().equals(TenderPermissions.EDIT);
        signIn(role);
        expect(action, allowed);
    }

    static Stream<Action> editActions() {
        return ACTIONS.stream().filter(a -> a.permission().equals(TenderPermissions.EDIT));
    }

    @ParameterizedTest(name = "SALES may no longer {0} once an admin took the permission away")
    @MethodSource("editActions")
    void an_admins_change_refuses_sales_on_the_server_and_keeps_managers_allowed(Action action) throws Exception {
        permissions.change(TenderPermissions.EDIT, Role.SALES, false, "admin");
        signIn(Role.SALES);
        expect(action, false);
        signIn(Role.MANAGER);
        expect(action, true);
    }

    @ParameterizedTest(name = "without a signed-in user nobody may {0}")
    @MethodSource("editActions")
    void background_work_without_a_user_is_refused(Action action) throws Exception {
        users.signOut();
        expect(action, false);
    }

    private void expect(Action action, boolean allowed) throws Exception {
        PermissionChecks.expect(TestDatabase.get().dsl(), SCHEMA, action.permission(), allowed, () -> action.run().apply(this));
    }

    private void signIn(Role role) {
        core.signedIn.set(users.signIn("tt-perm-" + role.name().toLowerCase(Locale.ROOT), role));
    }

    private TenderInput input(String title) {
        return TenderInput.blank().withTitle(title).withAuthority(authority)
                .withDates(new KeyDates(null, null, TODAY.plusDays(30), null, null, null, null));
    }

    private Map<Long, Boolean> allChecks() {
        return unchecked.decisions().questions(true).stream().filter(BidCriterion::check)
                .collect(Collectors.toMap(BidCriterion::id, q -> true));
    }

    private Map<Long, Integer> scores() {
        return unchecked.decisions().questions(true).stream().filter(q -> !q.check()).collect(Collectors.toMap(BidCriterion::id, q -> 4));
    }
}

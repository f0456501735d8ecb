package org.crmworkbench.plugin.value;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginContexts;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.test.PermissionChecks;
import org.crmworkbench.test.TestUsers;
import org.crmworkbench.plugin.value.canvas.CanvasInput;
import org.crmworkbench.plugin.value.canvas.Canvases;
import org.crmworkbench.plugin.value.canvas.ItemInput;
import org.crmworkbench.plugin.value.canvas.JobType;
import org.crmworkbench.plugin.value.motive.Motive;
import org.crmworkbench.plugin.value.motive.MotiveKind;
import org.crmworkbench.plugin.value.motive.Motives;
import org.crmworkbench.plugin.value.sellogram.RowInput;
import org.crmworkbench.plugin.value.sellogram.Sellograms;
import org.crmworkbench.plugin.value.sellogram.Subject;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.ROLE_PERMISSION;
import static org.crmworkbench.plugin.value.jooq.Tables.CANVAS;
import static org.crmworkbench.plugin.value.jooq.Tables.CONTACT_MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM;

/**
 * Every role against every write the value-proposition services guard, through the services as the
 * views build them (checked with the plugin context): refused means a {@link PermissionDeniedException}
 * and no change in the plugin's schema; allowed means the change is made.
 */
class ValuePermissionsIT {

    private static final String SCHEMA = "crm_value_proposition";
    private static final DSLContext dsl = TestDatabase.get().dsl();

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final TestUsers users = new TestUsers(TestDatabase.get().dsl());
    private final Permissions permissions = new Permissions(dsl, clock, Duration.ZERO);
    private final PluginContext context = PluginContexts.onClassPath("value-proposition", TestDatabase.get().dataSource(),
            new HostServices(users, permissions, clock, false), getClass().getClassLoader());
    private final Sellograms sellograms = new Sellograms(dsl, clock, context::requirePermission);
    private final Canvases canvases = new Canvases(dsl, clock, context::requirePermission);
    private final Motives motives = new Motives(dsl, context::requirePermission);
    private long comfort;
    private long hammer;
    private long draft;
    private long firstRow;
    private long published;
    private long canvas;
    private Motive spare;

    /** A guarded write and the permission it needs. */
    record Action(String name, String permission, Consumer<ValuePermissionsIT> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String EDIT = ValuePermissions.EDIT;
    static final String PUBLISH = ValuePermissions.PUBLISH;
    static final List<Action> ACTIONS = List.of(
            new Action("start a sellogram", EDIT, t -> t.sellograms.create(Subject.product(t.hammer), Set.of(t.comfort), "t")),
            new Action("choose its motives", EDIT, t -> t.sellograms.setMotives(t.draft, 2, Set.of(), "t")),
            new Action("add a row", EDIT, t -> t.sellograms.addRow(t.draft, 2, new RowInput("LED", "light", "safe", Set.of(t.comfort)), "t")),
            new Action("change a row", EDIT, t -> t.sellograms.updateRow(t.draft, 2, t.firstRow,
                    new RowInput("1.2 kg", "lighter", "no tired arms", Set.of(t.comfort)), "t")),
            new Action("delete a row", EDIT, t -> t.sellograms.deleteRow(t.draft, 2, t.firstRow, "t")),
            new Action("move a row", EDIT, t -> t.sellograms.moveRow(t.draft, 2, t.firstRow, false, "t")),
            new Action("start a new revision", EDIT, t -> t.sellograms.newRevision(t.published, "t")),
            new Action("duplicate a sellogram", EDIT, t -> t.sellograms.duplicate(t.draft, Subject.service("Tool rental"), "t")),
            new Action("delete a draft", EDIT, t -> t.sellograms.deleteDraft(t.draft, 2)),
            new Action("create a canvas", EDIT, t -> t.canvases.create(new CanvasInput("Retail", null, "Retail", "REGIONAL", "", 2), "t")),
            new Action("change a canvas", EDIT, t -> t.canvases.update(t.canvas, 0, new CanvasInput("Builders", null, "Construction",
                    "NATIONAL", "renting", 3), "t")),
            new Action("add a canvas item", EDIT, t -> t.canvases.addItem(t.canvas, 0, ItemInput.job(null, JobType.FUNCTIONAL, "finish on time"), "t")),
            new Action("delete a canvas", EDIT, t -> t.canvases.delete(t.canvas, 0)),
            new Action("publish a sellogram", PUBLISH, t -> t.sellograms.publish(t.draft, 2, "t")),
            new Action("add a buying motive", PUBLISH, t -> t.motives.create("Health", "Gezondheid", MotiveKind.RATIONAL)),
            new Action("change a buying motive", PUBLISH, t -> t.motives.update(t.spare.id(), t.spare.version(), "Wellbeing", "Welzijn",
                    MotiveKind.EMOTIONAL, true)),
            new Action("move a buying motive", PUBLISH, t -> t.motives.move(t.spare.id(), true)),
            new Action("delete a buying motive", PUBLISH, t -> t.motives.delete(t.spare.id())));

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas(SCHEMA)
                .createSchemas(true).locations("classpath:db/" + SCHEMA).load().migrate();
    }

    @BeforeEach
    void setUp() throws Exception {
        dsl.deleteFrom(ROLE_PERMISSION).execute();
        permissions.register("value-proposition", new ValuePermissions().permissions());
        dsl.deleteFrom(SELLOGRAM).execute();
        dsl.deleteFrom(CANVAS).execute();
        dsl.deleteFrom(CONTACT_MOTIVE).execute();
        dsl.deleteFrom(MOTIVE).where(MOTIVE.NAME_EN.notIn("Security", "Affection / sympathy", "Comfort", "Pride / prestige",
                "Novelty", "Economy")).execute();
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(PRODUCT).execute();
        var setup = new Sellograms(dsl, clock);
        var setupMotives = new Motives(dsl);
        comfort = setupMotives.list(false).stream().filter(m -> m.nameEn().equals("Comfort")).findFirst().orElseThrow().id();
        long spareId = setupMotives.create("Spare", "Reserve", MotiveKind.RATIONAL);
        spare = setupMotives.list(false).stream().filter(m -> m.id() == spareId).findFirst().orElseThrow();
        long drill = product("DR-1", "Cordless drill");
        long saw = product("SW-1", "Circular saw");
        hammer = product("HM-1", "Hammer");
        draft = setup.create(Subject.product(drill), Set.of(comfort), "setup");
        setup.addRow(draft, 0, new RowInput("1.4 kg", "light", "no tired arms", Set.of(comfort)), "setup");
        setup.addRow(draft, 1, new RowInput("Brushless", "no wear", "lasts", Set.of(comfort)), "setup");
        firstRow = setup.find(draft).orElseThrow().rows().getFirst().id();
        published = setup.create(Subject.product(saw), Set.of(comfort), "setup");
        setup.addRow(published, 0, new RowInput("Guide", "straight cuts", "no waste", Set.of(comfort)), "setup");
        setup.publish(published, 1, "setup");
        canvas = new Canvases(dsl, clock).create(new CanvasInput("Construction", null, "Construction", "NATIONAL", "renting", 2), "setup");
    }

    static Stream<Arguments> everyRoleAndAction() {
        return ACTIONS.stream().flatMap(action -> Stream.of(Role.values()).map(role -> Arguments.of(action, role)));
    }

    @ParameterizedTest(name = "{1} may {0}: as by default")
    @MethodSource("everyRoleAndAction")
    void each_role_may_do_what_its_default_permissions_allow(Action action, Role role) throws Exception {
        boolean allowed = role != Role.SALES || action.permission().equals(EDIT);
        signIn(role);
        expect(action, allowed);
    }

    static Stream<Action> editActions() {
        return ACTIONS.stream().filter(a -> a.permission().equals(EDIT));
    }

    @ParameterizedTest(name = "SALES may no longer {0} once an admin took the permission away")
    @MethodSource("editActions")
    void an_admins_change_refuses_sales_on_the_server_and_keeps_managers_allowed(Action action) throws Exception {
        permissions.change(EDIT, Role.SALES, false, "admin");
        signIn(Role.SALES);
        expect(action, false);
        signIn(Role.MANAGER);
        expect(action, true);
    }

    @ParameterizedTest(name = "SALES may {0} once an admin granted publishing")
    @MethodSource("publishActions")
    void an_admins_grant_lets_sales_publish(Action action) throws Exception {
        permissions.change(PUBLISH, Role.SALES, true, "admin");
        signIn(Role.SALES);
        expect(action, true);
    }

    static Stream<Action> publishActions() {
        return ACTIONS.stream().filter(a -> a.permission().equals(PUBLISH));
    }

    private void expect(Action action, boolean allowed) throws Exception {
        PermissionChecks.expect(TestDatabase.get().dsl(), SCHEMA, action.permission(), allowed, () -> action.run().accept(this));
    }

    private void signIn(Role role) {
        users.signIn("vp-perm-" + role.name().toLowerCase(Locale.ROOT), role);
    }

    private static long product(String code, String name) {
        return dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP).values(code, name, "Tools")
                .returningResult(PRODUCT.ID).fetchSingle().value1();
    }
}

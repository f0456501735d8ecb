package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginContexts;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.test.PermissionChecks;
import org.crmworkbench.test.TestUsers;
import org.crmworkbench.plugin.rating.model.AssessmentMethod;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.crmworkbench.plugin.rating.model.RatingModels.CriterionInput;
import org.flywaydb.core.Flyway;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.crmworkbench.db.jooq.Tables.ROLE_PERMISSION;
import static org.crmworkbench.plugin.rating.jooq.Tables.RATING_MODEL;

/**
 * Every role against every write of the rating model, through the service as the model editor builds
 * it (checked with the plugin context): refused means a {@link PermissionDeniedException} and no change
 * in the plugin's schema; allowed means the change is made.
 */
class RatingPermissionsIT {

    private static final String SCHEMA = "crm_customer_rating";
    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final String EDIT = RatingPermissions.EDIT_CRITERIA;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final TestUsers users = new TestUsers(TestDatabase.get().dsl());
    private final Permissions permissions = new Permissions(dsl, clock, Duration.ZERO);
    private final PluginContext context = PluginContexts.onClassPath("customer-rating", TestDatabase.get().dataSource(),
            new HostServices(users, permissions, clock, false), getClass().getClassLoader());
    private final RatingModels models = new RatingModels(dsl, clock, context::requirePermission);
    private long model;
    private long other;
    private long criterion;

    /** A guarded write and the permission it needs. */
    record Action(String name, String permission, Consumer<RatingPermissionsIT> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Action> ACTIONS = List.of(
            new Action("create a model", EDIT, t -> t.models.create(new RatingModels.Settings("Growth", null, 12), "t")),
            new Action("change a model", EDIT, t -> t.models.update(t.model, 2, new RatingModels.Settings("Key accounts 2", null, 24), "t")),
            new Action("make a model the default", EDIT, t -> t.models.makeDefault(t.other)),
            new Action("delete a model", EDIT, t -> t.models.delete(t.other, 1)),
            new Action("add a criterion", EDIT, t -> t.models.saveCriterion(t.model, 2, manual("Needs", "Behoeften"), "t")),
            new Action("delete a criterion", EDIT, t -> t.models.deleteCriterion(t.model, 2, t.criterion, "t")));

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas(SCHEMA)
                .createSchemas(true).locations("classpath:db/" + SCHEMA).load().migrate();
    }

    @BeforeEach
    void setUp() throws Exception {
        dsl.deleteFrom(ROLE_PERMISSION).execute();
        permissions.register("customer-rating", new RatingPermissions().permissions());
        dsl.deleteFrom(RATING_MODEL).execute();
        var setup = new RatingModels(dsl, clock);
        model = setup.create(new RatingModels.Settings("Key accounts", new BigDecimal("50"), 12), "setup");
        criterion = setup.saveCriterion(model, 1, manual("Market share", "Marktaandeel"), "setup");
        other = setup.create(new RatingModels.Settings("Prospects", null, 12), "setup");
    }

    static Stream<Arguments> everyRoleAndAction() {
        return ACTIONS.stream().flatMap(action -> Stream.of(Role.values()).map(role -> Arguments.of(action, role)));
    }

    @ParameterizedTest(name = "{1} may {0}: as by default")
    @MethodSource("everyRoleAndAction")
    void only_managers_and_admins_change_the_rating_model_by_default(Action action, Role role) throws Exception {
        signIn(role);
        expect(action, role != Role.SALES);
    }

    static Stream<Action> actions() {
        return ACTIONS.stream();
    }

    @ParameterizedTest(name = "after an admin's change SALES may {0} and a manager may not")
    @MethodSource("actions")
    void an_admins_change_applies_at_once_on_the_server(Action action) throws Exception {
        permissions.change(EDIT, Role.MANAGER, false, "admin");
        signIn(Role.MANAGER);
        expect(action, false);
        permissions.change(EDIT, Role.SALES, true, "admin");
        signIn(Role.SALES);
        expect(action, true);
    }

    private void expect(Action action, boolean allowed) throws Exception {
        PermissionChecks.expect(TestDatabase.get().dsl(), SCHEMA, action.permission(), allowed, () -> action.run().accept(this));
    }

    private static CriterionInput manual(String en, String nl) {
        return CriterionInput.manual(null, en, nl, AssessmentMethod.RELATIONSHIP, new BigDecimal("3"), 10, null);
    }

    private void signIn(Role role) {
        users.signIn("cr-perm-" + role.name().toLowerCase(Locale.ROOT), role);
    }
}

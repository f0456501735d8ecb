package org.crmworkbench.core.user;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.NotAllowedException;
import org.crmworkbench.core.user.UserAdministration.NewUser;
import org.crmworkbench.core.user.UserAdministration.UserChange;
import org.crmworkbench.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

class UserAdministrationTest {

    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");
    private static final String GOOD = "correct horse battery staple";

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final UserAccounts accounts = new UserAccounts(TestDatabase.get().dsl(), encoder);
    private final SecurityLog log = new SecurityLog(TestDatabase.get().dsl(), Clock.systemUTC());
    private UserRef admin;

    @BeforeEach
    void oneAdministrator() {
        TestDatabase.get().dsl().deleteFrom(ACCOUNT).execute(); // accounts refer to their managers
        TestDatabase.get().dsl().deleteFrom(APP_USER).execute();
        accounts.create("root", "Root", GOOD, Set.of(Role.ADMIN));
        admin = accounts.findByUsername("root").orElseThrow().user();
    }

    @Test
    void a_new_user_needs_a_valid_name_roles_and_a_good_password_and_nothing_is_stored_otherwise() {
        var users = at(NOON);
        assertThatThrownBy(() -> users.create(new NewUser("Bad Name", " ", "no-mail", Set.of(), "password1234"), admin))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsOnly(
                        entry("username", "users.error.username-format"), entry("displayName", "users.error.name-required"),
                        entry("email", "users.error.email"), entry("roles", "users.error.roles-required"),
                        entry("password", "password.common")));
        assertThatThrownBy(() -> users.create(new NewUser("root", "Again", null, Set.of(Role.SALES), GOOD), admin))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("username", "users.error.username-taken"));
        assertThat(accounts.count()).isEqualTo(1);

        long id = users.create(new NewUser("maria", " Maria Jansen ", "maria@example.com", Set.of(Role.SALES, Role.MANAGER), GOOD), admin);

        var stored = accounts.findByUsername("maria").orElseThrow();
        assertThat(stored.user().id()).isEqualTo(id);
        assertThat(stored.user().displayName()).isEqualTo("Maria Jansen");
        assertThat(stored.user().roles()).containsExactlyInAnyOrder(Role.SALES, Role.MANAGER);
        assertThat(encoder.matches(GOOD, stored.passwordHash())).isTrue();
        assertThat(log.page(SecurityLog.Kind.USER_CREATED, 0, 1)).first()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("maria [MANAGER, SALES]"));
        assertThat(users.page("JANSEN", 0, 10)).extracting(UserAdministration.UserSummary::username).containsExactly("maria");
        assertThat(users.count("%")).as("a % in the search is a %, not a wildcard").isZero();
    }

    @Test
    void only_administrators_manage_users() {
        var users = at(NOON);
        long id = users.create(new NewUser("sam", "Sam", null, Set.of(Role.SALES), GOOD), admin);
        var sam = accounts.findByUsername("sam").orElseThrow().user();
        assertThatThrownBy(() -> users.create(new NewUser("eve", "Eve", null, Set.of(Role.ADMIN), GOOD), sam))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> users.update(new UserChange(id, 0, "Sam", null, Set.of(Role.ADMIN), true), sam))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> users.resetPassword(admin.id(), "taken over by sam", sam)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> users.signOutEverywhere(admin.id(), sam)).isInstanceOf(NotAllowedException.class);
        assertThat(accounts.findByUsername("sam").orElseThrow().user().roles()).containsExactly(Role.SALES);
        assertThat(accounts.count()).isEqualTo(2);
    }

    @Test
    void changes_need_the_version_read_and_an_admin_keeps_their_own_role() {
        var users = at(NOON);
        long id = users.create(new NewUser("sam", "Sam", null, Set.of(Role.SALES), GOOD), admin);
        int version = users.find(id).orElseThrow().version();

        users.update(new UserChange(id, version, "Sam de Vries", "sam@example.com", Set.of(Role.MANAGER), true), admin);
        assertThat(users.find(id).orElseThrow()).satisfies(sam -> {
            assertThat(sam.displayName()).isEqualTo("Sam de Vries");
            assertThat(sam.roles()).containsExactly(Role.MANAGER);
            assertThat(sam.version()).isEqualTo(version + 1);
        });
        assertThatThrownBy(() -> users.update(new UserChange(id, version, "Stale", null, Set.of(Role.SALES), true), admin))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(users.find(id).orElseThrow().displayName()).isEqualTo("Sam de Vries");

        int adminVersion = users.find(admin.id()).orElseThrow().version();
        assertThatThrownBy(() -> users.update(new UserChange(admin.id(), adminVersion, "Root", null, Set.of(Role.MANAGER), true), admin))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("roles", "users.error.self-admin"));
        assertThatThrownBy(() -> users.update(new UserChange(admin.id(), adminVersion, "Root", null, Set.of(Role.ADMIN), false), admin))
                .isInstanceOf(InvalidInputException.class);
        assertThat(users.find(admin.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void password_changes_deactivation_and_sign_out_everywhere_end_earlier_sessions() {
        long id = at(NOON).create(new NewUser("sam", "Sam", null, Set.of(Role.SALES), GOOD), admin);
        Instant morning = NOON.minus(Duration.ofHours(3));
        assertThat(at(NOON).sessionState(id).allows(morning)).isTrue();

        var later = at(NOON.plusSeconds(60));
        assertThatThrownBy(() -> later.changeOwnPassword(id, "wrong", "a brand new passphrase"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("current", "users.error.current-wrong"));
        assertThatThrownBy(() -> later.changeOwnPassword(id, GOOD, GOOD))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("password", "password.same"));
        assertThatThrownBy(() -> later.changeOwnPassword(id, GOOD, "sam-is-my-name"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("password", "password.contains-username"));
        assertThat(later.sessionState(id).allows(morning)).as("refused changes end nothing").isTrue();

        later.changeOwnPassword(id, GOOD, "a brand new passphrase");
        assertThat(encoder.matches("a brand new passphrase", accounts.findByUsername("sam").orElseThrow().passwordHash())).isTrue();
        assertThat(later.sessionState(id).allows(morning)).isFalse();
        assertThat(later.sessionState(id).allows(NOON.plusSeconds(61))).as("a sign-in after the change").isTrue();

        var evening = at(NOON.plus(Duration.ofHours(6)));
        evening.signOutEverywhere(id, admin);
        assertThat(evening.sessionState(id).allows(NOON.plusSeconds(61))).isFalse();
        assertThat(log.page(SecurityLog.Kind.SESSIONS_ENDED, 0, 1)).first().satisfies(e -> {
            assertThat(e.username()).isEqualTo("root");
            assertThat(e.detail()).isEqualTo("sam");
        });

        var sam = evening.find(id).orElseThrow();
        evening.update(new UserChange(id, sam.version(), "Sam", null, Set.of(Role.SALES), false), admin);
        assertThat(evening.sessionState(id).allows(NOON.plus(Duration.ofHours(7)))).as("inactive users have no session").isFalse();
        assertThat(evening.sessionState(-1).allows(NOON)).as("deleted users neither").isFalse();
    }

    @Test
    void a_demoted_administrator_is_refused_at_once_even_with_the_roles_of_their_session() {
        var users = at(NOON);
        long id = users.create(new NewUser("second", "Second Admin", null, Set.of(Role.ADMIN), GOOD), admin);
        var asSignedIn = accounts.findByUsername("second").orElseThrow().user(); // what their session holds
        Instant signedIn = NOON.minusSeconds(60);

        var later = at(NOON.plusSeconds(60));
        later.update(new UserChange(id, users.find(id).orElseThrow().version(), "Second Admin", null, Set.of(Role.MANAGER), true), admin);

        assertThat(later.sessionState(id).allows(signedIn)).as("a role change ends the sessions").isFalse();
        assertThatThrownBy(() -> later.update(new UserChange(id, users.find(id).orElseThrow().version(), "Second Admin", null,
                Set.of(Role.ADMIN), true), asSignedIn)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> later.resetPassword(admin.id(), "taken over by second", asSignedIn)).isInstanceOf(NotAllowedException.class);
        assertThat(users.find(id).orElseThrow().roles()).containsExactly(Role.MANAGER);

        var name = users.find(id).orElseThrow();
        later.update(new UserChange(id, name.version(), "Renamed", null, Set.of(Role.MANAGER), true), admin);
        assertThat(later.sessionState(id).allows(NOON.plusSeconds(90))).as("a new name alone ends nothing").isTrue();
    }

    @Test
    void an_administrator_sets_up_a_second_factor_whose_codes_work_once() {
        var users = at(NOON);
        assertThat(users.secondFactorEnabled(admin.id())).isFalse();
        String secret = users.beginSecondFactor(admin);
        assertThat(users.verifySecondFactor(admin.id(), Totp.code(secret, Totp.step(NOON))))
                .as("not asked before the set-up is confirmed").isFalse();
        assertThat(users.confirmSecondFactor(admin, "000000".equals(Totp.code(secret, Totp.step(NOON))) ? "111111" : "000000")).isFalse();
        assertThat(users.secondFactorEnabled(admin.id())).isFalse();

        assertThat(users.confirmSecondFactor(admin, Totp.code(secret, Totp.step(NOON)))).isTrue();
        assertThat(users.secondFactorEnabled(admin.id())).isTrue();
        assertThat(users.verifySecondFactor(admin.id(), Totp.code(secret, Totp.step(NOON)))).as("no replay of a used code").isFalse();

        var halfMinuteLater = at(NOON.plusSeconds(30));
        assertThat(halfMinuteLater.verifySecondFactor(admin.id(), Totp.code(secret, Totp.step(NOON) + 1))).isTrue();
        assertThat(halfMinuteLater.verifySecondFactor(admin.id(), Totp.code(secret, Totp.step(NOON) + 1))).isFalse();

        users.removeSecondFactor(admin.id(), admin);
        assertThat(users.secondFactorEnabled(admin.id())).isFalse();
        assertThat(log.page(SecurityLog.Kind.SECOND_FACTOR_OFF, 0, 1)).isNotEmpty();
    }

    @Test
    void a_second_factor_is_for_administrators() {
        var users = at(NOON);
        users.create(new NewUser("sam", "Sam", null, Set.of(Role.SALES), GOOD), admin);
        var sam = accounts.findByUsername("sam").orElseThrow().user();
        assertThatThrownBy(() -> users.beginSecondFactor(sam)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> users.removeSecondFactor(admin.id(), sam)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void sign_out_everywhere_and_an_administrators_reset_revoke_the_users_api_tokens_an_own_change_does_not() {
        long id = at(NOON).create(new NewUser("sam", "Sam", null, Set.of(Role.SALES), GOOD), admin);
        var sam = accounts.findByUsername("sam").orElseThrow().user();
        var tokens = new ApiTokens(TestDatabase.get().dsl(), Clock.fixed(NOON, ZoneOffset.UTC));
        String first = tokens.create(id, "ERP").secret();
        tokens.create(id, "BI");

        at(NOON).changeOwnPassword(id, GOOD, "a brand new passphrase");
        assertThat(tokens.authenticate(first)).as("a routine password change keeps integrations running").hasValue("sam");

        at(NOON).signOutEverywhere(id, sam);
        assertThat(tokens.authenticate(first)).isEmpty();
        assertThat(tokens.ofUser(id)).allSatisfy(token -> assertThat(token.revokedAt()).isNotNull());
        assertThat(log.page(SecurityLog.Kind.SESSIONS_ENDED, 0, 50)).extracting(SecurityLog.Event::detail)
                .contains("sam, 2 API tokens revoked");

        String third = tokens.create(id, "ERP again").secret();
        at(NOON).resetPassword(id, "another good passphrase", admin);
        assertThat(tokens.authenticate(third)).isEmpty();
        assertThat(log.page(SecurityLog.Kind.PASSWORD_CHANGED, 0, 50)).extracting(SecurityLog.Event::detail)
                .contains("sam (reset by administrator, 1 API token revoked)");
    }

    private UserAdministration at(Instant now) {
        return new UserAdministration(TestDatabase.get().dsl(), encoder, PasswordPolicy.bundled(), log, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}

package org.crmworkbench.core.api;

import org.crmworkbench.api.Role;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.API_TOKEN;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

/** Personal API tokens on real MariaDB: stored hashed, shown once, revocable, tied to an active user. */
class ApiTokensTest {

    private final DSLContext dsl = TestDatabase.get().dsl();
    private final ApiTokens tokens = new ApiTokens(dsl, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    private long user;
    private long other;

    @BeforeEach
    void users() {
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(APP_USER).execute();
        var users = new UserAccounts(dsl, new BCryptPasswordEncoder(4));
        user = users.create("s", "S", "pw-sales-1", Set.of(Role.SALES));
        other = users.create("o", "O", "pw-other-1", Set.of(Role.SALES));
    }

    @Test
    void a_token_is_stored_only_as_its_hash_and_authenticates_its_owner() {
        var created = tokens.create(user, "  ERP sync ");

        assertThat(created.secret()).startsWith("crm_").hasSize(4 + 43);
        assertThat(created.token().name()).isEqualTo("ERP sync");
        assertThat(created.token().hint()).isEqualTo(created.secret().substring(0, 10));
        var stored = dsl.selectFrom(API_TOKEN).fetchSingle();
        assertThat(stored.getTokenHash()).isEqualTo(ApiTokens.hash(created.secret())).doesNotContain(created.secret());
        assertThat(tokens.authenticate(created.secret())).contains("s");
        assertThat(tokens.ofUser(user).getFirst().lastUsedAt()).isNotNull();
        assertThat(tokens.create(user, "second").secret()).isNotEqualTo(created.secret());
    }

    @Test
    void forged_revoked_and_deactivated_tokens_authenticate_nobody() {
        var created = tokens.create(user, "script");
        assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
        assertThat(tokens.authenticate("crm_forged")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();

        assertThat(tokens.revoke(other, created.token().id())).as("only the owner revokes").isFalse();
        assertThat(tokens.authenticate(created.secret())).isPresent();
        assertThat(tokens.revoke(user, created.token().id())).isTrue();
        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(tokens.ofUser(user).getFirst().revoked()).isTrue();
        assertThat(tokens.revoke(user, created.token().id())).as("already revoked").isFalse();

        var second = tokens.create(user, "another");
        dsl.update(APP_USER).set(APP_USER.ACTIVE, false).where(APP_USER.ID.eq(user)).execute();
        assertThat(tokens.authenticate(second.secret())).isEmpty();
    }

    @Test
    void a_token_needs_a_name() {
        assertThatThrownBy(() -> tokens.create(user, " ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsEntry("name", "token.error.name-required"));
        assertThatThrownBy(() -> tokens.create(user, "x".repeat(101))).isInstanceOf(InvalidInputException.class);
        assertThat(tokens.ofUser(user)).isEmpty();
    }
}

package org.crmworkbench.core.user;

import org.crmworkbench.api.Role;
import org.crmworkbench.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

class UserAccountsTest {

    @TempDir
    Path dataDir;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final UserAccounts accounts = new UserAccounts(TestDatabase.get().dsl(), encoder);

    @BeforeEach
    void emptyUserTable() {
        TestDatabase.get().dsl().deleteFrom(ACCOUNT).execute(); // accounts refer to their managers
        TestDatabase.get().dsl().deleteFrom(APP_USER).execute();
    }

    @Test
    void the_first_admin_gets_a_random_password_kept_in_a_private_file() throws IOException {
        String password = accounts.createInitialAdminIfNoUsers(dataDir).orElseThrow();

        Path file = dataDir.resolve(UserAccounts.INITIAL_PASSWORD_FILE);
        assertThat(Files.readString(file).trim()).isEqualTo(password);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(password).hasSize(20);
        var admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.user().roles()).containsExactly(Role.ADMIN);
        assertThat(admin.passwordHash()).startsWith("$2").doesNotContain(password);
        assertThat(encoder.matches(password, admin.passwordHash())).isTrue();
    }

    @Test
    void no_second_admin_is_created_once_users_exist() {
        accounts.createInitialAdminIfNoUsers(dataDir);
        assertThat(accounts.createInitialAdminIfNoUsers(dataDir)).isEmpty();
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void demo_users_get_their_roles_once() {
        DemoUsers.create(accounts);
        DemoUsers.create(accounts);
        assertThat(accounts.count()).isEqualTo(DemoUsers.ALL.size());
        var sales = accounts.findByUsername("sales").orElseThrow();
        assertThat(sales.user().roles()).isEqualTo(Set.of(Role.SALES));
        assertThat(encoder.matches("sales-demo", sales.passwordHash())).isTrue();
    }
}

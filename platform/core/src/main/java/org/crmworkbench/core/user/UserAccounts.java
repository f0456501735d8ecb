package org.crmworkbench.core.user;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;

/** The workbench's users in {@code crm_core}: lookup for login, creation, the first admin, demo users. */
public final class UserAccounts {

    public static final String INITIAL_ADMIN = "admin";
    public static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final DSLContext dsl;
    private final PasswordEncoder passwords;

    public UserAccounts(DSLContext dsl, PasswordEncoder passwords) {
        this.dsl = dsl;
        this.passwords = passwords;
    }

    public Optional<StoredUser> findByUsername(String username) {
        var user = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional();
        return user.map(record -> new StoredUser(
                new UserRef(record.getId(), record.getUsername(), record.getDisplayName(), roles(record.getId())),
                record.getPasswordHash(), record.getActive(), Locale.forLanguageTag(record.getLocale())));
    }

    /** Creates a user with a hashed password; returns its id. */
    public long create(String username, String displayName, String rawPassword, Set<Role> roles) {
        return dsl.transactionResult(configuration -> {
            var tx = configuration.dsl();
            long id = tx.insertInto(APP_USER)
                    .set(APP_USER.USERNAME, username)
                    .set(APP_USER.DISPLAY_NAME, displayName)
                    .set(APP_USER.PASSWORD_HASH, passwords.encode(rawPassword))
                    .returningResult(APP_USER.ID)
                    .fetchSingle().value1();
            var insert = tx.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE);
            for (Role role : roles) {
                insert = insert.values(id, role.name());
            }
            insert.execute();
            return id;
        });
    }

    /** Stores the user's preferred UI language. */
    public void setLocale(long userId, Locale locale) {
        dsl.update(APP_USER).set(APP_USER.LOCALE, locale.toLanguageTag()).where(APP_USER.ID.eq(userId)).execute();
    }

    /** Active users by display name, e.g. to choose an account manager. */
    public List<UserRef> activeUsers() {
        var roles = dsl.select(USER_ROLE.USER_ID, USER_ROLE.ROLE).from(USER_ROLE).fetchGroups(USER_ROLE.USER_ID, USER_ROLE.ROLE);
        return dsl.selectFrom(APP_USER).where(APP_USER.ACTIVE.isTrue()).orderBy(APP_USER.DISPLAY_NAME)
                .fetch(user -> new UserRef(user.getId(), user.getUsername(), user.getDisplayName(),
                        roles.getOrDefault(user.getId(), List.of()).stream().map(Role::valueOf).collect(Collectors.toSet())));
    }

    public int count() {
        return dsl.fetchCount(APP_USER);
    }

    /**
     * On an empty user table, creates {@code admin} with a random password, prints it once to the
     * console and writes it to {@code <dataDir>/initial-admin-password} (mode 0600).
     *
     * @return the password, when an admin was created now
     */
    public Optional<String> createInitialAdminIfNoUsers(Path dataDir) {
        if (count() > 0) {
            return Optional.empty();
        }
        String password = randomPassword();
        Path file = dataDir.resolve(INITIAL_PASSWORD_FILE);
        try {
            // the file first: an admin whose password nobody ever saw would lock everyone out
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        create(INITIAL_ADMIN, "Administrator", password, Set.of(Role.ADMIN));
        String banner = "=".repeat(72);
        System.out.printf("%n%s%n  First start: user '%s' created with password  %s%n  (also in %s)%n%s%n%n",
                banner, INITIAL_ADMIN, password, file.toAbsolutePath(), banner);
        log.info("Initial admin created; password written to {}", file.toAbsolutePath());
        return Optional.of(password);
    }

    private Set<Role> roles(long userId) {
        return dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId))
                .fetch(USER_ROLE.ROLE).stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}

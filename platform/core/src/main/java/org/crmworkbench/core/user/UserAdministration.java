package org.crmworkbench.core.user;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.NotAllowedException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.crmworkbench.db.jooq.Tables.API_TOKEN;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;

/**
 * Managing the workbench's users and their sign-in security: administrators create users, set their
 * roles, deactivate them and reset passwords; every user changes their own password, ends all their
 * sessions and (ADMIN) sets up a second factor. New passwords follow the {@link PasswordPolicy}.
 * Setting a password, deactivating a user and "sign out everywhere" end the user's existing sessions
 * ({@link #sessionState}). Every change is written to the {@link SecurityLog}.
 *
 * <p>Times in {@code app_user} are stored in UTC.
 */
public final class UserAdministration {

    /** A user as the administration lists it. */
    public record UserSummary(long id, String username, String displayName, String email, Set<Role> roles,
                              boolean active, boolean secondFactor, int version) {
    }

    /** What an administrator enters for a new user. */
    public record NewUser(String username, String displayName, String email, Set<Role> roles, String password) {
    }

    /** What an administrator changes of a user, with the version read. */
    public record UserChange(long id, int version, String displayName, String email, Set<Role> roles, boolean active) {
    }

    /**
     * What every request of a signed-in user is checked against.
     *
     * @param active             inactive users are signed out
     * @param sessionsValidAfter sessions signed in before this are ended; null: none ended
     */
    public record SessionState(boolean active, Instant sessionsValidAfter) {

        /** Whether a session signed in at that moment may go on. */
        public boolean allows(Instant signedInAt) {
            return active && (sessionsValidAfter == null || !signedInAt.isBefore(sessionsValidAfter));
        }
    }

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SessionState GONE = new SessionState(false, null);

    private final DSLContext dsl;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final SecurityLog log;
    private final Clock clock;

    public UserAdministration(DSLContext dsl, PasswordEncoder passwords, PasswordPolicy policy, SecurityLog log, Clock clock) {
        this.dsl = dsl;
        this.passwords = passwords;
        this.policy = policy;
        this.log = log;
        this.clock = clock;
    }

    /** Users whose name, user name or e-mail contains the search text, by display name. */
    public List<UserSummary> page(String search, int offset, int limit) {
        var roles = dsl.select(USER_ROLE.USER_ID, USER_ROLE.ROLE).from(USER_ROLE)
                .where(USER_ROLE.USER_ID.in(DSL.select(APP_USER.ID).from(APP_USER).where(matching(search))))
                .fetchGroups(USER_ROLE.USER_ID, USER_ROLE.ROLE);
        return dsl.selectFrom(APP_USER).where(matching(search))
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID).offset(offset).limit(limit)
                .fetch(user -> summary(user, roles.getOrDefault(user.getId(), List.of())));
    }

    public int count(String search) {
        return dsl.fetchCount(APP_USER, matching(search));
    }

    public Optional<UserSummary> find(long id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id))
                .fetchOptional(user -> summary(user, dsl.select(USER_ROLE.ROLE).from(USER_ROLE)
                        .where(USER_ROLE.USER_ID.eq(id)).fetch(USER_ROLE.ROLE)));
    }

    /**
     * Creates a user.
     *
     * @throws InvalidInputException per field: {@code username}, {@code displayName}, {@code email},
     *                               {@code roles}, {@code password}
     */
    public long create(NewUser user, UserRef actor) {
        requireAdmin(actor);
        var errors = new LinkedHashMap<String, String>();
        String username = trim(user.username());
        if (username.isEmpty()) {
            errors.put("username", "users.error.username-required");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.put("username", "users.error.username-format");
        } else if (dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username))) {
            errors.put("username", "users.error.username-taken");
        }
        checkDetails(user.displayName(), user.email(), user.roles(), errors);
        policy.problem(user.password() == null ? "" : user.password(), username).ifPresent(key -> errors.put("password", key));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = dsl.transactionResult(configuration -> {
            var tx = configuration.dsl();
            long created = tx.insertInto(APP_USER)
                    .set(APP_USER.USERNAME, username)
                    .set(APP_USER.DISPLAY_NAME, trim(user.displayName()))
                    .set(APP_USER.EMAIL, emptyToNull(user.email()))
                    .set(APP_USER.PASSWORD_HASH, passwords.encode(user.password()))
                    .set(APP_USER.PASSWORD_CHANGED_AT, now())
                    .returningResult(APP_USER.ID).fetchSingle().value1();
            insertRoles(tx, created, user.roles());
            return created;
        });
        log.record(SecurityLog.Kind.USER_CREATED, actor.username(), null, username + " " + sorted(user.roles()));
        return id;
    }

    /**
     * Changes a user's name, e-mail, roles and whether they may sign in. An administrator cannot take
     * ADMIN away from themselves or deactivate themselves (so one active administrator always remains).
     * Deactivating the user or changing their roles ends their sessions: a session holds the roles it
     * signed in with.
     *
     * @throws ConcurrentEditException someone changed the user since {@code version} was read
     */
    public void update(UserChange change, UserRef actor) {
        requireAdmin(actor);
        var errors = new LinkedHashMap<String, String>();
        checkDetails(change.displayName(), change.email(), change.roles(), errors);
        boolean staysAdmin = change.active() && change.roles() != null && change.roles().contains(Role.ADMIN);
        if (change.id() == actor.id() && !staysAdmin) {
            errors.put("roles", "users.error.self-admin");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var before = find(change.id()).orElseThrow(() -> new ConcurrentEditException(null, null));
        dsl.transaction(configuration -> {
            var tx = configuration.dsl();
            int updated = tx.update(APP_USER)
                    .set(APP_USER.DISPLAY_NAME, trim(change.displayName()))
                    .set(APP_USER.EMAIL, emptyToNull(change.email()))
                    .set(APP_USER.ACTIVE, change.active())
                    // a deactivated user, or one whose roles changed, signs in again (sessions hold the roles)
                    .set(APP_USER.SESSIONS_VALID_AFTER, change.active() && before.roles().equals(Set.copyOf(change.roles()))
                            ? APP_USER.SESSIONS_VALID_AFTER : DSL.val(now()))
                    .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                    .where(APP_USER.ID.eq(change.id()).and(APP_USER.VERSION.eq(change.version())))
                    .execute();
            if (updated == 0) {
                throw new ConcurrentEditException(null, null);
            }
            tx.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(change.id())).execute();
            insertRoles(tx, change.id(), change.roles());
        });
        String detail = before.username() + " " + sorted(before.roles()) + (before.active() ? "" : " inactive")
                + " -> " + sorted(change.roles()) + (change.active() ? "" : " inactive");
        log.record(SecurityLog.Kind.USER_CHANGED, actor.username(), null, detail);
    }

    /** An administrator sets a new password for a user, who is signed out everywhere and loses every API token. */
    public void resetPassword(long userId, String newPassword, UserRef actor) {
        requireAdmin(actor);
        String username = usernameOf(userId);
        policy.problem(newPassword == null ? "" : newPassword, username)
                .ifPresent(key -> {
                    throw new InvalidInputException(Map.of("password", key));
                });
        storePassword(userId, newPassword);
        int revoked = revokeApiTokens(userId);
        log.record(SecurityLog.Kind.PASSWORD_CHANGED, actor.username(), null,
                username + " (reset by administrator" + revokedText(revoked) + ")");
    }

    /**
     * The user changes their own password; all their sessions end, this one too.
     *
     * @throws InvalidInputException {@code current} when the current password is wrong, {@code password}
     *                               when the new one breaks the policy or equals the current one
     */
    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        var user = dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional()
                .orElseThrow(() -> new NotAllowedException("users.error.gone"));
        if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException(Map.of("current", "users.error.current-wrong"));
        }
        String value = newPassword == null ? "" : newPassword;
        var problem = value.equals(currentPassword) ? Optional.of("password.same") : policy.problem(value, user.getUsername());
        if (problem.isPresent()) {
            throw new InvalidInputException(Map.of("password", problem.get()));
        }
        storePassword(userId, value);
        log.record(SecurityLog.Kind.PASSWORD_CHANGED, user.getUsername(), null, null);
    }

    /**
     * Ends every session of the user on every node (the next request of each asks to sign in again) and
     * revokes the user's API tokens: what someone who took over the account may have left behind.
     */
    public void signOutEverywhere(long userId, UserRef actor) {
        if (actor.id() != userId) {
            requireAdmin(actor);
        }
        dsl.update(APP_USER).set(APP_USER.SESSIONS_VALID_AFTER, now()).where(APP_USER.ID.eq(userId)).execute();
        int revoked = revokeApiTokens(userId);
        log.record(SecurityLog.Kind.SESSIONS_ENDED, actor.username(), null, usernameOf(userId) + revokedText(revoked));
    }

    private int revokeApiTokens(long userId) {
        return dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, now())
                .where(API_TOKEN.USER_ID.eq(userId).and(API_TOKEN.REVOKED_AT.isNull())).execute();
    }

    private static String revokedText(int revoked) {
        return revoked == 0 ? "" : ", " + revoked + " API token" + (revoked == 1 ? "" : "s") + " revoked";
    }

    /** Whether the user's sessions may go on; an unknown user's may not. */
    public SessionState sessionState(long userId) {
        return dsl.select(APP_USER.ACTIVE, APP_USER.SESSIONS_VALID_AFTER).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(row -> new SessionState(row.value1(), row.value2() == null ? null : row.value2().toInstant(ZoneOffset.UTC)))
                .orElse(GONE);
    }

    /** Whether sign-in asks the user for a code of their authenticator app. */
    public boolean secondFactorEnabled(long userId) {
        return dsl.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.TOTP_ENABLED.isTrue()));
    }

    /**
     * Starts setting up the second factor (ADMIN only): a new secret, stored but not yet asked at sign-in.
     *
     * @return the secret, Base32, to show once as a QR code and as text
     */
    public String beginSecondFactor(UserRef user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new NotAllowedException("users.error.second-factor-admin-only");
        }
        String secret = Totp.newSecret();
        dsl.update(APP_USER).set(APP_USER.TOTP_SECRET, secret).set(APP_USER.TOTP_ENABLED, false).setNull(APP_USER.TOTP_LAST_STEP)
                .where(APP_USER.ID.eq(user.id())).execute();
        return secret;
    }

    /**
     * Finishes the set-up with a code from the app; from now on sign-in asks for one.
     *
     * @return whether the code was right (if not, nothing changed)
     */
    public boolean confirmSecondFactor(UserRef user, String code) {
        if (!useCode(user.id(), code, false)) {
            return false;
        }
        dsl.update(APP_USER).set(APP_USER.TOTP_ENABLED, true).where(APP_USER.ID.eq(user.id())).execute();
        log.record(SecurityLog.Kind.SECOND_FACTOR_ON, user.username(), null, null);
        return true;
    }

    /** Switches the second factor off: by the user, or by an administrator for a user who lost the phone. */
    public void removeSecondFactor(long userId, UserRef actor) {
        if (actor.id() != userId) {
            requireAdmin(actor);
        }
        dsl.update(APP_USER).setNull(APP_USER.TOTP_SECRET).set(APP_USER.TOTP_ENABLED, false).setNull(APP_USER.TOTP_LAST_STEP)
                .where(APP_USER.ID.eq(userId)).execute();
        log.record(SecurityLog.Kind.SECOND_FACTOR_OFF, actor.username(), null, usernameOf(userId));
    }

    /**
     * Checks a sign-in code. A code is used at most once: a code of the same or an earlier step than
     * the last accepted one is refused, so a code seen over a shoulder cannot be replayed.
     */
    public boolean verifySecondFactor(long userId, String code) {
        return useCode(userId, code, true);
    }

    private boolean useCode(long userId, String code, boolean mustBeEnabled) {
        var row = dsl.select(APP_USER.TOTP_SECRET, APP_USER.TOTP_ENABLED).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOne();
        if (row == null || row.value1() == null || (mustBeEnabled && !row.value2())) {
            return false;
        }
        var step = Totp.matchingStep(row.value1(), code, clock.instant());
        if (step.isEmpty()) {
            return false;
        }
        // one statement: of two requests with the same code, only one moves the last step on
        return dsl.update(APP_USER).set(APP_USER.TOTP_LAST_STEP, step.getAsLong())
                .where(APP_USER.ID.eq(userId)
                        .and(APP_USER.TOTP_LAST_STEP.isNull().or(APP_USER.TOTP_LAST_STEP.lt(step.getAsLong()))))
                .execute() == 1;
    }

    private void storePassword(long userId, String password) {
        LocalDateTime now = now();
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwords.encode(password))
                .set(APP_USER.PASSWORD_CHANGED_AT, now).set(APP_USER.SESSIONS_VALID_AFTER, now)
                .where(APP_USER.ID.eq(userId)).execute();
    }

    private void checkDetails(String displayName, String email, Set<Role> roles, Map<String, String> errors) {
        String name = trim(displayName);
        if (name.isEmpty()) {
            errors.put("displayName", "users.error.name-required");
        } else if (name.length() > APP_USER.DISPLAY_NAME.getDataType().length()) {
            errors.put("displayName", "users.error.name-too-long");
        }
        String mail = trim(email);
        if (!mail.isEmpty() && (mail.length() > APP_USER.EMAIL.getDataType().length() || !EMAIL.matcher(mail).matches())) {
            errors.put("email", "users.error.email");
        }
        if (roles == null || roles.isEmpty()) {
            errors.put("roles", "users.error.roles-required");
        }
    }

    private static void insertRoles(DSLContext tx, long userId, Set<Role> roles) {
        var insert = tx.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE);
        for (Role role : roles) {
            insert = insert.values(userId, role.name());
        }
        insert.execute();
    }

    private String usernameOf(long userId) {
        return dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.USERNAME)
                .orElseThrow(() -> new NotAllowedException("users.error.gone"));
    }

    /** The actor as the database knows them now, not as their session remembers: active and ADMIN. */
    private void requireAdmin(UserRef actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN) || !dsl.fetchExists(DSL.selectOne().from(APP_USER)
                .join(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ID.eq(actor.id()).and(APP_USER.ACTIVE.isTrue()).and(USER_ROLE.ROLE.eq(Role.ADMIN.name()))))) {
            throw new NotAllowedException("users.error.admin-only");
        }
    }

    private static Condition matching(String search) {
        String text = trim(search);
        if (text.isEmpty()) {
            return DSL.noCondition();
        }
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return APP_USER.DISPLAY_NAME.likeIgnoreCase(pattern, '\\').or(APP_USER.USERNAME.likeIgnoreCase(pattern, '\\'))
                .or(APP_USER.EMAIL.likeIgnoreCase(pattern, '\\'));
    }

    private static UserSummary summary(Record user, List<String> roles) {
        var set = roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles.stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new UserSummary(user.get(APP_USER.ID), user.get(APP_USER.USERNAME), user.get(APP_USER.DISPLAY_NAME),
                user.get(APP_USER.EMAIL), Set.copyOf(set), user.get(APP_USER.ACTIVE), user.get(APP_USER.TOTP_ENABLED),
                user.get(APP_USER.VERSION));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String sorted(Set<Role> roles) {
        return roles == null ? "[]" : roles.stream().map(Role::name).sorted().toList().toString();
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    private static String emptyToNull(String text) {
        String value = trim(text);
        return value.isEmpty() ? null : value;
    }
}

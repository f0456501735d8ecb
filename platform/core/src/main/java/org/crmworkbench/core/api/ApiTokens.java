package org.crmworkbench.core.api;

import org.crmworkbench.core.editing.InvalidInputException;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.crmworkbench.db.jooq.Tables.API_TOKEN;
import static org.crmworkbench.db.jooq.Tables.APP_USER;

/**
 * Personal API tokens for the REST API. A token is {@code crm_} followed by 256 random bits
 * (base64url); only its SHA-256 is stored, so a token is shown once, when it is created. A token acts
 * as its owner, with the owner's current roles, until it is revoked or the owner is deactivated.
 */
public final class ApiTokens {

    /** How many characters of a token are kept to recognise it in lists. */
    static final int HINT_LENGTH = 10;
    private static final String PREFIX = "crm_";
    private static final int MAX_NAME = 100;

    private final DSLContext dsl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A new token and its list entry. The token text is not kept anywhere: show it now or never. */
    public record Created(ApiToken token, String secret) {
    }

    /**
     * Creates a token for a user.
     *
     * @throws InvalidInputException when the name is blank or longer than 100 characters
     */
    public Created create(long userId, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw new InvalidInputException(Map.of("name", "token.error.name-required"));
        }
        if (label.length() > MAX_NAME) {
            throw new InvalidInputException(Map.of("name", "token.error.too-long"));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var record = dsl.newRecord(API_TOKEN);
        record.setUserId(userId);
        record.setName(label);
        record.setTokenHash(hash(secret));
        record.setTokenHint(secret.substring(0, HINT_LENGTH));
        record.setCreatedAt(LocalDateTime.now(clock));
        record.store();
        return new Created(toToken(record), secret);
    }

    /** The user's tokens, valid ones first, newest first. */
    public List<ApiToken> ofUser(long userId) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(userId))
                .orderBy(API_TOKEN.REVOKED_AT.isNotNull(), API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(ApiTokens::toToken);
    }

    /**
     * Revokes one of the user's own tokens; requests with it fail from now on.
     *
     * @return false when the user has no such valid token
     */
    public boolean revoke(long userId, long tokenId) {
        return dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, LocalDateTime.now(clock))
                .where(API_TOKEN.ID.eq(tokenId).and(API_TOKEN.USER_ID.eq(userId)).and(API_TOKEN.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    /**
     * The user name a presented token authenticates, when it is a valid token of an active user.
     * Marks it used (at most one write a minute per token).
     */
    public Optional<String> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        var match = dsl.select(API_TOKEN.ID, APP_USER.USERNAME).from(API_TOKEN)
                .join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(hash(presented)).and(API_TOKEN.REVOKED_AT.isNull())
                        .and(APP_USER.ACTIVE.isTrue()))
                .fetchOptional();
        match.ifPresent(found -> {
            var now = LocalDateTime.now(clock);
            dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, now)
                    .where(API_TOKEN.ID.eq(found.value1())
                            .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.lt(now.minusMinutes(1)))))
                    .execute();
        });
        return match.map(found -> found.value2());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ApiToken toToken(org.crmworkbench.db.jooq.tables.records.ApiTokenRecord record) {
        return new ApiToken(record.getId(), record.getName(), record.getTokenHint(), record.getCreatedAt(),
                record.getLastUsedAt(), record.getRevokedAt());
    }
}

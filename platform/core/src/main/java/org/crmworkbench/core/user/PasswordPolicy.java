package org.crmworkbench.core.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a new password must be (OWASP ASVS 2.1, NIST 800-63B): at least 12 characters, at most 72 bytes
 * (what BCrypt reads), any characters, no composition rules, but not one of the 30,000 most common
 * passwords of a real leak (bundled, {@code common-passwords.txt}), not such a password with up to
 * four digits or signs added, not the user name and not one character repeated.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** BCrypt ignores everything after 72 bytes; a longer password would only seem stronger. */
    public static final int MAX_BYTES = 72;
    private static final Pattern TRAILING_DIGITS_OR_SIGNS = Pattern.compile("[\\d\\p{Punct}\\s]{1,4}$");
    private static final PasswordPolicy BUNDLED = new PasswordPolicy(load());

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the bundled list. */
    public static PasswordPolicy bundled() {
        return BUNDLED;
    }

    /**
     * Why the password is refused, as a message key ({@code password.too-short}, {@code password.too-long},
     * {@code password.common}, {@code password.contains-username}, {@code password.repeated}); empty when it is fine.
     */
    public Optional<String> problem(String password, String username) {
        Objects.requireNonNull(password, "password");
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() == 1) {
            return Optional.of("password.repeated");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.contains-username");
        }
        String stem = TRAILING_DIGITS_OR_SIGNS.matcher(lower).replaceFirst("");
        if (common.contains(lower) || common.contains(lower.strip()) || common.contains(stem)) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }

    /** Whether the bundled list holds the password (for tests and documentation). */
    public boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        var passwords = new HashSet<String>(40_000);
        try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords;
    }
}

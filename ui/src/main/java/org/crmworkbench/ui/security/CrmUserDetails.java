package org.crmworkbench.ui.security;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.user.StoredUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.io.Serial;
import java.time.Instant;
import java.util.Locale;

/** The signed-in user: Spring Security's view plus the workbench's {@link UserRef}. */
public final class CrmUserDetails extends User {

    @Serial
    private static final long serialVersionUID = 1L;
    private final UserRef user;
    private final Locale locale;
    private final Instant signedInAt;

    CrmUserDetails(StoredUser stored, Instant signedInAt) {
        super(stored.user().username(), stored.passwordHash(), stored.active(), true, true, true,
                stored.user().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.user = stored.user();
        this.locale = stored.locale();
        this.signedInAt = signedInAt;
    }

    /** When the password was checked; sessions older than the user's "signed out everywhere" moment end. */
    public Instant signedInAt() {
        return signedInAt;
    }

    public UserRef user() {
        return user;
    }

    public Locale locale() {
        return locale;
    }
}

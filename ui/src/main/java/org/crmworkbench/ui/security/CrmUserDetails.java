package org.crmworkbench.ui.security;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.user.StoredUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.io.Serial;
import java.util.Locale;

/** The signed-in user: Spring Security's view plus the workbench's {@link UserRef}. */
public final class CrmUserDetails extends User {

    @Serial
    private static final long serialVersionUID = 1L;
    private final UserRef user;
    private final Locale locale;

    CrmUserDetails(StoredUser stored) {
        super(stored.user().username(), stored.passwordHash(), stored.active(), true, true, true,
                stored.user().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.user = stored.user();
        this.locale = stored.locale();
    }

    public UserRef user() {
        return user;
    }

    public Locale locale() {
        return locale;
    }
}

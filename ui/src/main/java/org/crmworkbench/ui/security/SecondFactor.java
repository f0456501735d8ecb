package org.crmworkbench.ui.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/**
 * The sign-in of a user with a second factor, between the password and the code: authenticated, but
 * with no role, so no view or action but {@link SecondFactorView} accepts them ({@link SignedInUser}
 * reports no user, {@link SessionGuard} sends every other page there).
 */
final class SecondFactor {

    /** The only authority of a sign-in that waits for its code. */
    static final String PENDING = "SECOND_FACTOR_PENDING";

    private SecondFactor() {
    }

    static Authentication pending(CrmUserDetails user, Object details) {
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(PENDING)));
        token.setDetails(details);
        return token;
    }

    static Authentication completed(CrmUserDetails user, Object details) {
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.setDetails(details);
        return token;
    }

    static boolean isPending(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> PENDING.equals(a.getAuthority()));
    }
}

package org.crmworkbench.ui.security;

import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.user.UserAdministration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login's password check behind a {@link LoginThrottle}: a locked name or address is refused
 * unchecked. Every attempt goes into the {@link SecurityLog}. A user with a second factor gets a
 * {@linkplain SecondFactor#pending pending} sign-in: the code comes next, on {@link SecondFactorView}.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final SecurityLog log;
    private final UserAdministration users;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, SecurityLog log,
                                    UserAdministration users) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.log = log;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (throttle.lockedFor(username, address).isPresent()) {
            log.record(SecurityLog.Kind.LOGIN_LOCKED, username, address, null);
            throw new LockedException("too many failed logins");
        }
        try {
            Authentication authenticated = passwords.authenticate(authentication);
            if (authenticated.getPrincipal() instanceof CrmUserDetails user && users.secondFactorEnabled(user.user().id())) {
                return SecondFactor.pending(user, authenticated.getDetails());
            }
            throttle.succeeded(username);
            log.record(SecurityLog.Kind.LOGIN_SUCCEEDED, username, address, null);
            return authenticated;
        } catch (LockedException e) {
            throw e;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            log.record(SecurityLog.Kind.LOGIN_FAILED, username, address, e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}

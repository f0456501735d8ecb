package org.crmworkbench.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crmworkbench.core.user.UserAdministration;
import org.crmworkbench.core.user.UserAdministration.SessionState;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends sessions that must not go on, before Spring Security and Vaadin see the request: those of a
 * user who was deactivated, changed their password or chose "sign out everywhere" after this session
 * signed in (on any node: the moment is in {@code app_user}), and sign-ins that waited longer than five
 * minutes for their second-factor code. The ended session's next page asks to sign in again.
 *
 * <p>The user's state is read at most every {@value #RECHECK_SECONDS} seconds per user and node. While
 * the database cannot be reached the last known state holds, so an outage does not sign everyone out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SessionGuard extends OncePerRequestFilter {

    static final int RECHECK_SECONDS = 2;
    static final Duration SECOND_FACTOR_WAIT = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SessionGuard.class);

    private record Known(SessionState state, Instant readAt) {
    }

    private final UserAdministration users;
    private final Clock clock;
    private final Map<Long, Known> known = new ConcurrentHashMap<>();

    SessionGuard(UserAdministration users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null) {
            try {
                if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                        && context.getAuthentication() != null
                        && context.getAuthentication().getPrincipal() instanceof CrmUserDetails user
                        && !mayGoOn(user, SecondFactor.isPending(context.getAuthentication()))) {
                    log.info("Session of {} ended (signed out elsewhere, deactivated or second factor not given)", user.getUsername());
                    session.invalidate();
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // another request of the same session ended it meanwhile
            }
        }
        chain.doFilter(request, response);
    }

    private boolean mayGoOn(CrmUserDetails user, boolean waitingForCode) {
        Instant now = clock.instant();
        if (waitingForCode && user.signedInAt().plus(SECOND_FACTOR_WAIT).isBefore(now)) {
            return false;
        }
        long id = user.user().id();
        Known current = known.get(id);
        if (current == null || current.readAt().plusSeconds(RECHECK_SECONDS).isBefore(now)) {
            try {
                current = new Known(users.sessionState(id), now);
                known.put(id, current);
            } catch (DataAccessException e) {
                return current == null || current.state().allows(user.signedInAt());
            }
        }
        return current.state().allows(user.signedInAt());
    }
}

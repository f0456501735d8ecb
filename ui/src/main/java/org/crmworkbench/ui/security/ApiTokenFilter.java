package org.crmworkbench.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.api.ApiProblems;
import org.crmworkbench.ui.shell.DatabaseHealth;
import org.jooq.exception.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;

/**
 * Signs a REST API request in as the owner of its {@code Authorization: Bearer <token>}. A request
 * without a valid token stays anonymous and is refused by the API's filter chain with 401; while the
 * database cannot be reached the token cannot be checked, and the answer is 503.
 * Not a bean: Spring Boot would otherwise register it for every request.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserAccounts users;
    private final ApiProblems problems;
    private final DatabaseHealth health;

    ApiTokenFilter(ApiTokens tokens, UserAccounts users, ApiProblems problems, DatabaseHealth health) {
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
        this.health = health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                tokens.authenticate(header.substring(BEARER.length()).strip())
                        .flatMap(users::findByUsername)
                        .map(user -> new CrmUserDetails(user, Instant.now()))
                        .filter(CrmUserDetails::isEnabled)
                        .ifPresent(user -> {
                            var context = SecurityContextHolder.createEmptyContext();
                            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                                    user.getAuthorities()));
                            SecurityContextHolder.setContext(context);
                        });
            } catch (DataAccessException e) {
                if (!health.report(e)) {
                    throw e;
                }
                // the token cannot be checked: 503 as from the controllers, not a 401 that says "bad token"
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "api.error.database-unavailable");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

package org.crmworkbench.ui.security;

import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.api.ApiProblems;
import org.crmworkbench.ui.shell.DatabaseHealth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The REST API's own filter chain, in front of the Vaadin one: stateless, personal API tokens only
 * (never the browser session, so a logged-in browser cannot be tricked into API calls, which is
 * why CSRF tokens are not needed here), 401 as JSON without a token. The OpenAPI description is public.
 */
@Configuration
class ApiSecurityConfiguration {

    static final String OPENAPI_PATH = "/api/v1/openapi.json";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, UserAccounts users, ApiProblems problems,
                                      DatabaseHealth health)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPENAPI_PATH, OPENAPI_PATH + ".yaml").permitAll()
                        .anyRequest().authenticated());
        return bearerTokensOnly(http, tokens, users, problems, health).build();
    }

    /**
     * Stateless, no session, cookie, CSRF token or login form: a request is authenticated by its bearer
     * token alone, and refusals are problem details. The REST API's chain and the actuator's share it.
     */
    static HttpSecurity bearerTokensOnly(HttpSecurity http, ApiTokens tokens, UserAccounts users, ApiProblems problems,
                                         DatabaseHealth health) throws Exception {
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, users, problems, health), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "api.error.unauthorized"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "api.error.forbidden")));
    }
}

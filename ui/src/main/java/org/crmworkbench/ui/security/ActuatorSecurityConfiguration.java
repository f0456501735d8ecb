package org.crmworkbench.ui.security;

import org.crmworkbench.api.Role;
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
 * The operations endpoints' own filter chain: the health probes ({@code /actuator/health},
 * {@code /actuator/health/liveness}, {@code /actuator/health/readiness}) are open to anyone, as a load
 * balancer asks them, and say no more than UP or DOWN; the Prometheus scrape
 * ({@code /actuator/prometheus}) needs the personal API token of an ADMIN
 * ({@code Authorization: Bearer <token>}, see {@link ApiTokenFilter}): 401 without a valid token, 403
 * for anyone else. Every other path under {@code /actuator} is refused. Stateless, like the REST API.
 */
@Configuration
class ActuatorSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, ApiTokens tokens, UserAccounts users, ApiProblems problems,
                                            DatabaseHealth health) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
        return http.build();
    }
}

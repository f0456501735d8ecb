package org.crmworkbench.ui.security;

import org.crmworkbench.api.Role;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.api.ApiProblems;
import org.crmworkbench.ui.shell.DatabaseHealth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

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
                        .anyRequest().denyAll());
        return ApiSecurityConfiguration.bearerTokensOnly(http, tokens, users, problems, health).build();
    }
}

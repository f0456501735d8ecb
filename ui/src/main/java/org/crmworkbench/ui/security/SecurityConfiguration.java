package org.crmworkbench.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.user.UserAdministration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;

/**
 * Login through the Vaadin login view; every view needs a signed-in user unless it is
 * {@code @AnonymousAllowed} (plugin public routes under {@code /public/<plugin-id>/}). Repeated wrong
 * passwords lock the user name or the client address for a while ({@link LoginThrottle}).
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(clock);
    }

    /** The password check of the login form, behind the throttle; the only provider, so Spring uses it. */
    @Bean
    AuthenticationProvider loginAuthentication(UserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle,
                                               SecurityLog log, UserAdministration administration) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle, log, administration);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }
}

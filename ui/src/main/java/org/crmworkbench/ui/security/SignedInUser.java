package org.crmworkbench.ui.security;

import com.vaadin.flow.component.UI;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.user.UserAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The user of the current request (Spring Security) and the language of the current UI. */
@Component
class SignedInUser implements CurrentUser {

    private final UserAccounts accounts;

    SignedInUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UserRef> user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || SecondFactor.isPending(authentication)) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof CrmUserDetails details) {
            return Optional.of(details.user());
        }
        // e.g. a test's mock user: roles from the authorities, id from the database when known
        var roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .filter(r -> r.equals("ADMIN") || r.equals("MANAGER") || r.equals("SALES"))
                .map(Role::valueOf).collect(Collectors.toSet());
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        long id = accounts.findByUsername(authentication.getName()).map(u -> u.user().id()).orElse(0L);
        return Optional.of(new UserRef(id, authentication.getName(), authentication.getName(), roles));
    }

    @Override
    public Locale locale() {
        UI ui = UI.getCurrent();
        return ui != null ? ui.getLocale() : Locale.ENGLISH;
    }
}

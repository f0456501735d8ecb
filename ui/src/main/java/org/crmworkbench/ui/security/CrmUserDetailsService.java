package org.crmworkbench.ui.security;

import org.crmworkbench.core.user.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Looks users up in {@code crm_core.app_user} for Spring Security's login. */
@Service
class CrmUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final Clock clock;

    CrmUserDetailsService(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username).map(user -> new CrmUserDetails(user, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}

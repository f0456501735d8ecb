package org.crmworkbench.ui.security;

import org.crmworkbench.core.user.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks users up in {@code crm_core.app_user} for Spring Security's login. */
@Service
class CrmUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    CrmUserDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username).map(CrmUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}

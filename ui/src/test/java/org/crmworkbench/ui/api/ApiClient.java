package org.crmworkbench.ui.api;

import jakarta.servlet.Filter;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** For tests of the REST API and the actuator: requests through the real filter chains, and users' API tokens. */
public final class ApiClient {

    private ApiClient() {
    }

    /** MockMvc on the shared test context with Spring Security's chains and, first, the given servlet filters. */
    public static MockMvc mvc(WebApplicationContext context, Filter... filters) {
        return MockMvcBuilders.webAppContextSetup(context).addFilters(filters).apply(springSecurity()).build();
    }

    /** A new API token of a stored user, by user name; the secret to send as {@code Authorization: Bearer}. */
    public static String token(ApiTokens tokens, UserAccounts users, String username, String name) {
        return tokens.create(users.findByUsername(username).orElseThrow().user().id(), name).secret();
    }
}

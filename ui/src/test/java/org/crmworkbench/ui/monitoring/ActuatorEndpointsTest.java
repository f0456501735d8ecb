package org.crmworkbench.ui.monitoring;

import jakarta.servlet.Filter;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.ui.api.ApiClient;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.security.SecurityHeadersFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operations endpoints through the real filter chains on the shared test context: the probes a
 * load balancer asks without login, the Prometheus scrape with an admin's API token, nothing else.
 */
class ActuatorEndpointsTest extends UiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserAccounts users;
    @Autowired
    PluginHost host;
    @Autowired
    SecurityHeadersFilter securityHeaders;

    private MockMvc mvc;

    @BeforeEach
    void client() {
        // the servlet filters a real server runs before Spring Security: request timings and security headers
        Filter timings = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map(FilterRegistrationBean::getFilter).filter(ServerHttpObservationFilter.class::isInstance)
                .findFirst().orElseThrow();
        mvc = ApiClient.mvc(context, timings, securityHeaders);
    }

    @Test
    void the_probes_answer_without_login_and_say_only_up() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            mvc.perform(get(probe)).andExpect(status().isOk())
                    .andExpect(content().json("{\"status\": \"UP\"}", true))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().exists("Content-Security-Policy"));
        }
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().json("{\"status\": \"UP\", \"groups\": [\"liveness\", \"readiness\"]}", true));
        mvc.perform(get("/actuator/health/database")).andExpect(status().isUnauthorized()); // no single component
    }

    @Test
    void prometheus_needs_an_admin_token() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(header().exists("Content-Security-Policy"));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer crm_forged")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + tokenOf("manager")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("api.error.forbidden"));
    }

    @Test
    void prometheus_shows_request_timings_sessions_plugin_states_and_the_connection_pools() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        String scrape = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + tokenOf("admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/plain")))
                .andExpect(header().exists("Content-Security-Policy"))
                .andReturn().getResponse().getContentAsString();

        assertThat(scrape).contains("http_server_requests_seconds_count{", "uri=\"/actuator/health/**\"",
                "hikaricp_connections_active{pool=\"crm\"}", "hikaricp_connections_max{pool=\"crm-customer-rating\"}",
                "crm_sessions ", "crm_plugins{state=\"DISABLED\"}", "crm_plugins{state=\"FAILED\"}");
        var enabled = Pattern.compile("^crm_plugins\\{state=\"ENABLED\"} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(enabled.find()).as("crm_plugins{state=\"ENABLED\"}").isTrue();
        assertThat(Double.parseDouble(enabled.group(1)))
                .isEqualTo(host.statusCounts().get(PluginStatus.ENABLED).doubleValue()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void no_other_actuator_endpoint_is_reachable_even_for_an_admin() throws Exception {
        String admin = "Bearer " + tokenOf("admin");
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics",
                "/actuator/loggers", "/actuator/heapdump", "/actuator/health/database")) {
            int anonymous = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            int asAdmin = mvc.perform(get(path).header("Authorization", admin)).andReturn().getResponse().getStatus();
            assertThat(anonymous).as(path + " anonymous").isEqualTo(401);
            assertThat(asAdmin).as(path + " as admin").isEqualTo(403);
        }
    }

    private String tokenOf(String username) {
        return ApiClient.token(tokens, users, username, "monitoring");
    }
}

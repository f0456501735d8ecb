package org.crmworkbench.ui.api;

import com.jayway.jsonpath.JsonPath;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Plugin admin over the REST API: ADMIN only, the same host operations and security log entries as the view. */
class PluginsApiTest extends UiTest {

    private static final String PLUGIN = "wholesale-chain";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserAccounts users;
    @Autowired
    PluginHost host;
    @Autowired
    SecurityLog securityLog;

    private MockMvc mvc;
    private String adminToken;
    private String managerToken;

    @BeforeEach
    void client() {
        mvc = ApiClient.mvc(context);
        adminToken = ApiClient.token(tokens, users, "admin", "test");
        managerToken = ApiClient.token(tokens, users, "manager", "test");
    }

    @Test
    void an_admin_lists_the_plugins_with_their_state() throws Exception {
        var json = mvc.perform(as(get("/api/v1/plugins"), adminToken)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(json, "$[*].id")).contains("customer-rating", "nps-surveys", PLUGIN);
        mvc.perform(as(get("/api/v1/plugins/" + PLUGIN), adminToken)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENABLED")).andExpect(jsonPath("$.schema").value("crm_wholesale_chain"));
        mvc.perform(as(get("/api/v1/plugins/no-such-plugin"), adminToken)).andExpect(status().isNotFound());
    }

    @Test
    void other_roles_get_403_and_change_nothing() throws Exception {
        mvc.perform(as(get("/api/v1/plugins"), managerToken)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("api.error.forbidden"));
        mvc.perform(as(post("/api/v1/plugins/" + PLUGIN + "/disable"), managerToken)).andExpect(status().isForbidden());
        assertThat(host.find(PLUGIN).orElseThrow().status()).isEqualTo(PluginStatus.ENABLED);
    }

    @Test
    void an_admin_disables_and_enables_a_plugin_and_both_are_in_the_security_log() throws Exception {
        int disabledBefore = securityLog.count(SecurityLog.Kind.PLUGIN_DISABLED);
        int enabledBefore = securityLog.count(SecurityLog.Kind.PLUGIN_ENABLED);
        try {
            mvc.perform(as(post("/api/v1/plugins/" + PLUGIN + "/disable"), adminToken)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DISABLED"));
            assertThat(host.startedPlugin(PLUGIN)).as("stopped").isEmpty();
            mvc.perform(as(post("/api/v1/plugins/" + PLUGIN + "/enable"), adminToken)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ENABLED"));
            assertThat(host.startedPlugin(PLUGIN)).as("started again").isPresent();
        } finally {
            if (host.startedPlugin(PLUGIN).isEmpty()) {
                host.enable(PLUGIN); // the other tests of this context need it
            }
        }
        assertThat(securityLog.count(SecurityLog.Kind.PLUGIN_DISABLED)).isEqualTo(disabledBefore + 1);
        assertThat(securityLog.count(SecurityLog.Kind.PLUGIN_ENABLED)).isEqualTo(enabledBefore + 1);
        mvc.perform(as(post("/api/v1/plugins/no-such-plugin/disable"), adminToken)).andExpect(status().isNotFound());
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}

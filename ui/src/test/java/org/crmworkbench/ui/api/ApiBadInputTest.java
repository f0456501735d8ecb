package org.crmworkbench.ui.api;

import com.jayway.jsonpath.JsonPath;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.BadInput;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Malformed JSON, wrong types, hostile text and forged tokens on the REST API: a clear problem, no change. */
class ApiBadInputTest extends UiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserAccounts users;
    @Autowired
    AccountService accounts;

    private MockMvc mvc;
    private String token;

    @BeforeEach
    void client() {
        mvc = ApiClient.mvc(context);
        token = ApiClient.token(tokens, users, "manager", "bad input");
    }

    @Test
    void malformed_json_gets_400_saying_the_body_is_unreadable_and_nothing_is_created() throws Exception {
        int before = accounts.count(AccountQuery.all(), manager());
        for (String body : new String[]{"{\"data\": {\"name\": ", "[1, 2]", "not json", "{\"data\": {\"name\": \"A\",}}", ""}) {
            mvc.perform(json(post("/api/v1/accounts"), body)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("api.error.unreadable"))
                    .andExpect(jsonPath("$.title").value("The request body is not valid JSON for this resource"));
        }
        byte[] badUtf8 = "{\"data\": {\"name\": \"Caf\u00e9\", \"country\": \"NL\", \"level\": \"REGIONAL\", \"stage\": \"LEAD\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(as(post("/api/v1/accounts")).contentType(MediaType.APPLICATION_JSON).content(badUtf8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.error.unreadable"));
        mvc.perform(as(post("/api/v1/accounts")).contentType(MediaType.TEXT_PLAIN).content(account("\"Plain\"", "\"REGIONAL\"", "1")))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(accounts.count(AccountQuery.all(), manager())).isEqualTo(before);
    }

    @Test
    void a_value_of_the_wrong_type_gets_400_naming_the_field_and_nothing_changes() throws Exception {
        int before = accounts.count(AccountQuery.all(), manager());
        String[][] cases = {
                {account("\"Planeet BV\"", "\"PLANET\"", "1"), "data.level"},
                {account("\"Bedrag BV\"", "\"REGIONAL\"", "\"veel\""), "data.potentialValue"},
                {account("{\"first\": \"Object\"}", "\"REGIONAL\"", "1"), "data.name"},
                {account("[\"Lijst\"]", "\"REGIONAL\"", "1"), "data.name"},
                {"{\"accountId\": \"abc\", " + account("\"Id BV\"", "\"REGIONAL\"", "1").substring(1), "accountId"},
        };
        for (String[] bad : cases) {
            mvc.perform(json(post("/api/v1/accounts").header("Accept-Language", "en"), bad[0])).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("api.error.field-type"))
                    .andExpect(jsonPath("$.field").value(bad[1]))
                    .andExpect(jsonPath("$.title").value("The field " + bad[1] + " has a value of the wrong type or format"));
        }
        assertThat(accounts.count(AccountQuery.all(), manager())).isEqualTo(before);

        long id = created(account("\"Typefout " + System.nanoTime() + "\"", "\"REGIONAL\"", "1"));
        mvc.perform(json(put("/api/v1/accounts/" + id).header("Accept-Language", "nl"),
                        "{\"version\": \"nul\", " + account("\"Anders\"", "\"REGIONAL\"", "1").substring(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("version"))
                .andExpect(jsonPath("$.title").value("Het veld version heeft een waarde van het verkeerde type of formaat"));
        mvc.perform(json(put("/api/v1/accounts/abc"), account("\"Anders\"", "\"REGIONAL\"", "1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.error.parameter"));
        var after = accounts.find(id, manager()).orElseThrow();
        assertThat(after.version()).as("unchanged").isZero();
        assertThat(after.data().name()).startsWith("Typefout");
    }

    @Test
    void sql_meta_characters_and_markup_are_stored_and_returned_literally_and_over_long_text_is_refused() throws Exception {
        String name = "Api" + System.nanoTime() + " " + BadInput.SQL + BadInput.HTML;
        String quoted = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        long id = created(account(quoted, "\"REGIONAL\"", "1"));
        assertThat(accounts.find(id, manager()).orElseThrow().data().name()).isEqualTo(name);
        var json = mvc.perform(as(get("/api/v1/accounts").param("search", name))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<Integer>read(json, "$.total")).isEqualTo(1);
        assertThat(JsonPath.<String>read(json, "$.items[0].name")).isEqualTo(name);
        mvc.perform(as(get("/api/v1/accounts").param("search", name.substring(0, 8) + "%"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));

        int before = accounts.count(AccountQuery.all(), manager());
        mvc.perform(json(post("/api/v1/accounts"), account("\"" + BadInput.ofLength(201) + "\"", "\"REGIONAL\"", "1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("account.error.name-length"));
        assertThat(accounts.count(AccountQuery.all(), manager())).isEqualTo(before);
    }

    @Test
    void forged_and_altered_bearer_tokens_get_401_and_change_nothing() throws Exception {
        int before = accounts.count(AccountQuery.all(), manager());
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String[] forged = {altered, token + "x", token.substring(0, token.length() - 1), "crm_" + "A".repeat(43),
                "crm_' OR '1'='1", "crm_" + "x".repeat(10_000), "", token.toUpperCase()};
        for (String bad : forged) {
            mvc.perform(post("/api/v1/accounts").header("Authorization", "Bearer " + bad)
                            .contentType(MediaType.APPLICATION_JSON).content(account("\"Vals BV\"", "\"REGIONAL\"", "1")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("api.error.unauthorized"))
                    .andExpect(jsonPath("$.title").value("Send a valid personal API token: Authorization: Bearer <token>"));
        }
        assertThat(accounts.count(AccountQuery.all(), manager())).isEqualTo(before);
        mvc.perform(as(get("/api/v1/accounts"))).andExpect(status().isOk());
    }

    private String account(String name, String level, String potential) {
        return "{\"data\": {\"name\": " + name + ", \"city\": \"Gent\", \"country\": \"BE\", \"level\": " + level
                + ", \"stage\": \"LEAD\", \"potentialValue\": " + potential + "}}";
    }

    private long created(String body) throws Exception {
        var response = mvc.perform(json(post("/api/v1/accounts"), body)).andExpect(status().isCreated()).andReturn();
        return JsonPath.<Number>read(response.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id").longValue();
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return as(request).contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8).content(body);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private UserRef manager() {
        return users.findByUsername("manager").orElseThrow().user();
    }
}

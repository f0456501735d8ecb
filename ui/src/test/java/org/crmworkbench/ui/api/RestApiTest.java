package org.crmworkbench.ui.api;

import com.jayway.jsonpath.JsonPath;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST API through the real filter chains and controllers, on the shared test context (real
 * MariaDB with demo data): token authentication, CRUD with optimistic locking, paging, permissions.
 */
class RestApiTest extends UiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserAccounts users;
    @Autowired
    AccountService accounts;

    private MockMvc mvc;
    private String managerToken;
    private String salesToken;

    @BeforeEach
    void client() {
        mvc = ApiClient.mvc(context);
        managerToken = ApiClient.token(tokens, users, "manager", "test");
        salesToken = ApiClient.token(tokens, users, "sales", "test");
    }

    @Test
    void the_openapi_description_is_served_without_login() throws Exception {
        var json = body(mvc.perform(get("/api/v1/openapi.json")).andExpect(status().isOk()).andReturn());
        assertThat(JsonPath.<String>read(json, "$.info.title")).isEqualTo("CRM Workbench API");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(json, "$.paths")).containsKeys("/api/v1/accounts",
                "/api/v1/accounts/{id}", "/api/v1/contacts", "/api/v1/interactions", "/api/v1/opportunities",
                "/api/v1/orders/{id}", "/api/v1/products");
        assertThat(JsonPath.<String>read(json, "$.components.securitySchemes.token.scheme")).isEqualTo("bearer");
    }

    @Test
    void requests_without_a_valid_token_get_401_and_a_revoked_token_stops_working() throws Exception {
        mvc.perform(get("/api/v1/accounts")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.code").value("api.error.unauthorized"));
        mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer crm_forged")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/accounts").header("Authorization", "Basic bWFuYWdlcjptYW5hZ2VyLWRlbW8="))
                .andExpect(status().isUnauthorized());

        var created = tokens.create(user("manager").id(), "to revoke");
        mvc.perform(as(get("/api/v1/accounts"), created.secret())).andExpect(status().isOk());
        tokens.revoke(user("manager").id(), created.token().id());
        mvc.perform(as(get("/api/v1/accounts"), created.secret())).andExpect(status().isUnauthorized());
    }

    @Test
    void an_account_is_created_read_updated_with_its_version_and_deleted() throws Exception {
        String name = "Api Bakkerij " + System.nanoTime();
        var created = mvc.perform(as(post("/api/v1/accounts"), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content(accountJson(null, name, "Zwolle")))
                .andExpect(status().isCreated()).andReturn();
        long id = JsonPath.<Number>read(body(created), "$.id").longValue();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/accounts/" + id);

        mvc.perform(as(get("/api/v1/accounts/" + id), managerToken)).andExpect(status().isOk())
                .andExpect(jsonPath("$.data.name").value(name)).andExpect(jsonPath("$.version").value(0));
        mvc.perform(as(put("/api/v1/accounts/" + id), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content(accountJson(0, name, "Deventer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.data.city").value("Deventer"))
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.updatedBy").value("manager"));

        mvc.perform(as(put("/api/v1/accounts/" + id), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content(accountJson(0, name, "Kampen")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.changedBy").value("manager"));
        mvc.perform(as(put("/api/v1/accounts/" + id), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "nl").content(accountJson(1, " ", "Kampen")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("De invoer is niet geldig; zie errors"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("account.error.name-required"));
        mvc.perform(as(put("/api/v1/accounts/" + id), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"data\": {\"name\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.error.unreadable"));
        mvc.perform(as(put("/api/v1/accounts/" + id), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content(accountJson(null, name, "Kampen")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(accounts.find(id, user("manager")).orElseThrow().data().city()).as("nothing saved").isEqualTo("Deventer");

        mvc.perform(as(delete("/api/v1/accounts/" + id).param("version", "0"), managerToken)).andExpect(status().isConflict());
        mvc.perform(as(delete("/api/v1/accounts/" + id).param("version", "1"), managerToken)).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/accounts/" + id), managerToken)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("api.error.not-found"));
    }

    @Test
    void lists_are_paged_filtered_and_sorted_in_sql() throws Exception {
        UserRef manager = user("manager");
        var query = new AccountQuery("", LifecycleStage.LOYAL_CUSTOMER, null, null, null, false, List.of());
        int total = accounts.count(query, manager);
        var secondPage = accounts.page(new AccountQuery("", LifecycleStage.LOYAL_CUSTOMER, null, null, null, false,
                List.of(new AccountQuery.Sort("name", false))), manager, 5, 5);
        var json = body(mvc.perform(as(get("/api/v1/accounts").param("stage", "LOYAL_CUSTOMER").param("sort", "-name")
                .param("page", "1").param("size", "5"), managerToken)).andExpect(status().isOk()).andReturn());

        assertThat(JsonPath.<Integer>read(json, "$.total")).isEqualTo(total).isGreaterThan(10);
        assertThat(JsonPath.<List<Number>>read(json, "$.items[*].id")).extracting(Number::longValue)
                .containsExactlyElementsOf(secondPage.stream().map(r -> r.id()).toList());
        mvc.perform(as(get("/api/v1/accounts").param("size", "500"), managerToken)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(as(get("/api/v1/accounts").param("stage", "SOMEDAY"), managerToken)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("stage"));
        mvc.perform(as(get("/api/v1/orders"), managerToken)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.error.parameter-missing")).andExpect(jsonPath("$.parameter").value("accountId"));
        mvc.perform(as(get("/api/v1/contacts").param("dmuRole", "DECIDER").param("size", "3"), managerToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].contact.data.dmuRole").value("DECIDER"));
        mvc.perform(as(get("/api/v1/products").param("search", "VP"), managerToken)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].data.code").value(org.hamcrest.Matchers.startsWith("VP")));
    }

    @Test
    void sales_gets_the_permissions_it_has_in_the_ui() throws Exception {
        UserRef sales = user("sales");
        long notTheirs = accounts.page(new AccountQuery("", null, null, null, user("sales2").id(), false, List.of()),
                user("manager"), 0, 1).getFirst().id();
        mvc.perform(as(get("/api/v1/accounts/" + notTheirs), salesToken)).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/accounts"), salesToken)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(accounts.count(AccountQuery.all(), sales)));
        mvc.perform(as(delete("/api/v1/accounts/" + notTheirs), salesToken)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("account.error.delete-not-allowed"));
        mvc.perform(as(post("/api/v1/products"), salesToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"data\": {\"code\": \"X-1\", \"name\": \"X\", \"productGroup\": \"X\", \"active\": true}}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("product.error.not-allowed"));
        var own = mvc.perform(as(post("/api/v1/accounts"), salesToken).contentType(MediaType.APPLICATION_JSON)
                        .content(accountJson(null, "Api Eigen " + System.nanoTime(), "Breda")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.data.accountManagerId").value(sales.id())).andReturn();
        assertThat(accounts.find(JsonPath.<Number>read(body(own), "$.id").longValue(), sales)).as("theirs").isPresent();
        mvc.perform(as(post("/api/v1/accounts"), salesToken).contentType(MediaType.APPLICATION_JSON)
                        .content(accountJson(null, "Api Niemand", "Breda").replace("\"city\"", "\"accountManagerId\": 999999, \"city\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("accountManagerId"));
        mvc.perform(as(post("/api/v1/accounts"), salesToken).contentType(MediaType.APPLICATION_JSON)
                        .content(accountJson(null, "Api Exponent", "Breda").replace("\"city\"", "\"potentialValue\": 1e-999999999, \"city\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("potentialValue"));
        mvc.perform(as(post("/api/v1/contacts"), salesToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\": " + notTheirs + ", \"data\": {\"lastName\": \"Smit\", \"active\": true}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("account"));
    }

    @Test
    void contacts_interactions_opportunities_products_and_orders_round_trip() throws Exception {
        long account = JsonPath.<Number>read(body(mvc.perform(as(post("/api/v1/accounts"), managerToken)
                .contentType(MediaType.APPLICATION_JSON).content(accountJson(null, "Api Drukkerij " + System.nanoTime(), "Gent")))
                .andExpect(status().isCreated()).andReturn()), "$.id").longValue();

        long contact = created(post("/api/v1/contacts"), "{\"accountId\": " + account + ", \"data\": {\"firstName\": \"Els\","
                + " \"lastName\": \"Peeters\", \"email\": \"els@drukkerij.be\", \"dmuRole\": \"BUYER\", \"emailConsent\": true, \"active\": true}}");
        mvc.perform(as(put("/api/v1/contacts/" + contact), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"data\": {\"lastName\": \"Peeters\", \"email\": \"not-an-email\", \"active\": true}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(as(put("/api/v1/contacts/" + contact), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"data\": {\"firstName\": \"Els\", \"lastName\": \"Peeters\", \"dmuRole\": \"DECIDER\","
                                + " \"active\": true}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.data.dmuRole").value("DECIDER"));

        long interaction = created(post("/api/v1/interactions"), "{\"accountId\": " + account + ", \"data\": {\"kind\": \"COMPLAINT\","
                + " \"occurredAt\": \"2026-11-20T09:30:00\", \"summary\": \"Late delivery\", \"contactIds\": [" + contact + "],"
                + " \"followUp\": \"OPEN\", \"followUpDue\": \"2026-11-27\"}}");
        mvc.perform(as(get("/api/v1/interactions").param("accountId", String.valueOf(account)), managerToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].contactNames[0]").value("Els Peeters"));
        mvc.perform(as(delete("/api/v1/interactions/" + interaction), managerToken)).andExpect(status().isNoContent());

        long opportunity = created(post("/api/v1/opportunities"), "{\"accountId\": " + account + ", \"data\": {\"name\": \"Printers\","
                + " \"stage\": \"PROPOSALS\", \"status\": \"OPEN\", \"amount\": 12000, \"probability\": 50, \"ownerId\": "
                + user("manager").id() + "}}");
        mvc.perform(as(put("/api/v1/opportunities/" + opportunity), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"data\": {\"name\": \"Printers\", \"stage\": \"ORDERING\", \"status\": \"WON\","
                                + " \"amount\": 12500, \"probability\": 100, \"ownerId\": " + user("manager").id() + "}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.data.status").value("WON"));
        mvc.perform(as(get("/api/v1/opportunities").param("accountId", String.valueOf(account)).param("status", "WON"), managerToken))
                .andExpect(jsonPath("$.total").value(1));

        String code = "API-" + System.nanoTime() % 1_000_000;
        long product = created(post("/api/v1/products"), "{\"data\": {\"code\": \"" + code + "\", \"name\": \"Papier\","
                + " \"productGroup\": \"Kantoor\", \"listPrice\": 4.5, \"active\": true}}");
        long order = created(post("/api/v1/orders"), "{\"accountId\": " + account + ", \"data\": {\"orderNumber\": \"" + code
                + "\", \"orderDate\": \"" + LocalDate.now().minusDays(2) + "\", \"lines\": [{\"productId\": " + product
                + ", \"quantity\": 10, \"unitPrice\": 4.5, \"marginPct\": 25}]}}");
        assertThat(accounts.find(account, user("manager")).orElseThrow().data().stage()).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        mvc.perform(as(put("/api/v1/orders/" + order), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"data\": {\"orderNumber\": \"" + code + "\", \"orderDate\": \""
                                + LocalDate.now().minusDays(1) + "\", \"lines\": [{\"productId\": " + product
                                + ", \"quantity\": 20, \"unitPrice\": 4.25}, {\"productId\": " + product + ", \"quantity\": 0, \"unitPrice\": 1}]}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[1].quantity"));
        mvc.perform(as(put("/api/v1/orders/" + order), managerToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"data\": {\"orderNumber\": \"" + code + "\", \"orderDate\": \""
                                + LocalDate.now().minusDays(1) + "\", \"lines\": [{\"productId\": " + product
                                + ", \"quantity\": 20, \"unitPrice\": 4.25}]}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.data.lines[0].quantity").value(20));
        mvc.perform(as(get("/api/v1/orders").param("accountId", String.valueOf(account)), managerToken))
                .andExpect(jsonPath("$.items[0].amount").value(85.0));
        mvc.perform(as(delete("/api/v1/products/" + product), managerToken)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("product.error.in-use"));
        mvc.perform(as(delete("/api/v1/orders/" + order).param("version", "1"), managerToken)).andExpect(status().isNoContent());
        mvc.perform(as(delete("/api/v1/products/" + product), managerToken)).andExpect(status().isNoContent());
        mvc.perform(as(delete("/api/v1/contacts/" + contact), managerToken)).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/contacts/" + contact), managerToken)).andExpect(status().isNotFound());
    }

    private long created(MockHttpServletRequestBuilder request, String json) throws Exception {
        var result = mvc.perform(as(request, managerToken).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn();
        return JsonPath.<Number>read(body(result), "$.id").longValue();
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String accountJson(Integer version, String name, String city) {
        return "{" + (version == null ? "" : "\"version\": " + version + ", ") + "\"data\": {\"name\": \"" + name
                + "\", \"city\": \"" + city + "\", \"country\": \"NL\", \"level\": \"REGIONAL\", \"stage\": \"HOT_LEAD\"}}";
    }

    private UserRef user(String name) {
        return users.findByUsername(name).orElseThrow().user();
    }
}

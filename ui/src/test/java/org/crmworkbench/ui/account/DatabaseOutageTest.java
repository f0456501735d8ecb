package org.crmworkbench.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.crmworkbench.core.account.AccountQuery;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.EmbeddedMariaDb;
import org.crmworkbench.ui.UiTest;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.sql.SQLNonTransientConnectionException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A database outage in the middle of editing: the embedded server of the shared test context is
 * stopped and started again (same data, same port), and the workbench has to cope by itself. The REST
 * API answers 503 meanwhile, and the readiness probe says DOWN (the liveness probe stays UP).
 */
class DatabaseOutageTest extends UiTest {

    @Autowired
    CrmDatabase database;
    @Autowired
    AccountService accounts;
    @Autowired
    UserAccounts users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    WebApplicationContext context;

    private boolean stopped;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void while_the_database_is_down_a_save_keeps_the_input_and_a_banner_shows_until_the_database_is_back()
            throws Exception {
        var editor = navigate(AccountEditorView.class, AccountEditorView.NEW);
        roundTrip(); // the tab sheet attaches the selected tab's content on the round trip
        String name = "Storing Bakkerij " + System.nanoTime();
        test(editor.form.name).setValue(name);
        test(editor.form.city).setValue("Zwolle");
        assertThat(bannerShown()).as("no banner while the database is up").isFalse();
        var api = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String token = tokens.create(users.findByUsername("manager").orElseThrow().user().id(), "outage").secret();

        server().stopServer();
        stopped = true;
        long before = System.nanoTime();
        test(editor.form.save).click();

        assertThat((System.nanoTime() - before) / 1_000_000).as("fails fast, not after Hikari's default 30 s")
                .isLessThan(10_000);
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("Not saved: the database cannot be reached. Your input is kept; save again once the banner is gone.");
        assertThat(getCurrentView()).as("still the form").isSameAs(editor);
        assertThat(editor.form.name.getValue()).isEqualTo(name);
        assertThat(editor.form.city.getValue()).isEqualTo("Zwolle");
        assertThat(bannerShown()).isTrue();
        assertThat($(Div.class).id("database-outage").getText()).isEqualTo(
                "The database cannot be reached. Your input is kept; the workbench reconnects by itself.");
        assertThat(UI.getCurrent().getPollInterval()).as("polls so the banner can go").isPositive();

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(
                new DataAccessException("any other action", new SQLNonTransientConnectionException("gone", "08000"))));
        assertThat(test($(Notification.class).last()).getText()).as("any action: a notice, no stack trace")
                .startsWith("That did not work: the database cannot be reached.");

        api.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + token))
                .andExpect(status().isServiceUnavailable()).andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("api.error.database-unavailable"));
        api.perform(get("/actuator/health/readiness")) // the load balancer sends no new users here
                .andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.status").value("DOWN"));
        api.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));

        server().startServer();
        stopped = false;
        awaitBackground(this::bannerShown);
        assertThat(UI.getCurrent().getPollInterval()).isNegative();

        test(editor.form.save).click();
        assertThat(test($(Notification.class).last()).getText()).contains("created");
        var manager = users.findByUsername("manager").orElseThrow().user();
        var saved = accounts.page(new AccountQuery(name, null, null, null, null, false, List.of()), manager, 0, 10);
        assertThat(saved).extracting(row -> row.name() + " in " + row.city()).containsExactly(name + " in Zwolle");
        api.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        api.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    /** Leaves the shared server running for the other tests, whatever happened. */
    @AfterEach
    void serverRunsAgain() {
        if (stopped) {
            server().startServer();
        }
    }

    private EmbeddedMariaDb server() {
        return database.embeddedServer().orElseThrow();
    }

    private boolean bannerShown() {
        return $(Div.class).withId("database-outage").exists(); // finds visible components only
    }
}

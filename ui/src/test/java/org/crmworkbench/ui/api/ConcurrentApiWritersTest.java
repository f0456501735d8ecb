package org.crmworkbench.ui.api;

import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 REST clients write the same three accounts over loopback HTTP for a bounded time (60 s, or
 * {@code -Dcrm.test.writers.seconds=N}). Each one reads an account, adds 1 to its potential value and
 * writes it back with the version it read; a 409 makes it read again and retry. No update may be lost:
 * in the end each account's value and version equal the number of writes that succeeded on it.
 *
 * <p>Runs on a real server port, so it has its own context and its own embedded MariaDB (closed after
 * the class), without plugins or demo data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrentApiWritersTest {

    private static final int WRITERS = 20;
    private static final int ACCOUNTS = 3;
    private static final Path DATA_DIR = TestFolders.emptied(Path.of("target", "api-writers-data").toAbsolutePath());

    @DynamicPropertySource
    static void workbench(DynamicPropertyRegistry registry) {
        registry.add("crm.data-dir", DATA_DIR::toString);
        registry.add("crm.db.embedded-port", () -> "0");
        registry.add("crm.bundled-plugins-dir", () -> DATA_DIR.resolve("no-plugins").toString());
        registry.add("crm.demo-data", () -> "false");
    }

    /**
     * Vaadin's security configuration installs its context holder strategy JVM-wide, so this second
     * context would take over sign-ins of the shared browserless test context (each strategy keeps
     * its own thread local). Put back the one that was there before.
     */
    private static SecurityContextHolderStrategy strategyBefore;

    @BeforeAll
    static void rememberSecurityStrategy() {
        strategyBefore = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterAll
    static void restoreSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(strategyBefore);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserAccounts users;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    @Test
    void twenty_writers_on_the_same_accounts_lose_no_update_and_conflicts_are_409_problems() throws Exception {
        long admin = users.findByUsername(UserAccounts.INITIAL_ADMIN).orElseThrow().user().id();
        token = tokens.create(admin, "concurrent writers").secret();
        var ids = new ArrayList<Long>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(createAccount("Gelijktijdig " + i + " " + System.nanoTime()));
        }
        Map<Long, LongAdder> written = new ConcurrentHashMap<>();
        ids.forEach(id -> written.put(id, new LongAdder()));
        var conflicts = new LongAdder();
        var unexpected = new ConcurrentHashMap<String, AtomicInteger>();
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("crm.test.writers.seconds", 60)).toNanos();

        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        var put = increment(id);
                        if (put.statusCode() == 200) {
                            written.get(id).increment();
                        } else if (put.statusCode() == 409 && isConflictProblem(put)) {
                            conflicts.increment();
                        } else {
                            unexpected.computeIfAbsent(put.statusCode() + " " + put.body(), k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }

        LoggerFactory.getLogger(ConcurrentApiWritersTest.class).info("{} writers: {} writes, {} conflicts (409) retried",
                WRITERS, written.values().stream().mapToLong(LongAdder::sum).sum(), conflicts.sum());
        assertThat(unexpected).as("no 500s, no other answers than 200 and a 409 problem").isEmpty();
        long successes = written.values().stream().mapToLong(LongAdder::sum).sum();
        assertThat(successes).as("writes went through").isPositive();
        assertThat(conflicts.sum()).as("20 writers on 3 accounts do collide").isPositive();
        for (long id : ids) {
            var account = json.readTree(get(id).body());
            long count = written.get(id).sum();
            assertThat(account.path("data").path("potentialValue").decimalValue())
                    .as("account %d: every successful write counted once", id).isEqualByComparingTo(BigDecimal.valueOf(count));
            assertThat(account.path("version").longValue()).as("account %d: one version per write", id).isEqualTo(count);
        }
    }

    /** Reads the account and writes it back with its potential value plus 1 and the version read. */
    private HttpResponse<String> increment(long id) throws IOException, InterruptedException {
        var read = get(id);
        assertThat(read.statusCode()).as("GET %d: %s", id, read.body()).isEqualTo(200);
        JsonNode account = json.readTree(read.body());
        var data = (ObjectNode) account.path("data");
        data.put("potentialValue", data.path("potentialValue").decimalValue().add(BigDecimal.ONE));
        var body = json.createObjectNode();
        body.put("version", account.path("version").intValue());
        body.set("data", data);
        return http.send(request("/api/v1/accounts/" + id).PUT(json(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean isConflictProblem(HttpResponse<String> response) {
        var problem = json.readTree(response.body());
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && problem.path("status").intValue() == 409
                && "api.error.conflict".equals(problem.path("code").stringValue())
                && problem.path("title").stringValue().startsWith("Not saved: someone changed this record")
                && "admin".equals(problem.path("changedBy").stringValue());
    }

    private long createAccount(String name) throws IOException, InterruptedException {
        String body = "{\"data\": {\"name\": \"" + name + "\", \"city\": \"Zwolle\", \"country\": \"NL\","
                + " \"level\": \"REGIONAL\", \"stage\": \"HOT_LEAD\", \"potentialValue\": 0}}";
        var created = http.send(request("/api/v1/accounts").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("id").longValue();
    }

    private HttpResponse<String> get(long id) throws IOException, InterruptedException {
        return http.send(request("/api/v1/accounts/" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", "en");
    }

    private HttpRequest.BodyPublisher json(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    }
}

package org.crmworkbench.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public NPS answer page under load over loopback HTTP, as a browser drives it: load the page,
 * Vaadin's init request, the navigation event, a click on a score, the comment and a click on
 * "Send" — five requests per respondent, each respondent with its own session and personal link.
 * Pages are opened first; then the submissions (score click, then comment and Send) start at a fixed
 * rate (open loop), at most {@link #MAX_IN_FLIGHT} at a time. The floor is the score click alone.
 */
final class PublicPageBench {

    static final int MAX_IN_FLIGHT = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Latencies of one kind of visit. */
    record Latencies(String what, int rate, int visits, int failed, double p50Ms, double p95Ms, double p99Ms,
                     double achievedRate) {
    }

    private final String base;
    /** One client for all sessions; each session carries its own cookie. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PublicPageBench(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** The figures of one measurement against a freshly started workbench. */
    record Outcome(Latencies opening, List<Latencies> submissions, List<Latencies> floors) {
    }

    /**
     * Starts the packaged workbench ({@code ui/target/dist}) with demo data on a free port; for each
     * rate opens {@code submissions} answer pages and submits them at that rate; stops it again.
     *
     * @return empty when the packaged app is not there (build it with {@code ./crm package})
     */
    static Optional<Outcome> measure(Path workDir, List<Integer> rates, int submissions) throws Exception {
        var jar = PackagedApp.jar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(workDir);
        try (var app = PackagedApp.start(jar.get(), workDir.resolve("app"), workDir.resolve("app.log"))) {
            int warmUp = submissions / 2;
            var tokens = prepareTokens(app.jdbcUrl(), "crm_app", app.appPassword(), warmUp + rates.size() * submissions);
            var bench = new PublicPageBench(app.base);
            // warm-up: the JIT, the pools and the caches
            bench.submitAll(bench.openAll(tokens.subList(0, warmUp), 40), rates.getFirst());
            var submitted = new ArrayList<Latencies>();
            var floors = new ArrayList<Latencies>();
            Latencies opening = null;
            for (int i = 0; i < rates.size(); i++) {
                int from = warmUp + i * submissions;
                var pages = bench.openAll(tokens.subList(from, from + submissions), 40);
                opening = opening == null ? bench.opened : opening;
                var measured = bench.submitAll(pages, rates.get(i));
                submitted.add(measured.get(0));
                floors.add(measured.get(1));
            }
            return Optional.of(new Outcome(opening, submitted, floors));
        }
    }

    /**
     * Against a running workbench: {@code base jdbcUrl user password rate visits}, e.g.
     * {@code http://localhost:8080/ jdbc:mariadb://127.0.0.1:3307/ crm_app secret 200 3000}.
     */
    public static void main(String[] args) throws Exception {
        var bench = new PublicPageBench(args[0]);
        int rate = Integer.parseInt(args[4]);
        int visits = Integer.parseInt(args[5]);
        var tokens = prepareTokens(args[1], args[2], args[3], visits);
        var pages = bench.openAll(tokens, 40);
        System.out.println(pages.size() + " pages open");
        bench.submitAll(pages, rate).forEach(System.out::println);
    }

    /**
     * Creates a running campaign inviting every contact and one personal link per invitation.
     *
     * @return the links' tokens
     */
    static List<String> prepareTokens(String jdbcUrl, String user, String password, int wanted) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            db.setAutoCommit(true);
            try (var statement = db.createStatement()) {
                statement.execute("INSERT INTO crm_nps_surveys.campaign (name, question_en, question_nl, status, opens_on, closes_on)"
                        + " VALUES (CONCAT('Load test ', UUID()), 'How likely is it that you would recommend us?',"
                        + " 'Hoe waarschijnlijk is het dat u ons aanbeveelt?', 'RUNNING', CURRENT_DATE, CURRENT_DATE + INTERVAL 7 DAY)");
                statement.execute("INSERT INTO crm_nps_surveys.invitation (campaign_id, contact_id, account_id, email, language, invited_at)"
                        + " SELECT LAST_INSERT_ID(), c.id, c.account_id, c.email, 'en', NOW() FROM crm_core.contact c"
                        + " ORDER BY c.id LIMIT " + wanted);
            }
            var ids = new ArrayList<Long>();
            try (var statement = db.createStatement();
                 var rows = statement.executeQuery("SELECT i.id FROM crm_nps_surveys.invitation i JOIN crm_nps_surveys.campaign c"
                         + " ON c.id = i.campaign_id WHERE c.name LIKE 'Load test %' AND NOT EXISTS (SELECT 1 FROM"
                         + " crm_nps_surveys.answer a WHERE a.invitation_id = i.id) ORDER BY i.id DESC LIMIT " + wanted)) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            var tokens = new ArrayList<String>(ids.size());
            try (var insert = db.prepareStatement("INSERT INTO crm_nps_surveys.invitation_token VALUES (?, ?, NOW())")) {
                for (long id : ids) {
                    byte[] bytes = new byte[32];
                    RANDOM.nextBytes(bytes);
                    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    insert.setBytes(1, sha256(token));
                    insert.setLong(2, id);
                    insert.addBatch();
                    tokens.add(token);
                }
                insert.executeBatch();
            }
            Collections.shuffle(tokens);
            return tokens;
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** A respondent with the answer page open. */
    record OpenPage(Session session, View view) {
    }

    /** The latencies of the last {@link #openAll}. */
    Latencies opened;

    /** Opens the answer page of every token, at most {@code rate} per second; the pages that opened. */
    List<OpenPage> openAll(List<String> tokens, int rate) throws InterruptedException {
        var pages = Collections.synchronizedList(new ArrayList<OpenPage>());
        var times = Collections.synchronizedList(new ArrayList<Double>());
        var inFlight = new Semaphore(MAX_IN_FLIGHT);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tokens.size(); i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                inFlight.acquire();
                String token = tokens.get(i);
                workers.submit(() -> {
                    try {
                        long t0 = System.nanoTime();
                        var session = new Session("public/nps-surveys/answer/" + token);
                        pages.add(new OpenPage(session, session.open()));
                        times.add((System.nanoTime() - t0) / 1e6);
                    } catch (IOException | RuntimeException e) {
                        // counted by the caller as pages that did not open
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        opened = latencies("opening the answer page (page, init, navigation)", rate, tokens.size(),
                tokens.size() - pages.size(), times, (System.nanoTime() - start) / 1e9);
        return pages;
    }

    /**
     * Submits an answer on every open page at {@code rate} per second (open loop, bounded): a click on
     * score 9, then the comment with a click on "Send", as a browser sends them. Measures the whole
     * submission and, as the floor, its first round trip alone (a click that changes a button).
     *
     * @return the submissions, then the floor
     */
    List<Latencies> submitAll(List<OpenPage> pages, int rate) throws InterruptedException {
        var submissions = Collections.synchronizedList(new ArrayList<Double>());
        var clicks = Collections.synchronizedList(new ArrayList<Double>());
        var failed = new AtomicInteger();
        var inFlight = new Semaphore(MAX_IN_FLIGHT);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < pages.size(); i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!inFlight.tryAcquire()) {
                    failed.incrementAndGet();
                    continue;
                }
                var page = pages.get(i);
                workers.submit(() -> {
                    try {
                        long t0 = System.nanoTime();
                        page.session().event(page.view().button("9"), "click", clickData());
                        clicks.add((System.nanoTime() - t0) / 1e6);
                        if (send(page.session(), page.view())) {
                            submissions.add((System.nanoTime() - t0) / 1e6);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return List.of(latencies("answer submission (score click + send)", rate, pages.size(), failed.get(), submissions, seconds),
                latencies("floor: the score click alone", rate, pages.size(), 0, clicks, seconds));
    }

    private static Latencies latencies(String what, int rate, int visits, int failed, List<Double> measured, double seconds) {
        var sorted = new ArrayList<>(measured);
        Collections.sort(sorted);
        return new Latencies(what, rate, visits, failed, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.size() / seconds);
    }

    private boolean send(Session session, View view) throws IOException, InterruptedException {
        int area = view.firstOfTag("vaadin-text-area");
        var rpc = JSON.createArrayNode();
        rpc.add(JSON.createObjectNode().put("type", "mSync").put("node", area).put("feature", 1).put("property", "value")
                .put("value", "Quick delivery"));
        rpc.add(JSON.createObjectNode().put("type", "event").put("node", area).put("event", "change")
                .set("data", JSON.createObjectNode()));
        rpc.add(JSON.createObjectNode().put("type", "event").put("node", view.button("Send")).put("event", "click")
                .set("data", clickData()));
        return session.post(rpc).toString().contains("Thank you!");
    }

    private static ObjectNode clickData() {
        var data = JSON.createObjectNode();
        for (String key : List.of("event.shiftKey", "event.metaKey", "event.ctrlKey", "event.altKey")) {
            data.put(key, false);
        }
        for (String key : List.of("event.detail", "event.clientX", "event.clientY", "event.button", "event.screenX", "event.screenY")) {
            data.put(key, key.equals("event.detail") ? 1 : 0);
        }
        return data;
    }

    /** The nodes of a rendered view: their tags and texts. */
    static final class View {
        final Map<Integer, String> tags = new HashMap<>();
        final Map<Integer, String> texts = new HashMap<>();
        final Map<Integer, List<Integer>> children = new HashMap<>();

        View(JsonNode changes) {
            for (JsonNode change : changes) {
                int node = change.get("node").asInt();
                String type = change.path("type").asString();
                if ("put".equals(type) && "tag".equals(change.path("key").asString())) {
                    tags.put(node, change.path("value").asString());
                } else if ("put".equals(type) && "text".equals(change.path("key").asString())) {
                    texts.put(node, change.path("value").asString());
                } else if ("splice".equals(type) && change.has("addNodes")) {
                    change.get("addNodes").forEach(child -> children.computeIfAbsent(node, k -> new ArrayList<>()).add(child.asInt()));
                }
            }
        }

        int button(String label) {
            return tags.entrySet().stream().filter(e -> e.getValue().equals("vaadin-button"))
                    .filter(e -> children.getOrDefault(e.getKey(), List.of()).stream().anyMatch(c -> label.equals(texts.get(c))))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new IllegalStateException("no button " + label));
        }

        int firstOfTag(String tag) {
            return tags.entrySet().stream().filter(e -> e.getValue().equals(tag)).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + tag));
        }
    }

    /** One browser tab: its own cookies (session), UI id, CSRF token and message ids. */
    final class Session {
        private final String route;
        private String cookie;
        private String csrf;
        private int uiId;
        private int syncId;
        private int clientId;

        Session(String route) {
            this.route = route;
        }

        View open() throws IOException, InterruptedException {
            send(HttpRequest.newBuilder(URI.create(base + route)).GET());
            String location = URLEncoder.encode(route, StandardCharsets.UTF_8);
            var init = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location=" + location + "&query="))
                    .GET())).get("appConfig");
            uiId = init.get("v-uiId").asInt();
            var uidl = init.get("uidl");
            csrf = uidl.get("Vaadin-Security-Key").asString();
            syncId = uidl.get("syncId").asInt();
            clientId = uidl.get("clientId").asInt();
            var data = JSON.createObjectNode().put("route", route).put("query", "").put("appShellTitle", "").put("trigger", "");
            data.set("historyState", JSON.createObjectNode().put("idx", 0));
            return new View(event(1, "ui-navigate", data).get("changes"));
        }

        JsonNode event(int node, String event, ObjectNode data) throws IOException, InterruptedException {
            ArrayNode rpc = JSON.createArrayNode();
            rpc.add(JSON.createObjectNode().put("type", "event").put("node", node).put("event", event).set("data", data));
            return post(rpc);
        }

        JsonNode post(ArrayNode rpc) throws IOException, InterruptedException {
            var body = JsonNodeFactory.instance.objectNode().put("csrfToken", csrf).put("syncId", syncId).put("clientId", clientId);
            body.set("rpc", rpc);
            String text = send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            if (text.startsWith("for(;;);")) {
                text = text.substring(8);
            }
            JsonNode response = JSON.readTree(text);
            if (response.isArray()) {
                response = response.get(0);
            }
            syncId = response.path("syncId").asInt(syncId);
            clientId = response.path("clientId").asInt(clientId + 1);
            return response;
        }

        private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Set-Cookie").ifPresent(value -> cookie = value.split(";", 2)[0]);
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + response.uri());
            }
            return response.body();
        }
    }
}

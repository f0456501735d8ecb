package org.crmworkbench.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One browser tab of one user, at the HTTP level: its cookies, the CSRF token of the login form, and
 * once a page is loaded Vaadin's UI id, security key and message ids. Sends what the Vaadin client
 * sends and keeps the {@link UiTree} up to date; static resources are not fetched (a browser has them
 * cached). Every request's round-trip time is kept in {@link #roundTrips} until the caller takes it.
 */
final class UiTab {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    final UiTree tree = new UiTree();
    final List<Double> roundTrips = new ArrayList<>();
    private String securityKey;
    private int uiId;
    private int syncId;
    private int clientId;

    UiTab(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /**
     * Spring Security's form login as the login page's form posts it: the page (for the session and the
     * CSRF token when there is one), then the form.
     *
     * @return whether the login was accepted (a redirect that is not back to the login page)
     */
    boolean signIn(String username, String password) throws IOException, InterruptedException {
        var page = send(HttpRequest.newBuilder(URI.create(base + "login")).GET());
        var form = new StringBuilder("username=").append(encode(username)).append("&password=").append(encode(password));
        var token = CSRF.matcher(page.body());
        if (token.find()) {
            form.append("&_csrf=").append(encode(token.group(1)));
        }
        var response = send(HttpRequest.newBuilder(URI.create(base + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        return response.statusCode() == 302
                && response.headers().firstValue("Location").filter(l -> !l.contains("/login")).isPresent();
    }

    /** Loads a route as the browser does on a page load: the page, Vaadin's init request, the navigation. */
    JsonNode load(String route) throws IOException, InterruptedException {
        ok(send(HttpRequest.newBuilder(URI.create(base + route)).GET()));
        tree.clear();
        var init = JSON.readTree(ok(send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location="
                + encode(route) + "&query=")).GET())).body()).path("appConfig");
        uiId = init.path("v-uiId").asInt();
        var uidl = init.path("uidl");
        securityKey = uidl.path("Vaadin-Security-Key").asString();
        syncId = uidl.path("syncId").asInt();
        clientId = uidl.path("clientId").asInt();
        tree.apply(uidl);
        return navigate(route);
    }

    /** An in-app navigation (a router link such as a side-nav item): the navigation event of the UI. */
    JsonNode navigate(String route) throws IOException, InterruptedException {
        var data = JSON.createObjectNode().put("route", route).put("query", "").put("appShellTitle", "").put("trigger", "");
        data.set("historyState", JSON.createObjectNode().put("idx", 0));
        return rpc(event(1, "ui-navigate", data));
    }

    /** A DOM event on a node, as a listener registered by the server receives it. */
    static ObjectNode event(int node, String event, ObjectNode data) {
        return JSON.createObjectNode().put("type", "event").put("node", node).put("event", event).set("data", data);
    }

    /** A property the client synchronises to the server, e.g. a field's value. */
    static ObjectNode sync(int node, String property, Object value) {
        var change = JSON.createObjectNode().put("type", "mSync").put("node", node).put("feature", 1).put("property", property);
        return value instanceof Integer number ? change.put("value", number) : change.put("value", String.valueOf(value));
    }

    /** A call of a server method the component publishes ({@code this.$server.name(args)}). */
    static ObjectNode call(int node, String method, int... args) {
        var call = JSON.createObjectNode().put("type", "publishedEventHandler").put("node", node)
                .put("templateEventMethodName", method).put("promise", 0);
        var arguments = call.putArray("templateEventMethodArgs");
        for (int arg : args) {
            arguments.add(arg);
        }
        return call;
    }

    /** The details a mouse click carries ({@code prefix} "event." for a click, "event.detail." for a grid row). */
    static ObjectNode clickData(String prefix) {
        var data = JSON.createObjectNode();
        for (String key : List.of("shiftKey", "metaKey", "ctrlKey", "altKey")) {
            data.put(prefix + key, false);
        }
        for (String key : List.of("clientX", "clientY", "button", "screenX", "screenY")) {
            data.put(prefix + key, 0);
        }
        return data.put(prefix + "detail", 1);
    }

    /**
     * One UIDL request with these invocations (none: an empty round trip); the response, applied to the
     * tree. What the components in a browser send on their own after that response (grid data
     * confirmations, a closed dialog) follows at once in a request of its own.
     */
    JsonNode rpc(ObjectNode... invocations) throws IOException, InterruptedException {
        var response = exchange(invocations);
        var followUps = tree.followUps(response);
        if (!followUps.isEmpty()) {
            exchange(followUps.toArray(ObjectNode[]::new));
        }
        return response;
    }

    private JsonNode exchange(ObjectNode... invocations) throws IOException, InterruptedException {
        var body = JSON.createObjectNode().put("csrfToken", securityKey).put("syncId", syncId).put("clientId", clientId);
        ArrayNode rpc = body.putArray("rpc");
        for (var invocation : invocations) {
            rpc.add(invocation);
        }
        String text = ok(send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())))).body();
        if (text.startsWith("for(;;);")) {
            text = text.substring(8);
        }
        JsonNode response = JSON.readTree(text);
        if (response.isArray()) {
            response = response.get(0);
        }
        var meta = response.path("meta");
        if (meta.has("appError") || meta.has("sessionExpired") || response.has("resynchronize")) {
            throw new IOException("Vaadin refused the request: " + meta);
        }
        syncId = response.path("syncId").asInt(syncId);
        clientId = response.path("clientId").asInt(clientId + 1);
        tree.apply(response);
        return response;
    }

    /** The round trips since the last call, emptied. */
    List<Double> takeRoundTrips() {
        var taken = List.copyOf(roundTrips);
        roundTrips.clear();
        return taken;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ",
                    cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        long start = System.nanoTime();
        var response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        roundTrips.add((System.nanoTime() - start) / 1e6);
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return response;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + response.uri());
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

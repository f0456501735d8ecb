package org.crmworkbench.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes of the packaged distribution behind HAProxy on one MariaDB, all on loopback
 * ({@code cluster/loopback-cluster.sh}, as {@code ./crm cluster-demo} starts them; docs/scale-out.md):
 * a signed-in user sticks to one node; a plugin disabled there goes on the other within seconds; when
 * the user's node is killed, the next request reaches the other node, which asks to sign in again, and
 * what was saved is there. Needs Debian's mariadb-server and haproxy (.ci/run installs them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final Path DIST = Path.of(System.getProperty("crm.dist", "target/dist")).toAbsolutePath();
    private static final Path SCRIPT = Path.of(System.getProperty("crm.cluster-script", "../cluster/loopback-cluster.sh"));
    private static final Path DIR = Path.of("target", "cluster-it").toAbsolutePath();
    private static final Path LOG = Path.of("target", "cluster-it.log").toAbsolutePath();
    private static final String PLUGIN = "customer-rating";
    private static final String PLUGIN_VIEW = "customer-rating/models";
    private static final Duration CONVERGED_WITHIN = Duration.ofSeconds(15);

    private static Process cluster;
    private static Map<String, String> env;
    private static String balancer;
    private static String adminPassword;
    private static String token;
    /** The user's browser: cookies of the balancer (CRMNODE) and of the node (JSESSIONID). */
    private static final HttpClient user = client();
    /** A script calling the nodes' REST API directly, with its token and no cookies. */
    private static final HttpClient script = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The node HAProxy sticks the user to ("node1" or "node2") and the other one. */
    private static String usersNode;
    private static String otherNode;
    private static long savedAccount;

    @BeforeAll
    static void startCluster() throws Exception {
        for (String binary : List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/sbin/haproxy")) {
            assumeTrue(Files.isExecutable(Path.of(binary)),
                    "the two-node test needs Debian's mariadb-server and haproxy (" + binary + " is missing): "
                            + "apt-get install mariadb-server haproxy; .ci/run installs them");
        }
        Path ready = DIR.resolve("cluster.env");
        Files.deleteIfExists(ready); // one of an earlier run that was killed
        String java = ProcessHandle.current().info().command().orElse("java");
        cluster = new ProcessBuilder("bash", SCRIPT.toString(), DIR.toString(), "--dist", DIST.toString(), "--java", java,
                "--balancer-port", String.valueOf(freePort()), "--node-ports", freePort() + "," + freePort(),
                "--db-port", String.valueOf(freePort()), "--no-demo-data", "--fresh")
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(TwoNodeClusterIT::stopCluster)); // e.g. a cancelled build
        await("the cluster started (see " + LOG + " and " + DIR.resolve("logs") + ")", Duration.ofSeconds(240), () -> {
            assertThat(cluster.isAlive()).as("cluster script exited, see " + LOG).isTrue();
            return Files.exists(ready);
        });
        env = new HashMap<>();
        for (String line : Files.readAllLines(ready)) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        balancer = env.get("BALANCER_URL");
        adminPassword = Files.readString(Path.of(env.get("ADMIN_PASSWORD_FILE"))).trim();
        token = createToken();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster == null || !cluster.isAlive()) {
            return;
        }
        cluster.destroy(); // SIGTERM: the script stops HAProxy, the nodes and MariaDB
        try {
            if (!cluster.waitFor(90, TimeUnit.SECONDS)) {
                cluster.descendants().forEach(ProcessHandle::destroyForcibly);
                cluster.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Order(1)
    void a_user_signs_in_through_the_balancer_and_stays_on_one_node() throws Exception {
        var login = signIn(user, balancer);
        assertThat(login.headers().firstValue("Location")).as("signed in").hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        usersNode = login.headers().firstValue("X-Crm-Node").orElseThrow();
        otherNode = usersNode.equals("node1") ? "node2" : "node1";
        for (int i = 0; i < 3; i++) {
            var page = send(user, get(balancer));
            assertThat(page.statusCode()).as("the dashboard").isEqualTo(200);
            assertThat(page.headers().firstValue("X-Crm-Node")).as("sticky").hasValue(usersNode);
        }
    }

    @Test
    @Order(2)
    void a_plugin_disabled_on_the_users_node_goes_on_the_other_node_within_seconds() throws Exception {
        String other = nodeUrl(otherNode);
        var adminOnOther = client();
        signIn(adminOnOther, other);
        assertThat(send(adminOnOther, get(other + PLUGIN_VIEW)).statusCode()).as("the plugin view before").isEqualTo(200);

        var disabled = send(script, api(nodeUrl(usersNode) + "api/v1/plugins/" + PLUGIN + "/disable")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(disabled.body()).contains("\"status\":\"DISABLED\"");

        Instant start = Instant.now();
        await(PLUGIN + " disabled on " + otherNode, CONVERGED_WITHIN,
                () -> send(script, api(other + "api/v1/plugins/" + PLUGIN)).body().contains("\"status\":\"DISABLED\""));
        System.out.println("The other node stopped " + PLUGIN + " after " + Duration.between(start, Instant.now()).toMillis() + " ms");
        int status = send(adminOnOther, get(other + PLUGIN_VIEW)).statusCode();
        assertThat(status).as("its view is gone there (as an unknown route)")
                .isNotEqualTo(200).isEqualTo(send(adminOnOther, get(other + "no-such-plugin/view")).statusCode());
    }

    @Test
    @Order(3)
    void when_the_users_node_dies_the_other_asks_to_sign_in_again_and_the_saved_data_is_there() throws Exception {
        String name = "Cluster Bakkerij " + System.nanoTime();
        var created = send(user, api(balancer + "api/v1/accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\": {\"name\": \"" + name
                        + "\", \"city\": \"Zwolle\", \"country\": \"NL\", \"level\": \"REGIONAL\", \"stage\": \"HOT_LEAD\"}}")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Crm-Node")).as("saved on the user's node").hasValue(usersNode);
        savedAccount = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));

        var node = ProcessHandle.of(Long.parseLong(env.get(usersNode.toUpperCase() + "_PID"))).orElseThrow();
        node.destroyForcibly(); // SIGKILL: no shutdown, the session is gone with the node
        assertThat(node.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

        var next = send(user, get(balancer));
        assertThat(next.headers().firstValue("X-Crm-Node")).as("HAProxy sends the user on").hasValue(otherNode);
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).as("asked to sign in again").hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        var again = signIn(user, balancer);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        var dashboard = send(user, get(balancer));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().firstValue("X-Crm-Node")).as("now sticky to the other node").hasValue(otherNode);
        var saved = send(user, api(balancer + "api/v1/accounts/" + savedAccount));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"name\":\"" + name + "\"");
    }

    /** Spring Security's form login, as the login view posts it; the answer is the redirect. */
    private static HttpResponse<String> signIn(HttpClient client, String base) throws Exception {
        send(client, get(base + "login"));
        return send(client, HttpRequest.newBuilder(URI.create(base + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8))));
    }

    /** A personal API token for admin, made as a user makes one: {@code ./crm token} against the cluster's database. */
    private static String createToken() throws Exception {
        var tool = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
                "-jar", DIST.resolve("crm-workbench.jar").toString(), "token", "--user", "admin", "--name", "cluster-it",
                "--crm.data-dir=" + DIR.resolve("token-tool"));
        tool.environment().putAll(Map.of("CRM_DB_URL", env.get("DB_URL"), "CRM_DB_USER", env.get("DB_USER"),
                "CRM_DB_PASSWORD", env.get("DB_PASSWORD")));
        Process process = tool.redirectError(DIR.resolve("logs").resolve("token.log").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("./crm token, see " + DIR.resolve("logs/token.log")).isZero();
        return out;
    }

    private static String nodeUrl(String node) {
        return env.get(node.toUpperCase() + "_URL");
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder api(String url) {
        return get(url).header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void await(String what, Duration within, Check check) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (!check.done()) {
            assertThat(Instant.now()).as(what + " within " + within.toSeconds() + " s").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

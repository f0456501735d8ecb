package org.crmworkbench.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged workbench ({@code ui/target/dist}) in a process of its own, started as {@code ./crm run}
 * starts it ({@code -XX:+UseSerialGC -Xmx1g}) with demo data on a free port and its own data folder.
 * Measures what can be seen from outside: the time until the login page answers, the resident memory of
 * the app and of its embedded {@code mariadbd}, and the live heap after a full collection (via jcmd).
 */
final class PackagedApp implements AutoCloseable {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final Path data;
    private final Path log;
    final String base;
    /** Seconds from starting the process until {@code /login} answered 200. */
    final double startSeconds;

    private PackagedApp(Process process, Path data, Path log, String base, double startSeconds) {
        this.process = process;
        this.data = data;
        this.log = log;
        this.base = base;
        this.startSeconds = startSeconds;
    }

    /** The packaged jar, when it has been built ({@code ./crm package}). */
    static Optional<Path> jar() {
        return Stream.of("ui/target/dist/crm-workbench.jar", "../ui/target/dist/crm-workbench.jar")
                .map(Path::of).filter(Files::exists).findFirst();
    }

    /** Starts the app on {@code data} (created when missing) and waits until it serves the login page. */
    static PackagedApp start(Path jar, Path data, Path log) throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(data);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        var process = new ProcessBuilder(javaBin, "-XX:+UseSerialGC", "-Xmx1g", "-jar", jar.toAbsolutePath().toString(),
                "--crm.bundled-plugins-dir=" + jar.toAbsolutePath().getParent().resolve("plugins"),
                "--crm.data-dir=" + data.toAbsolutePath(), "--server.port=" + port, "--crm.db.embedded-port=0",
                "--crm.demo-data=true")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String base = "http://localhost:" + port + "/";
        try {
            waitForLogin(process, base, log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        }
        return new PackagedApp(process, data, log, base, (System.nanoTime() - started) / 1e9);
    }

    private static void waitForLogin(Process process, String base, Path log) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (true) {
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create(base + "login")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the workbench did not start; see " + log);
                }
                Thread.sleep(100);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    /** The embedded database server's process id, from the pid file it writes into the data folder. */
    long mariadbPid() throws IOException {
        return Long.parseLong(Files.readString(data.resolve("mariadb/mariadbd.pid")).strip());
    }

    String jdbcUrl() throws IOException {
        return "jdbc:mariadb://127.0.0.1:" + Files.readString(data.resolve("mariadb/port")).strip() + "/";
    }

    String appPassword() throws IOException {
        return Files.readString(data.resolve("mariadb/app-password")).strip();
    }

    String adminPassword() throws IOException {
        return Files.readString(data.resolve("initial-admin-password")).strip();
    }

    /** Resident memory of a process in MiB, from {@code /proc/<pid>/status}. */
    static double rssMb(long pid) throws IOException {
        try (var lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0)
                    .orElseThrow(() -> new IOException("no VmRSS for process " + pid));
        }
    }

    /** Live heap in MiB: two full collections ({@code jcmd GC.run}), then the used sizes of all generations. */
    double liveHeapMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        jcmd("GC.run");
        var matcher = USED.matcher(String.join("\n", jcmd("GC.heap_info").stream()
                .filter(line -> !line.startsWith(" ") && !line.contains("Metaspace") && !line.contains("class space")).toList()));
        long kb = 0;
        while (matcher.find()) {
            kb += Long.parseLong(matcher.group(1));
        }
        if (kb == 0) {
            throw new IOException("jcmd GC.heap_info reported no heap use");
        }
        return kb / 1024.0;
    }

    private List<String> jcmd(String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        var run = new ProcessBuilder(jcmd, String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        var lines = new ArrayList<String>();
        try (var reader = run.inputReader()) {
            reader.lines().forEach(lines::add);
        }
        if (run.waitFor() != 0) {
            throw new IOException("jcmd " + command + " failed: " + lines);
        }
        return lines;
    }

    /** Stops the app as Ctrl-C does (it stops its database too). */
    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "workbench at " + base + " (log " + log + ")";
    }
}

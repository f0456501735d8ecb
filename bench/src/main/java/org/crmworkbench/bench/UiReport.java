package org.crmworkbench.bench;

import org.crmworkbench.bench.UiBench.Latencies;
import org.crmworkbench.bench.UiBench.Result;

/** The {@code ui} section of docs/benchmarks.md: how the script and the floor are defined, then the figures. */
final class UiReport {

    private static final double TARGET_P95_MS = 150;
    private static final int TARGET_USERS = 200;
    private static final double TARGET_HEAP_PER_SESSION_MB = 1;
    private static final double TARGET_IDLE_RSS_MB = 700;
    private static final double TARGET_WARM_START_SECONDS = 15;

    private UiReport() {
    }

    static String markdown(Result r) {
        var load = r.load();
        var text = new StringBuilder();
        text.append("## ui (").append(r.size().name().toLowerCase()).append(")\n\n");
        text.append("Run ").append(r.at().withNano(0)).append(" on ").append(r.machine()).append(".\n");
        text.append("Load average (1 / 5 / 15 min) when the run started: ").append(r.loadBefore()).append("; when it ended: ")
                .append(r.loadAfter()).append(". The machine is shared: other work running at the same time makes the ")
                .append("figures worse than the app alone would be.\n\n");
        text.append("The packaged workbench with its demo data, started by the benchmark (`-XX:+UseSerialGC -Xmx1g`, as `./crm run`), ")
                .append("on the same cores as its embedded MariaDB and the load generator (one virtual thread per user, ")
                .append("`java.net.http`, loopback HTTP). ").append(load.users()).append(" users start evenly spread over ")
                .append(load.rampUp().toSeconds()).append(" s and work at the same time, each in its own session, as the demo ")
                .append("users `sales`, `sales2`, `manager` and `admin` in turn. Each sends what the Vaadin client in a browser ")
                .append("sends (static resources excepted: a browser has them cached) and checks the answer. The script: sign in ")
                .append("through the login form (with its CSRF token), then ").append(load.repetitions()).append(" times: the ")
                .append("account list (by page load the first time, then by in-app navigation, each with the grid's row ")
                .append("request), a quick search for the name of an account seen in the list (the refreshed grid must show it), ")
                .append("open that account by clicking its row (the editor's title must be its name), the Contacts tab, the ")
                .append("Interactions tab, \"Log interaction\" and save it with a summary (the refreshed grid must show it). ")
                .append(String.format("Users think %.1f to %.1f s between steps. ", load.think().minMs() / 1000.0,
                        load.think().maxMs() / 1000.0))
                .append("What the web components in a browser send on their own after a response (a grid confirming the ")
                .append("rows it was handed, a closed dialog's `closed` event) follows at once in a request of its own. ")
                .append("A step's time is the sum of its requests' round trips as ")
                .append("the client sees them; the requests column is their number per step. The floor is an empty ")
                .append("UIDL request of the same signed-in UI (no changes: HTTP, security filters, session lock, Vaadin's ")
                .append("message handling), sent by every user twice per repetition, in the same run and under the same load. ")
                .append(load.warmUpUsers()).append(" users run the script twice first to warm up the JIT (not counted).\n\n");
        text.append("| step | requests | count | failed | p50 ms | p95 ms | p99 ms | p50 / floor | p95 / floor | target |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        String target = String.format("p95 < %.0f ms at %d users", TARGET_P95_MS, TARGET_USERS);
        for (var step : r.steps()) {
            row(text, step, r.floor(), "");
        }
        row(text, r.floor(), r.floor(), "");
        row(text, r.allSteps(), r.floor(), target);
        row(text, r.allRequests(), r.floor(), target);
        text.append(String.format("%n%d of %d users went through the whole script. %d interactions were saved; %d of them are in "
                + "`crm_core.interaction` afterwards.%n", r.completed(), load.users(), r.saved(), r.savedInDatabase()));
        if (!r.errors().isEmpty()) {
            text.append("\nFirst failures:\n\n");
            r.errors().forEach(error -> text.append("- ").append(error.replace('\n', ' ')).append('\n'));
        }
        String verdict = load.users() < TARGET_USERS ? "not measured by this run"
                : r.allRequests().p95Ms() < TARGET_P95_MS && r.allRequests().failed() == 0 ? "met" : "not met";
        text.append(String.format("%nTarget %d concurrent users with p95 under %.0f ms: %s (%d users, p95 %.1f ms per request, "
                        + "%.1f ms per step).%n", TARGET_USERS, TARGET_P95_MS, verdict, load.users(), r.allRequests().p95Ms(),
                r.allSteps().p95Ms()));
        memory(text, r);
        return text.toString();
    }

    private static void memory(StringBuilder text, Result r) {
        var m = r.memory();
        int users = r.load().users();
        text.append("\n### Memory and startup\n\n");
        text.append("Heap: live heap after two full collections (`jcmd <pid> GC.run`, then `GC.heap_info`), after the warm-up and ")
                .append("again once the ").append(users).append(" users are through their script, each still signed in with an ")
                .append("account editor open; the difference divided by ").append(users).append(". Resident memory: `VmRSS` of ")
                .append("the app's java process and of its `mariadbd` (pid file in the data folder), idle a few seconds after ")
                .append("the warm start, before any user. Startup: from starting the process until `/login` answers 200; the ")
                .append("first start creates the database and the demo data, the second (warm) start finds them.\n\n");
        text.append("| measure | value | target |\n|---|---:|---|\n");
        text.append(String.format("| live heap before the sessions | %.1f MB |  |%n", m.heapBeforeMb()));
        text.append(String.format("| live heap with %d more sessions | %.1f MB |  |%n", users, m.heapAfterMb()));
        text.append(String.format("| heap per session | %.2f MB | < %.0f MB |%n", m.heapPerSessionMb(users),
                TARGET_HEAP_PER_SESSION_MB));
        text.append(String.format("| resident memory idle: app (java) | %.0f MB |  |%n", m.appIdleMb()));
        text.append(String.format("| resident memory idle: embedded mariadbd | %.0f MB |  |%n", m.databaseIdleMb()));
        text.append(String.format("| resident memory idle: app + database | %.0f MB | < %.0f MB |%n", m.idleTotalMb(),
                TARGET_IDLE_RSS_MB));
        text.append(String.format("| resident memory with %d sessions: app + database | %.0f MB |  |%n", users,
                m.appLoadedMb() + m.databaseLoadedMb()));
        text.append(String.format("| first start (empty data folder, demo data created) | %.1f s |  |%n", r.firstStartSeconds()));
        text.append(String.format("| warm start (second start) | %.1f s | < %.0f s |%n", r.warmStartSeconds(),
                TARGET_WARM_START_SECONDS));
    }

    private static void row(StringBuilder text, Latencies l, Latencies floor, String target) {
        String requests = l.requests() == 0 ? "" : String.format("%.1f", l.requests()).replaceAll("\\.0$", "");
        text.append(String.format("| %s | %s | %d | %d | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n", l.what(), requests, l.count(),
                l.failed(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.p50Ms() / floor.p50Ms(), l.p95Ms() / floor.p95Ms(), target));
    }
}

package org.crmworkbench.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.crmworkbench.bench.UiTab.JSON;
import static org.crmworkbench.bench.UiTab.call;
import static org.crmworkbench.bench.UiTab.clickData;
import static org.crmworkbench.bench.UiTab.event;
import static org.crmworkbench.bench.UiTab.sync;

/**
 * One simulated user of the account screens: signs in, then repeats the script — account list, quick
 * search for an account seen in the list, open it, the Contacts and the Interactions tab, log an
 * interaction — thinking between the steps. Each step is checked against what the server answered; a
 * failed step ends the user's script. Two empty round trips per repetition measure the floor.
 */
final class UiUser implements Runnable {

    /** The steps of the script. */
    enum Step {
        SIGN_IN("sign in (login page, form post)"),
        LOAD_LIST("account list by page load (page, init, navigation, grid rows)"),
        NAVIGATE_LIST("account list by in-app navigation (navigation, grid rows)"),
        SEARCH("quick search: field value, grid refreshed"),
        OPEN_ACCOUNT("open an account: grid row click, the editor with its core and plugin tabs"),
        CONTACTS_TAB("switch to the Contacts tab"),
        INTERACTIONS_TAB("switch to the Interactions tab"),
        OPEN_DIALOG("Log interaction: the dialog opens"),
        SAVE_INTERACTION("save the interaction: summary, Save, grid refreshed"),
        FLOOR("floor: empty round trip of a signed-in UI");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** What all users measured, shared between their threads. */
    static final class Measurements {
        final Map<Step, List<Double>> steps = new EnumMap<>(Step.class);
        final Map<Step, AtomicInteger> failures = new EnumMap<>(Step.class);
        /** Requests sent by the steps that succeeded. */
        final Map<Step, AtomicInteger> requests = new EnumMap<>(Step.class);
        /** Every request of the script apart from the floor's. */
        final List<Double> roundTrips = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger saved = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        Measurements() {
            for (Step step : Step.values()) {
                steps.put(step, Collections.synchronizedList(new ArrayList<>()));
                failures.put(step, new AtomicInteger());
                requests.put(step, new AtomicInteger());
            }
        }
    }

    /** A user's thinking time between steps, uniformly between the two bounds. */
    record Think(int minMs, int maxMs) {
    }

    private static final class StepFailed extends Exception {
        StepFailed(Throwable cause) {
            super(cause);
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException, InterruptedException;
    }

    private final UiTab tab;
    private final String username;
    private final String password;
    private final int number;
    private final int repetitions;
    private final Think think;
    private final String summaryPrefix;
    private final Measurements measured;
    private final Random random;
    private List<UiTree.Row> listed = List.of();
    private UiTree.Row found;
    private int iteration;

    UiUser(UiTab tab, String username, String password, int number, int repetitions, Think think, String summaryPrefix,
           Measurements measured) {
        this.tab = tab;
        this.username = username;
        this.password = password;
        this.number = number;
        this.repetitions = repetitions;
        this.think = think;
        this.summaryPrefix = summaryPrefix;
        this.measured = measured;
        this.random = new Random(number);
    }

    @Override
    public void run() {
        try {
            step(Step.SIGN_IN, () -> check(tab.signIn(username, password), "login refused for " + username));
            for (iteration = 0; iteration < repetitions; iteration++) {
                think();
                if (iteration == 0) {
                    step(Step.LOAD_LIST, () -> list(tab.load("accounts")));
                } else {
                    step(Step.NAVIGATE_LIST, () -> list(tab.navigate("accounts")));
                }
                floor();
                think();
                step(Step.SEARCH, this::search);
                think();
                step(Step.OPEN_ACCOUNT, this::openAccount);
                think();
                step(Step.CONTACTS_TAB, () -> check(hasTag(selectTab("account-tab-contacts"), "vaadin-grid"),
                        "the Contacts tab shows no grid"));
                think();
                step(Step.INTERACTIONS_TAB, () -> {
                    selectTab("account-tab-interactions");
                    check(tab.tree.byId("interaction-add").isPresent(), "the Interactions tab has no add button");
                });
                think();
                step(Step.OPEN_DIALOG, () -> {
                    tab.rpc(event(tab.tree.require("interaction-add"), "click", clickData("event.")));
                    check(tab.tree.byId("interaction-summary").isPresent() && tab.tree.byId("interaction-save").isPresent(),
                            "the interaction dialog did not open");
                });
                think();
                step(Step.SAVE_INTERACTION, this::saveInteraction);
                floor();
            }
            measured.completed.incrementAndGet();
        } catch (StepFailed e) {
            if (measured.errors.size() < 5) {
                measured.errors.add(username + " #" + number + ": " + e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void list(JsonNode navigation) throws IOException, InterruptedException {
        int grid = tab.tree.require("account-grid");
        tab.tree.require("account-search");
        listed = UiTree.rows(navigation, grid);
        check(!listed.isEmpty(), "the account list shows no rows");
        tab.rpc(call(grid, "setViewportRange", 0, 50)); // what the grid connector asks once it is rendered
    }

    /** Searches for the name of an account seen in the list; the refreshed grid must show it. */
    private void search() throws IOException, InterruptedException {
        String name = listed.get((number + iteration * 7) % listed.size()).firstColumn();
        int field = tab.tree.require("account-search");
        var response = tab.rpc(sync(field, "value", name), event(field, "input", JSON.createObjectNode()));
        found = UiTree.rows(response, tab.tree.require("account-grid")).stream().filter(row -> row.firstColumn().equals(name))
                .findFirst().orElse(null);
        check(found != null, "the search for " + name + " did not show it");
    }

    private void openAccount() throws IOException, InterruptedException {
        var data = clickData("event.detail.").put("event.detail.itemKey", found.key()).put("event.detail.internalColumnId", "col0");
        var response = tab.rpc(event(tab.tree.require("account-grid"), "item-click", data));
        check(UiTree.texts(response).contains(found.firstColumn()) && tab.tree.byId("account-tab-interactions").isPresent(),
                "the editor of " + found.firstColumn() + " did not open");
    }

    private JsonNode selectTab(String id) throws IOException, InterruptedException {
        int tabNode = tab.tree.require(id);
        int bar = tab.tree.parent(tabNode).orElseThrow(() -> new IllegalStateException("tab " + id + " is in no tab bar"));
        return tab.rpc(sync(bar, "selected", tab.tree.indexInParent(tabNode)),
                event(bar, "selected-changed", JSON.createObjectNode()));
    }

    private void saveInteraction() throws IOException, InterruptedException {
        String summary = summaryPrefix + " user " + number + " repetition " + iteration;
        int area = tab.tree.require("interaction-summary");
        var response = tab.rpc(sync(area, "value", summary), event(area, "change", JSON.createObjectNode()),
                event(tab.tree.require("interaction-save"), "click", clickData("event.")));
        check(response.toString().contains(summary), "the saved interaction is not in the refreshed grid");
        measured.saved.incrementAndGet();
    }

    private void floor() throws StepFailed {
        step(Step.FLOOR, () -> tab.rpc());
    }

    private void step(Step step, Action action) throws StepFailed {
        tab.takeRoundTrips();
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            measured.failures.get(step).incrementAndGet();
            throw new StepFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed(e);
        }
        var trips = tab.takeRoundTrips();
        measured.steps.get(step).add(trips.stream().mapToDouble(Double::doubleValue).sum());
        measured.requests.get(step).addAndGet(trips.size());
        if (step != Step.FLOOR) {
            measured.roundTrips.addAll(trips);
        }
    }

    private void think() throws InterruptedException {
        Thread.sleep(think.minMs() + random.nextInt(think.maxMs() - think.minMs() + 1));
    }

    private static boolean hasTag(JsonNode response, String tag) {
        for (JsonNode change : response.path("changes")) {
            if ("tag".equals(change.path("key").asString("")) && tag.equals(change.path("value").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}

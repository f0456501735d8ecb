package org.crmworkbench.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a Vaadin client knows of its UI, rebuilt from the UIDL changes the server sends: each node's
 * tag, element id, children and published server methods. Enough to find a component by the id a
 * view gives it, to read the grid rows the server pushes, and to answer what the web components in a
 * browser answer on their own ({@link #followUps}).
 */
final class UiTree {

    /** Feature numbers of Flow's state tree, as they appear in the changes. */
    private static final int CHILDREN = 2;
    private static final int PUBLISHED_METHODS = 19;

    /** A grid row as the grid connector receives it: its key and the first column's text. */
    record Row(String key, String firstColumn) {
    }


    private final Map<Integer, String> tags = new HashMap<>();
    private final Map<Integer, List<Integer>> children = new HashMap<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, Set<String>> published = new HashMap<>();

    /** Forgets everything: a page load starts a new UI. */
    void clear() {
        tags.clear();
        children.clear();
        ids.clear();
        published.clear();
    }

    /** Applies the changes of one response. */
    void apply(JsonNode response) {
        for (JsonNode change : response.path("changes")) {
            int node = change.path("node").asInt();
            switch (change.path("type").asString()) {
                case "put" -> put(node, change.path("key").asString(), change.path("value"));
                case "splice" -> {
                    if (change.path("feat").asInt() == CHILDREN) {
                        splice(node, change);
                    } else if (change.path("feat").asInt() == PUBLISHED_METHODS) {
                        var methods = published.computeIfAbsent(node, k -> new HashSet<>());
                        change.path("add").forEach(method -> methods.add(method.asString()));
                    }
                }
                case "clear" -> {
                    if (change.path("feat").asInt() == CHILDREN) {
                        children.remove(node);
                    }
                }
                case "detach" -> {
                    tags.remove(node);
                    published.remove(node);
                    ids.values().remove(node);
                }
                default -> {
                    // attach, remove of properties, template changes: not needed to find components
                }
            }
        }
    }

    private void put(int node, String key, JsonNode value) {
        switch (key) {
            case "tag" -> tags.put(node, value.asString());
            case "id" -> ids.put(value.asString(), node);
            default -> {
                // other properties and attributes
            }
        }
    }

    private void splice(int node, JsonNode change) {
        var list = children.computeIfAbsent(node, k -> new ArrayList<>());
        int index = Math.min(change.path("index").asInt(), list.size());
        int remove = change.path("remove").asInt(0);
        for (int i = 0; i < remove && index < list.size(); i++) {
            list.remove(index);
        }
        var added = new ArrayList<Integer>();
        change.path("addNodes").forEach(child -> added.add(child.asInt()));
        list.addAll(index, added);
    }

    /** The node of the element with this id, when it is attached. */
    Optional<Integer> byId(String id) {
        return Optional.ofNullable(ids.get(id)).filter(tags::containsKey);
    }

    int require(String id) {
        return byId(id).orElseThrow(() -> new IllegalStateException("no element with id " + id));
    }

    Optional<Integer> parent(int node) {
        return children.entrySet().stream().filter(e -> e.getValue().contains(node)).map(Map.Entry::getKey).findFirst();
    }

    /** The position of a node among its parent's children, e.g. a tab's index in its tab bar. */
    int indexInParent(int node) {
        return parent(node).map(p -> children.get(p).indexOf(node))
                .orElseThrow(() -> new IllegalStateException("node " + node + " has no parent"));
    }

    /** The texts a response sets (text nodes), e.g. to see an account editor's title. */
    static List<String> texts(JsonNode response) {
        var texts = new ArrayList<String>();
        for (JsonNode change : response.path("changes")) {
            if ("put".equals(change.path("type").asString("")) && "text".equals(change.path("key").asString(""))) {
                texts.add(change.path("value").asString(""));
            }
        }
        return texts;
    }

    /**
     * What the client in a browser sends on its own once it has applied a response: each grid or combo
     * box connector confirms the data it was handed ({@code $connector.confirm(id)}; the server keeps
     * the rows it sent until then), and a dialog the server closed fires {@code closed} when its
     * overlay is gone (the server then removes it from the UI).
     */
    List<ObjectNode> followUps(JsonNode response) {
        var followUps = new ArrayList<ObjectNode>();
        for (JsonNode call : response.path("execute")) {
            int last = call.size() - 1;
            int node = call.path(0).path("@v-node").asInt(-1);
            if (last == 2 && call.get(last).asString("").contains("$connector.confirm(")
                    && published.getOrDefault(node, Set.of()).contains("confirmUpdate")) {
                followUps.add(UiTab.call(node, "confirmUpdate", call.get(1).asInt()));
            }
        }
        for (JsonNode change : response.path("changes")) {
            int node = change.path("node").asInt();
            if ("opened".equals(change.path("key").asString("")) && !change.path("value").asBoolean(true)
                    && "vaadin-dialog".equals(tags.get(node))) {
                followUps.add(UiTab.event(node, "closed", UiTab.JSON.createObjectNode()));
            }
        }
        return followUps;
    }

    /** The rows a response hands to a grid's connector ({@code $connector.set(index, items)}). */
    static List<Row> rows(JsonNode response, int grid) {
        var rows = new ArrayList<Row>();
        for (JsonNode call : response.path("execute")) {
            int last = call.size() - 1;
            if (last < 2 || !call.get(last).asString("").contains("$connector.set(")
                    || call.get(0).path("@v-node").asInt(-1) != grid) {
                continue;
            }
            for (int i = 1; i < last; i++) {
                if (call.get(i).isArray()) {
                    call.get(i).forEach(item -> rows.add(new Row(item.path("key").asString(), item.path("col0").asString())));
                }
            }
        }
        return rows;
    }
}

package org.crmworkbench.core.plugin;

import org.pf4j.PluginDependency;
import org.pf4j.PluginWrapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The dependency graph of the loaded plugins, from their {@code Plugin-Dependencies}. Only dependencies
 * that are loaded are edges; an optional one that is loaded counts like a required one.
 */
final class PluginDependencies {

    /** The loaded dependencies of each plugin, by plugin id. */
    private final Map<String, List<String>> dependencies = new TreeMap<>();

    PluginDependencies(Collection<PluginWrapper> plugins) {
        Set<String> loaded = plugins.stream().map(PluginWrapper::getPluginId).collect(Collectors.toSet());
        for (PluginWrapper plugin : plugins) {
            dependencies.put(plugin.getPluginId(), plugin.getDescriptor().getDependencies().stream()
                    .map(PluginDependency::getPluginId).filter(loaded::contains).distinct().toList());
        }
    }

    /** Every plugin after the plugins it depends on, otherwise by id; the plugins of a cycle by id as well. */
    List<String> startOrder() {
        var order = new LinkedHashSet<String>();
        for (String id : dependencies.keySet()) {
            visit(id, order, new HashSet<>());
        }
        return List.copyOf(order);
    }

    private void visit(String id, Set<String> order, Set<String> path) {
        if (order.contains(id) || !path.add(id)) {
            return;
        }
        for (String dependency : dependencies.get(id)) {
            visit(dependency, order, path);
        }
        path.remove(id);
        order.add(id);
    }

    /** The plugins that depend on {@code id} directly or indirectly, in {@link #startOrder() start order}. */
    List<String> dependentsOf(String id) {
        var dependents = new HashSet<String>();
        var queue = new ArrayDeque<>(List.of(id));
        while (!queue.isEmpty()) {
            String dependency = queue.remove();
            dependencies.forEach((plugin, itsDependencies) -> {
                if (itsDependencies.contains(dependency) && dependents.add(plugin)) {
                    queue.add(plugin);
                }
            });
        }
        dependents.remove(id);
        return startOrder().stream().filter(dependents::contains).toList();
    }

    /** A dependency cycle through {@code id}, such as {@code [a, b, a]}; empty when there is none. */
    List<String> cycleThrough(String id) {
        var path = new ArrayList<>(List.of(id));
        return pathBack(id, path, new HashSet<>()) ? path : List.of();
    }

    private boolean pathBack(String from, List<String> path, Set<String> seen) {
        for (String dependency : dependencies.getOrDefault(from, List.of())) {
            path.add(dependency);
            if (dependency.equals(path.getFirst()) || seen.add(dependency) && pathBack(dependency, path, seen)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }
}

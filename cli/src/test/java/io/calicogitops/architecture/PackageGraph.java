package io.calicogitops.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which package imports which, and its cycles: the strongly connected components of more than one package. */
record PackageGraph(Map<String, Set<String>> edges) {

    static PackageGraph of(List<SourceFile> sources) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (SourceFile s : sources) {
            edges.computeIfAbsent(s.pkg(), p -> new TreeSet<>()).addAll(s.importedPackages());
        }
        return new PackageGraph(edges);
    }

    /** Tarjan's algorithm; components in the order of their smallest package name, each sorted. */
    List<Set<String>> cycles() {
        Tarjan t = new Tarjan();
        new TreeSet<>(edges.keySet()).forEach(v -> {
            if (!t.index.containsKey(v)) {
                t.visit(v);
            }
        });
        t.out.sort((a, b) -> ((TreeSet<String>) a).first().compareTo(((TreeSet<String>) b).first()));
        return t.out;
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final Set<String> onStack = new TreeSet<>();
        final List<Set<String>> out = new ArrayList<>();

        void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : new TreeSet<>(edges.getOrDefault(v, Set.of()))) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    out.add(component);
                }
            }
        }
    }
}

package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.random.RandomStreams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Grudges: for each node, the nodes it cannot hear from. Built the way Jepsen's
 * {@code jepsen.nemesis} builds them, so that histories mean the same thing.
 */
public final class Grudges {
  private Grudges() {}

  /** Nodes in different components cannot hear each other. */
  public static Map<String, Set<String>> complete(List<? extends Set<String>> components) {
    Map<String, Set<String>> g = new TreeMap<>();
    for (Set<String> c : components) {
      Set<String> others = new TreeSet<>();
      for (Set<String> d : components) if (d != c) others.addAll(d);
      for (String n : c) if (!others.isEmpty()) g.put(n, others);
    }
    return freeze(g);
  }

  /** The first floor(n/2) nodes against the rest. */
  public static List<Set<String>> halves(List<String> nodes) {
    int k = nodes.size() / 2;
    return List.of(new LinkedHashSet<>(nodes.subList(0, k)), new LinkedHashSet<>(nodes.subList(k, nodes.size())));
  }

  public static List<Set<String>> randomHalves(List<String> nodes, RandomGenerator random) {
    return halves(shuffled(nodes, random));
  }

  public static List<Set<String>> isolate(String node, List<String> nodes) {
    Set<String> rest = new LinkedHashSet<>(nodes);
    rest.remove(node);
    return List.of(Set.of(node), rest);
  }

  /**
   * Nodes on a random ring; each node hears the majority window centred on itself, so every node
   * sees a majority and no two see the same one.
   */
  public static Map<String, Set<String>> majoritiesRing(List<String> nodes, RandomGenerator random) {
    List<String> ring = shuffled(nodes, random);
    int n = ring.size();
    int m = n / 2 + 1;
    Map<String, Set<String>> g = new TreeMap<>();
    for (int start = 0; start < n; start++) {
      Set<String> window = new LinkedHashSet<>();
      for (int j = 0; j < m; j++) window.add(ring.get((start + j) % n));
      String centre = ring.get((start + m / 2) % n);
      Set<String> cannotHear = new TreeSet<>(nodes);
      cannotHear.removeAll(window);
      if (!cannotHear.isEmpty()) g.put(centre, cannotHear);
    }
    return freeze(g);
  }

  /** Random halves; the first node of the second half bridges them, heard by and hearing everyone. */
  public static Map<String, Set<String>> bridge(List<String> nodes, RandomGenerator random) {
    List<Set<String>> halves = randomHalves(nodes, random);
    String bridge = halves.get(1).iterator().next();
    Map<String, Set<String>> g = new TreeMap<>();
    complete(halves).forEach((n, others) -> {
      if (n.equals(bridge)) return;
      Set<String> o = new TreeSet<>(others);
      o.remove(bridge);
      if (!o.isEmpty()) g.put(n, o);
    });
    return freeze(g);
  }

  /** Who hears whom, for a history: components when the grudge is complete, else per node. */
  public static String describe(Map<String, Set<String>> grudge, List<String> nodes) {
    if (grudge.isEmpty()) return "fully connected";
    List<Set<String>> comps = componentsIfComplete(grudge, nodes);
    if (comps != null) {
      List<String> parts = new ArrayList<>();
      for (Set<String> c : comps) parts.add(String.join(" ", c));
      return String.join(" | ", parts);
    }
    List<String> parts = new ArrayList<>();
    grudge.forEach((n, from) -> parts.add(n + " cannot hear " + String.join(",", from)));
    return String.join("; ", parts);
  }

  /** The components, when the grudge is exactly "no one hears across components"; else null. */
  static List<Set<String>> componentsIfComplete(Map<String, Set<String>> grudge, List<String> nodes) {
    List<Set<String>> comps = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (String n : nodes) {
      if (seen.contains(n)) continue;
      Set<String> comp = new TreeSet<>(java.util.Comparator.comparingInt(nodes::indexOf));
      for (String m : nodes) if (!grudge.getOrDefault(n, Set.of()).contains(m)) comp.add(m);
      comps.add(comp);
      seen.addAll(comp);
    }
    return complete(comps).equals(grudge) ? comps : null;
  }

  private static List<String> shuffled(List<String> nodes, RandomGenerator random) {
    return RandomStreams.shuffled(nodes, random);
  }

  private static Map<String, Set<String>> freeze(Map<String, Set<String>> g) {
    Map<String, Set<String>> out = new TreeMap<>();
    g.forEach((k, v) -> out.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
    return Collections.unmodifiableMap(out);
  }
}

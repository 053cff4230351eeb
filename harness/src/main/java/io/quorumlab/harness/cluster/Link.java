package io.quorumlab.harness.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** A directed link: what {@code from} sends to {@code to}. */
public record Link(String from, String to) {
  public Link {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) throw new IllegalArgumentException("a link joins two different nodes, not " + from + " to itself");
  }

  /** Every directed link between distinct nodes. */
  public static List<Link> all(List<String> nodes) {
    List<Link> links = new ArrayList<>();
    for (String a : nodes) for (String b : nodes) if (!a.equals(b)) links.add(new Link(a, b));
    return links;
  }

  /** The links a grudge cuts: {@code from -> to} for every {@code from} in {@code grudge.get(to)}. */
  public static Set<Link> cutBy(Map<String, Set<String>> grudge) {
    Set<Link> cut = new TreeSet<>(java.util.Comparator.comparing(Link::from).thenComparing(Link::to));
    grudge.forEach((to, froms) -> froms.forEach(from -> { if (!from.equals(to)) cut.add(new Link(from, to)); }));
    return cut;
  }

  /**
   * {@code grudge} as a cluster keeps it: each node's own name dropped, nodes left with nothing
   * omitted, immutable. {@code requireNode} is called with every node named and throws for an
   * unknown one.
   */
  public static Map<String, Set<String>> normalized(Map<String, Set<String>> grudge, Consumer<String> requireNode) {
    Map<String, Set<String>> copy = new TreeMap<>();
    grudge.forEach((to, froms) -> {
      requireNode.accept(to);
      froms.forEach(requireNode);
      Set<String> others = new TreeSet<>(froms);
      others.remove(to);
      if (!others.isEmpty()) copy.put(to, Set.copyOf(others));
    });
    return Map.copyOf(copy);
  }

  /** The nodes at either end of any of the links, sorted: those whose rules a change of these links touches. */
  @SafeVarargs
  public static Set<String> endpoints(java.util.Collection<Link>... links) {
    Set<String> out = new TreeSet<>();
    for (java.util.Collection<Link> ls : links) {
      for (Link l : ls) {
        out.add(l.from());
        out.add(l.to());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return from + "->" + to;
  }
}

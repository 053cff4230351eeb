package io.quorumlab.harness.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    Set<Link> cut = new java.util.TreeSet<>(java.util.Comparator.comparing(Link::from).thenComparing(Link::to));
    grudge.forEach((to, froms) -> froms.forEach(from -> { if (!from.equals(to)) cut.add(new Link(from, to)); }));
    return cut;
  }

  @Override
  public String toString() {
    return from + "->" + to;
  }
}

package io.quorumlab.harness.cluster;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The nodes of a backend's node map that are in some state (killed, paused), for {@link Cluster#killed} and the like. */
public final class NodeSets {
  private NodeSets() {}

  /** The ids of {@code nodes} whose node passes {@code test}, in the map's order. */
  public static <N> Set<String> where(Map<String, N> nodes, Predicate<N> test) {
    Set<String> out = new LinkedHashSet<>();
    nodes.forEach((id, node) -> {
      if (test.test(node)) out.add(id);
    });
    return out;
  }
}

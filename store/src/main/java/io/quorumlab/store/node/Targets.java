package io.quorumlab.store.node;

import java.util.List;
import java.util.Map;

/**
 * The replicas a request goes to.
 *
 * @param nodes the nodes to ask, in preference order (owners first, then any fallbacks)
 * @param hintFor for each fallback in {@code nodes}, the owner it stands in for
 * @param owners the key's preference list (the N owners, alive or not)
 */
public record Targets(List<String> nodes, Map<String, String> hintFor, List<String> owners) {

  public boolean contains(String node) {
    return nodes.contains(node);
  }

  public int size() {
    return nodes.size();
  }
}

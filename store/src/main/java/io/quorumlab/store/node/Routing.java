package io.quorumlab.store.node;

import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.ring.Ring;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks a key's replicas from the ring's walk and the liveness view. */
final class Routing {
  private Routing() {}

  /**
   * Strict: the live nodes among the N owners. Sloppy: the first N live nodes of the walk; each
   * fallback takes the place of the first owner not yet stood in for.
   */
  static Targets route(Ring ring, String key, int n, Quorum quorum, Liveness liveness) {
    List<String> walk = ring.walk(key);
    List<String> owners = List.copyOf(walk.subList(0, Math.min(n, walk.size())));
    List<String> nodes = new ArrayList<>(n);
    Map<String, String> hintFor = new LinkedHashMap<>();
    if (quorum == Quorum.STRICT) {
      for (String owner : owners) {
        if (liveness.isAlive(owner)) {
          nodes.add(owner);
        }
      }
      return new Targets(List.copyOf(nodes), Map.of(), owners);
    }
    Deque<String> downOwners = new ArrayDeque<>();
    for (String owner : owners) {
      if (liveness.isAlive(owner)) {
        nodes.add(owner);
      } else {
        downOwners.add(owner);
      }
    }
    for (int i = owners.size(); i < walk.size() && !downOwners.isEmpty(); i++) {
      String fallback = walk.get(i);
      if (liveness.isAlive(fallback)) {
        nodes.add(fallback);
        hintFor.put(fallback, downOwners.poll());
      }
    }
    return new Targets(List.copyOf(nodes), Map.copyOf(hintFor), owners);
  }
}

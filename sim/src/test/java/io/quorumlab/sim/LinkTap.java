package io.quorumlab.sim;

import io.quorumlab.store.protocol.PeerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records every message between nodes: deliveries per directed link, and drops with their reasons. */
final class LinkTap implements MessageObserver {
  record Delivery(String from, String to, PeerMessage message, long time) {}

  final List<Delivery> deliveries = new ArrayList<>();
  final Map<String, Long> dropsByReason = new TreeMap<>();
  final Map<String, Long> dropsByLink = new TreeMap<>();

  @Override
  public void delivered(String from, String to, PeerMessage message, long timeNanos) {
    deliveries.add(new Delivery(from, to, message, timeNanos));
  }

  @Override
  public void dropped(String from, String to, String why, long timeNanos) {
    dropsByReason.merge(why, 1L, Long::sum);
    dropsByLink.merge(from + "->" + to, 1L, Long::sum);
  }

  /** Deliveries per directed link ("n1->n2") at or after {@code since}. */
  Map<String, Long> deliveredPerLink(long since) {
    Map<String, Long> m = new TreeMap<>();
    for (Delivery d : deliveries) {
      if (d.time() >= since) {
        m.merge(d.from() + "->" + d.to(), 1L, Long::sum);
      }
    }
    return m;
  }

  void clear() {
    deliveries.clear();
    dropsByReason.clear();
    dropsByLink.clear();
  }
}

package io.quorumlab.store.transfer;

import io.quorumlab.store.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The leaving node's side: one stream to each node that replicates some of its keys once it is
 * gone, carrying exactly those keys; and, from then on (also after LEFT, until every coordinator
 * has heard), every write that reaches it goes on to the keys' new replicas.
 */
final class Leaver {
  private final String self;
  private final int n;
  /** The ring this node leaves from, and the one without it. */
  private final Ring from;
  private final Ring to;
  private final Map<String, StreamSender> streams = new LinkedHashMap<>();

  Leaver(String self, int n, Ring from) {
    assert from.contains(self) : self + " leaves a ring it is not in";
    this.self = self;
    this.n = n;
    this.from = from;
    TreeSet<String> ids = new TreeSet<>(from.nodes());
    ids.remove(self);
    this.to = Ring.of(ids, from.vnodes());
  }

  /** The nodes that take over some of this node's keys. */
  List<String> newOwners() {
    return to.nodes();
  }

  StreamSender stream(String dest, long stream) {
    StreamSender sender = new StreamSender(dest, stream, key -> moves(Ring.hash(new String(key, StandardCharsets.UTF_8)), dest));
    streams.put(dest, sender);
    return sender;
  }

  /** The running stream to {@code dest}, or null. */
  StreamSender sender(String dest) {
    return streams.get(dest);
  }

  void streamEnded(String dest) {
    streams.remove(dest);
  }

  List<StreamSender> senders() {
    return new ArrayList<>(streams.values());
  }

  /** Whether a key at {@code token}, replicated here, becomes {@code dest}'s once this node is gone. */
  private boolean moves(long token, String dest) {
    List<String> now = from.preferenceListAt(token, n);
    return now.contains(self) && !now.contains(dest) && to.preferenceListAt(token, n).contains(dest);
  }

  /** Where a write of {@code token} that reached this node must go on to. */
  List<String> forwardTargets(long token) {
    List<String> owners = from.preferenceListAt(token, n);
    if (!owners.contains(self)) {
      return List.of();
    }
    List<String> targets = new ArrayList<>(1);
    for (String next : to.preferenceListAt(token, n)) {
      if (!owners.contains(next)) {
        targets.add(next);
      }
    }
    return targets;
  }
}

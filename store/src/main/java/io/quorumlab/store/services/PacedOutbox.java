package io.quorumlab.store.services;

import io.quorumlab.store.node.Node;
import io.quorumlab.store.node.Transport;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Extension frames of a bulk sender, per peer in order, handed to the transport only while the link
 * has room (see {@link Transport#hasRoomFor}); the rest wait and are retried every few
 * milliseconds. Anti-entropy produces a whole range's values at once for a wiped replica; without
 * this the link's backlog would overflow and the transport would drop frames, its own and others'.
 */
final class PacedOutbox {
  static final long RETRY_MS = 5;

  private final Node node;
  private final Transport transport;
  private final int channel;
  private final Map<String, ArrayDeque<byte[]>> queues = new HashMap<>();
  private boolean retryArmed;

  PacedOutbox(Node node, Transport transport, int channel) {
    this.node = node;
    this.transport = transport;
    this.channel = channel;
  }

  void send(String to, byte[] frame) {
    ArrayDeque<byte[]> queue = queues.computeIfAbsent(to, t -> new ArrayDeque<>());
    queue.add(frame);
    if (queue.size() == 1) {
      drain(to, queue);
    }
    armRetry();
  }

  /** Frames waiting for room, all peers together. */
  int waiting() {
    return queues.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  /** Forgets what waits for {@code peer} (its sessions are over). */
  void drop(String peer) {
    queues.remove(peer);
  }

  private void drain(String to, ArrayDeque<byte[]> queue) {
    byte[] next;
    while ((next = queue.peek()) != null && transport.hasRoomFor(to, next.length)) {
      queue.poll();
      node.sendExtension(to, channel, next);
    }
  }

  private void armRetry() {
    queues.values().removeIf(ArrayDeque::isEmpty);
    if (!retryArmed && !queues.isEmpty()) {
      retryArmed = true;
      node.schedule(RETRY_MS, () -> {
        retryArmed = false;
        queues.forEach(this::drain);
        armRetry();
      });
    }
  }
}

package io.quorumlab.store.antientropy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs one session between two {@link SetReplica}s in one thread: every message is encoded and
 * decoded with {@link SyncCodec} on its way, as the transport would, and delivered in order.
 */
final class SyncPair {
  private record InFlight(String to, byte[] bytes) {}

  final SetReplica a;
  final SetReplica b;
  final int maxMessageBytes;
  AntiEntropySession initiator;
  AntiEntropySession responder;
  long wireBytes;
  int messages;
  private final Deque<InFlight> queue = new ArrayDeque<>();

  SyncPair(SetReplica a, SetReplica b, int maxMessageBytes) {
    this.a = a;
    this.b = b;
    this.maxMessageBytes = maxMessageBytes;
  }

  private SyncOutbox outbox() {
    return (to, message) -> queue.add(new InFlight(to, SyncCodec.encode(message)));
  }

  /** a initiates; returns after both sides finished or nothing is left in flight. */
  SyncPair run(long sessionId) {
    initiator = AntiEntropySession.initiate("a", "b", sessionId, a.tree, a, SetReplica.UNION, outbox(), maxMessageBytes, 0);
    while (!queue.isEmpty()) {
      InFlight next = queue.poll();
      wireBytes += next.bytes.length;
      messages++;
      SyncMessage message;
      try {
        message = SyncCodec.decode(next.bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (next.to.equals("a")) {
        initiator.receive(message, 0);
      } else if (message instanceof SyncStart start) {
        responder = AntiEntropySession.respond("b", start, b.tree, b, SetReplica.UNION, outbox(), maxMessageBytes, 0);
      } else {
        responder.receive(message, 0);
      }
    }
    return this;
  }
}

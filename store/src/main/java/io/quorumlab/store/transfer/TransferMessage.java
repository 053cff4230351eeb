package io.quorumlab.store.transfer;

import io.quorumlab.store.antientropy.KeyValue;
import io.quorumlab.store.antientropy.TokenRange;
import java.util.List;

/**
 * Range transfer between a source of some keys and a node taking them over (a joining node, or the
 * new owners of a leaving node's keys). Encoded by {@link TransferCodec}.
 *
 * <pre>
 * joiner                        its source for some ranges    leaving node             each new owner
 *   Request(stream, ranges)  -&gt;                                Batch(stream, 0, ...)  -&gt;
 *                            &lt;-  Batch(stream, 0, ...)                                 &lt;-  Ack(stream, 0)
 *   Ack(stream, 0)           -&gt;                                ...
 *   ...                      &lt;-  Batch(stream, k, ..., last)
 * </pre>
 * A batch is sent after the previous one is acknowledged, and sent again when its ack is late;
 * receiving a batch twice is harmless because entries are merged.
 */
public sealed interface TransferMessage {
  long stream();

  /** Asks the receiver to send the requester the keys it holds whose tokens lie in {@code ranges}. */
  record Request(long stream, List<TokenRange> ranges) implements TransferMessage {
    public Request {
      ranges = List.copyOf(ranges);
    }
  }

  /** Stored states of keys, in the sender's storage order; {@code last} ends the stream. */
  record Batch(long stream, long seq, List<KeyValue> entries, boolean last) implements TransferMessage {}

  /** The receiver merged batch {@code seq} durably. */
  record Ack(long stream, long seq) implements TransferMessage {}
}

package io.quorumlab.store.transfer;

import io.quorumlab.store.antientropy.KeyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sending side of one stream: walks this node's stored keys in storage order from a cursor and
 * sends those {@code selects} accepts, one batch in flight at a time. Each batch scans a bounded
 * number of keys, so the node's thread is never held for long; a batch may therefore be empty, and
 * only the batch that reached the end of the data is {@code last}. The stream is complete when the
 * last batch is acknowledged.
 */
final class StreamSender {
  static final int BATCH_BYTES = 256 << 10;
  static final int BATCH_KEYS = 2048;
  static final int SCAN_LIMIT = 20_000;

  final String dest;
  final long stream;
  private final Predicate<byte[]> selects;
  private byte[] cursor = new byte[0];
  private TransferMessage.Batch inFlight;
  private boolean acked;
  private long sentAt;
  private int resends;
  private long keys;
  private long bytes;

  StreamSender(String dest, long stream, Predicate<byte[]> selects) {
    this.dest = dest;
    this.stream = stream;
    this.selects = selects;
  }

  /** The next batch, read from {@code data}; becomes the one in flight. */
  TransferMessage.Batch next(TransferData data, long now) {
    assert inFlight == null || (acked && !inFlight.last()) : "next batch of stream " + stream + " to " + dest
        + " while batch " + inFlight.seq() + (acked ? " ended the stream" : " is unacknowledged");
    List<KeyValue> entries = new ArrayList<>();
    long[] size = {0};
    int[] scanned = {0};
    byte[][] lastKey = {null};
    boolean[] stopped = {false};
    data.scan(cursor, (key, value) -> {
      lastKey[0] = key;
      scanned[0]++;
      if (selects.test(key)) {
        entries.add(new KeyValue(key.clone(), value.clone()));
        size[0] += key.length + value.length;
      }
      if (size[0] >= BATCH_BYTES || entries.size() >= BATCH_KEYS || scanned[0] >= SCAN_LIMIT) {
        stopped[0] = true;
        return false;
      }
      return true;
    });
    if (lastKey[0] != null) {
      // The smallest key after the last one scanned.
      cursor = Arrays.copyOf(lastKey[0], lastKey[0].length + 1);
    }
    inFlight = new TransferMessage.Batch(stream, inFlight == null ? 0 : inFlight.seq() + 1, entries, !stopped[0]);
    acked = false;
    sentAt = now;
    resends = 0;
    keys += entries.size();
    bytes += size[0];
    return inFlight;
  }

  /** Takes an ack; true when it acknowledges the batch in flight (false for a stale or repeated one). */
  boolean acknowledge(long seq) {
    if (inFlight == null || acked || seq != inFlight.seq()) {
      return false;
    }
    acked = true;
    return true;
  }

  /** The batch in flight again, for a late ack. */
  TransferMessage.Batch resend(long now) {
    assert inFlight != null && !acked : "resend of stream " + stream + " with nothing unacknowledged";
    resends++;
    sentAt = now;
    return inFlight;
  }

  boolean complete() {
    return acked && inFlight.last();
  }

  /** Whether the batch in flight has waited {@code timeoutMs} for its ack. */
  boolean overdue(long now, long timeoutMs) {
    return inFlight != null && !acked && now - sentAt >= timeoutMs;
  }

  int resends() {
    return resends;
  }

  long keys() {
    return keys;
  }

  long bytes() {
    return bytes;
  }
}

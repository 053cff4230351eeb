package io.quorumlab.store.services;

import io.quorumlab.store.antientropy.KeyValue;
import io.quorumlab.store.storage.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sending side of one range transfer: walks this node's stored keys in storage order from a
 * cursor and sends those {@code selects} accepts, one batch in flight at a time. Each batch scans a
 * bounded number of keys, so the node's thread is never held for long; a batch may therefore be
 * empty, and only the batch that reached the end of the data is {@code last}.
 */
final class OutStream {
  static final int BATCH_BYTES = 256 << 10;
  static final int BATCH_KEYS = 2048;
  static final int SCAN_LIMIT = 20_000;

  final String dest;
  final long id;
  private final Predicate<String> selects;
  private byte[] cursor = new byte[0];
  private long seq = -1;
  private TransferMessage.Batch inFlight;
  long sentAt;
  int resends;
  long keys;
  long bytes;

  OutStream(String dest, long id, Predicate<String> selects) {
    this.dest = dest;
    this.id = id;
    this.selects = selects;
  }

  /** The next batch, read from {@code storage}; becomes the one in flight. */
  TransferMessage.Batch next(Storage storage, long now) {
    List<KeyValue> entries = new ArrayList<>();
    long[] size = {0};
    int[] scanned = {0};
    byte[][] lastKey = {null};
    boolean[] stopped = {false};
    storage.scan(Storage.Space.DATA, cursor, (key, value) -> {
      lastKey[0] = key;
      scanned[0]++;
      String k = new String(key, java.nio.charset.StandardCharsets.UTF_8);
      if (selects.test(k)) {
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
    inFlight = new TransferMessage.Batch(id, ++seq, entries, !stopped[0]);
    sentAt = now;
    resends = 0;
    keys += entries.size();
    bytes += size[0];
    return inFlight;
  }

  TransferMessage.Batch inFlight() {
    return inFlight;
  }

  boolean acknowledges(long ackedSeq) {
    return inFlight != null && ackedSeq == inFlight.seq();
  }
}

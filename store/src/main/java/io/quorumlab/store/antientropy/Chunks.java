package io.quorumlab.store.antientropy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Splits long key and value lists into messages of at most about {@code maxBytes} encoded bytes,
 * so a large difference (a wiped replica) never needs a frame larger than the transport allows.
 * A single entry larger than the cap still goes, alone.
 */
final class Chunks {
  /** Fixed part of a message (type, ids, counts, flags), generously rounded up. */
  private static final long HEADER = 64;

  private Chunks() {}

  /** Key digests; only the first message carries the leaf marks. */
  static List<SyncKeys> keys(String from, long sessionId, boolean wholeRange, int markedOf, BitSet marked,
      Map<ByteBuffer, byte[]> entries, long maxBytes) {
    List<SyncKeys> messages = new ArrayList<>();
    List<KeyDigest> chunk = new ArrayList<>();
    long size = HEADER + markedOf / 8;
    for (Map.Entry<ByteBuffer, byte[]> e : entries.entrySet()) {
      byte[] key = e.getKey().array();
      long entrySize = 8L + key.length + e.getValue().length;
      if (!chunk.isEmpty() && size + entrySize > maxBytes) {
        messages.add(keysMessage(from, sessionId, wholeRange, markedOf, marked, chunk, messages.isEmpty(), false));
        chunk = new ArrayList<>();
        size = HEADER;
      }
      chunk.add(new KeyDigest(key, e.getValue()));
      size += entrySize;
    }
    messages.add(keysMessage(from, sessionId, wholeRange, markedOf, marked, chunk, messages.isEmpty(), true));
    return messages;
  }

  private static SyncKeys keysMessage(String from, long sessionId, boolean wholeRange, int markedOf, BitSet marked,
      List<KeyDigest> chunk, boolean first, boolean last) {
    return new SyncKeys(from, sessionId, wholeRange, first ? markedOf : 0, first ? marked : new BitSet(), chunk, last);
  }

  /** Values first, then wanted keys; there is always at least one (possibly empty) message. */
  static List<SyncValues> values(String from, long sessionId, List<KeyValue> values, List<byte[]> wanted,
      long maxBytes) {
    List<SyncValues> messages = new ArrayList<>();
    List<KeyValue> chunk = new ArrayList<>();
    List<byte[]> wantedChunk = new ArrayList<>();
    long size = HEADER;
    for (KeyValue kv : values) {
      long entrySize = 8L + kv.key().length + kv.value().length;
      if (!chunk.isEmpty() && size + entrySize > maxBytes) {
        messages.add(new SyncValues(from, sessionId, chunk, List.of(), false));
        chunk = new ArrayList<>();
        size = HEADER;
      }
      chunk.add(kv);
      size += entrySize;
    }
    for (byte[] key : wanted) {
      long entrySize = 4L + key.length;
      if ((!chunk.isEmpty() || !wantedChunk.isEmpty()) && size + entrySize > maxBytes) {
        messages.add(new SyncValues(from, sessionId, chunk, wantedChunk, false));
        chunk = new ArrayList<>();
        wantedChunk = new ArrayList<>();
        size = HEADER;
      }
      wantedChunk.add(key);
      size += entrySize;
    }
    messages.add(new SyncValues(from, sessionId, chunk, wantedChunk, true));
    return messages;
  }
}

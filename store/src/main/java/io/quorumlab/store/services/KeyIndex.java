package io.quorumlab.store.services;

import io.quorumlab.store.antientropy.TokenRange;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every key this node stores, ordered by ring token, with the digest of its state. The storage
 * engine orders keys by their bytes, but anti-entropy compares token ranges and must know the
 * digest a key was last entered into the Merkle trees with, so this in-memory index answers both.
 * About 100 bytes per key. Not thread-safe: the node's thread only.
 */
final class KeyIndex {
  /** A key and its digest; keys whose tokens collide (2^-64 per pair) are chained. */
  private record Entry(byte[] key, byte[] digest, Entry next) {}

  @FunctionalInterface
  interface Visitor {
    void visit(byte[] key, long token, byte[] digest);
  }

  private final TreeMap<Long, Entry> byToken = new TreeMap<>(Long::compareUnsigned);
  private int size;

  int size() {
    return size;
  }

  /** Records {@code digest} (null: absent) for {@code key}; returns the digest it had (null: absent). */
  byte[] put(String key, long token, byte[] digest) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    Entry head = byToken.get(token);
    byte[] old = null;
    Entry rest = null;
    for (Entry e = head; e != null; e = e.next()) {
      if (Arrays.equals(e.key(), k)) {
        old = e.digest();
      } else {
        rest = new Entry(e.key(), e.digest(), rest);
      }
    }
    Entry next = digest == null ? rest : new Entry(k, digest, rest);
    if (next == null) {
      byToken.remove(token);
    } else {
      byToken.put(token, next);
    }
    size += (digest == null ? 0 : 1) - (old == null ? 0 : 1);
    return old;
  }

  /** Visits the keys whose tokens lie in {@code range}, clockwise from its start. */
  void forEachIn(TokenRange range, Visitor visitor) {
    if (range.isFullRing()) {
      forEach(visitor);
      return;
    }
    long from = range.startExclusive();
    long to = range.endInclusive();
    if (Long.compareUnsigned(from, to) < 0) {
      visit(byToken.subMap(from, false, to, true), visitor);
    } else {
      visit(byToken.tailMap(from, false), visitor);
      visit(byToken.headMap(to, true), visitor);
    }
  }

  void forEach(Visitor visitor) {
    visit(byToken, visitor);
  }

  private static void visit(Map<Long, Entry> entries, Visitor visitor) {
    for (Map.Entry<Long, Entry> e : entries.entrySet()) {
      for (Entry x = e.getValue(); x != null; x = x.next()) {
        visitor.visit(x.key(), e.getKey(), x.digest());
      }
    }
  }
}

package io.quorumlab.sim;

import java.util.Arrays;

/**
 * Keeps each connection first-in first-out, as TCP does: a message is never delivered before one
 * sent earlier on the same connection. Remembers, per connection, when its latest message is due;
 * a connection whose latest message is already delivered constrains nothing and is forgotten, so
 * the table holds only connections with messages in flight (a primitive open-addressing map; no
 * per-message allocation).
 */
final class FifoLinks {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys = new long[256];
  private long[] dueTimes = new long[256];
  private int size;

  /** The delivery time of a message sent now on {@code connection} that would arrive at {@code arrival}. */
  long order(long connection, long arrival, long now) {
    int mask = keys.length - 1;
    int i = slot(connection, mask);
    while (keys[i] != EMPTY) {
      if (keys[i] == connection) {
        long due = Math.max(arrival, dueTimes[i]);
        dueTimes[i] = due;
        return due;
      }
      i = (i + 1) & mask;
    }
    keys[i] = connection;
    dueTimes[i] = arrival;
    if (++size * 2 > keys.length) {
      rebuild(now);
    }
    return arrival;
  }

  /** Drops connections with nothing in flight; grows when most still have. */
  private void rebuild(long now) {
    long[] oldKeys = keys;
    long[] oldDue = dueTimes;
    int live = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY && oldDue[i] > now) {
        live++;
      }
    }
    int capacity = oldKeys.length;
    while (live * 4 > capacity) {
      capacity *= 2;
    }
    keys = new long[capacity];
    dueTimes = new long[capacity];
    Arrays.fill(keys, EMPTY);
    size = 0;
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY && oldDue[i] > now) {
        int j = slot(oldKeys[i], mask);
        while (keys[j] != EMPTY) {
          j = (j + 1) & mask;
        }
        keys[j] = oldKeys[i];
        dueTimes[j] = oldDue[i];
        size++;
      }
    }
  }

  FifoLinks() {
    Arrays.fill(keys, EMPTY);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** A connection between nodes. */
  static long nodeLink(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  /** A client's connection to a node, one key per direction. */
  static long clientLink(int client, int node, boolean toNode) {
    return (1L << 62) | (toNode ? 1L << 61 : 0) | ((long) client << 32) | (node & 0xffffffffL);
  }
}

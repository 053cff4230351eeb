package io.quorumlab.store.services;

import io.quorumlab.store.storage.Storage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The node's own durable facts in the META space: the last generation it gossiped under (so a
 * restart never reuses or goes below it, whatever the clock does) and whether it has completed a
 * join (so a joined node restarts as a member, not as a joiner).
 */
final class NodeMeta {
  private static final byte[] GENERATION = "generation".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MEMBERSHIP = "membership".getBytes(StandardCharsets.UTF_8);

  private final Storage storage;

  NodeMeta(Storage storage) {
    this.storage = storage;
  }

  /**
   * A generation above every earlier one of this node: max(now, last + 1), stored and synced before
   * it is used. Synced whatever the data's fsync policy: a generation lost to a power loss would
   * let the restarted node, if its clock is behind, gossip under an older generation than before,
   * which peers ignore as a stale incarnation.
   */
  long nextGeneration(long epochMillis) {
    long next = Math.max(epochMillis, lastGeneration() + 1);
    remember(next);
    return next;
  }

  /** Stores {@code generation} as the last one used (a generation gossip raised is used at once). */
  /** Stores and syncs a generation, whatever the data's fsync policy (see {@link #nextGeneration}). */
  void remember(long generation) {
    storage.put(Storage.Space.META, GENERATION, ByteBuffer.allocate(8).putLong(generation).array());
    storage.sync();
  }

  private long lastGeneration() {
    byte[] stored = storage.get(Storage.Space.META, GENERATION);
    return stored == null || stored.length != 8 ? 0 : ByteBuffer.wrap(stored).getLong();
  }

  /** "UP" once a join completed, "LEFT" after a leave, null for a node that never did either. */
  String membership() {
    byte[] v = storage.get(Storage.Space.META, MEMBERSHIP);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }

  void setMembership(String value) {
    storage.put(Storage.Space.META, MEMBERSHIP, value.getBytes(StandardCharsets.UTF_8));
    storage.sync(); // a completed join or leave must survive a power loss, as the generation does

  }
}

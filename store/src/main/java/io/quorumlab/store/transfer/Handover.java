package io.quorumlab.store.transfer;

import io.quorumlab.store.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A source's side of a join: the ranges one joiner asked this node for. It streams them, forwards
 * the writes of those ranges that reach this node meanwhile, and once the transfer is confirmed
 * (the stream completed and the joiner is in this node's ring, which it enters only after receiving
 * everything) and a grace period has passed, drops the keys of those ranges this node no longer
 * replicates.
 */
final class Handover {
  enum Phase {
    /** A stream to the joiner is running. */
    STREAMING,
    /** No stream runs; waiting for the joiner to enter the ring. */
    WAITING,
    /** The joiner is in the ring; stale coordinators may still write here until {@link #collectAt}. */
    GRACE,
    /** Dropping the keys that moved, a bounded scan per step. */
    COLLECTING,
    /** Nothing left to do. */
    FINISHED
  }

  final String joiner;
  private Phase phase = Phase.STREAMING;
  /** Every range the joiner asked for: writes to them are forwarded. */
  private TokenRanges requested = TokenRanges.EMPTY;
  /** The ranges of the streams that completed: only their keys are dropped. */
  private TokenRanges streamed = TokenRanges.EMPTY;
  private TokenRanges current = TokenRanges.EMPTY;
  private StreamSender sender;
  private long collectAt;
  private byte[] cursor = new byte[0];
  private long dropped;

  Handover(String joiner) {
    this.joiner = joiner;
  }

  /** The joiner asked (again) for {@code ranges}: a new stream replaces any running one. */
  StreamSender stream(long stream, TokenRanges ranges) {
    move(Phase.STREAMING);
    requested = requested.union(ranges);
    current = ranges;
    cursor = new byte[0];
    sender = new StreamSender(joiner, stream, key -> ranges.contains(Ring.hash(new String(key, StandardCharsets.UTF_8))));
    return sender;
  }

  StreamSender sender() {
    return sender;
  }

  /** The running stream completed (its last batch is acknowledged) or was given up. */
  void streamEnded(boolean completed) {
    assert phase == Phase.STREAMING && sender != null : "stream to " + joiner + " ended in phase " + phase;
    if (completed) {
      streamed = streamed.union(current);
    }
    sender = null;
    move(Phase.WAITING);
  }

  /** Advances the phases that wait on the ring or the clock. */
  void tick(Ring ring, long now, long graceMs) {
    if (phase == Phase.WAITING && ring.contains(joiner)) {
      collectAt = now + graceMs;
      move(Phase.GRACE);
    } else if (phase == Phase.GRACE && now >= collectAt) {
      move(Phase.COLLECTING);
    }
  }

  /**
   * One bounded step of dropping the keys of the streamed ranges that {@code self} no longer
   * replicates in {@code ring} and the joiner does (a key that moved elsewhere too, by another
   * change of the ring, stays); finishes when the scan reaches the end of the data.
   */
  void collect(TransferData data, Ring ring, String self, int n) {
    assert phase == Phase.COLLECTING : "collecting keys handed to " + joiner + " in phase " + phase;
    List<byte[]> moved = new ArrayList<>();
    int[] scanned = {0};
    byte[][] lastKey = {null};
    boolean[] stopped = {false};
    data.scan(cursor, (key, value) -> {
      lastKey[0] = key;
      long token = Ring.hash(new String(key, StandardCharsets.UTF_8));
      if (streamed.contains(token) && !ring.isReplica(self, token, n) && ring.isReplica(joiner, token, n)) {
        moved.add(key.clone());
      }
      if (++scanned[0] >= StreamSender.SCAN_LIMIT) {
        stopped[0] = true;
        return false;
      }
      return true;
    });
    if (lastKey[0] != null) {
      cursor = Arrays.copyOf(lastKey[0], lastKey[0].length + 1);
    }
    moved.forEach(data::discard);
    dropped += moved.size();
    if (!stopped[0]) {
      move(Phase.FINISHED);
    }
  }

  /** Whether a write of {@code token} here must also go to the joiner. */
  boolean forwards(long token) {
    return phase.compareTo(Phase.GRACE) <= 0 && requested.contains(token);
  }

  Phase phase() {
    return phase;
  }

  long dropped() {
    return dropped;
  }

  private void move(Phase next) {
    assert next == Phase.STREAMING ? phase != Phase.FINISHED : next.ordinal() == phase.ordinal() + 1
        : "handover to " + joiner + ": " + phase + " -> " + next;
    phase = next;
  }
}

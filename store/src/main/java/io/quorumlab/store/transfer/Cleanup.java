package io.quorumlab.store.transfer;

import io.quorumlab.store.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keys this node holds but does not replicate in {@link #ring}: what no handover dropped because
 * this node was down while the ring changed (a joiner pulled those arcs from another replica), or
 * was not asked for them. They may hold writes no current replica has, so they are not just
 * dropped: each is streamed to the key's current replicas, and dropped only once every one of them
 * has acknowledged it. Writes of such keys that reach this node meanwhile are forwarded to them.
 */
final class Cleanup {
  enum Phase {
    /** Looking for keys this node does not replicate, a bounded scan per step. */
    SCANNING,
    /** Streaming them to their replicas. */
    STREAMING,
    /** Dropping the keys whose replicas all acknowledged them. */
    DROPPING,
    FINISHED
  }

  final Ring ring;
  private final String self;
  private final int n;
  private Phase phase = Phase.SCANNING;
  private final Set<String> dests = new TreeSet<>();
  private final Map<String, StreamSender> streams = new LinkedHashMap<>();
  /** Destinations whose stream ended (or that were down), and those whose stream completed. */
  private final Set<String> ended = new TreeSet<>();
  private final Set<String> delivered = new TreeSet<>();
  private byte[] cursor = new byte[0];
  private long misplaced;
  private long dropped;

  Cleanup(String self, int n, Ring ring) {
    assert ring.contains(self) : self + " cleans up for a ring it is not in";
    this.self = self;
    this.n = n;
    this.ring = ring;
  }

  /** Whether a key at {@code token} is one this node holds for others in {@link #ring}. */
  boolean misplaced(long token) {
    return !ring.isReplica(self, token, n);
  }

  /** One bounded step of the scan; returns the destinations once it reached the end of the data. */
  void scan(TransferData data) {
    assert phase == Phase.SCANNING : "scan in phase " + phase;
    boolean finished = visit(data, (key, token) -> {
      misplaced++;
      dests.addAll(ring.preferenceListAt(token, n));
    });
    if (finished) {
      phase = misplaced == 0 ? Phase.FINISHED : Phase.STREAMING;
    }
  }

  /** The destinations still to stream to (the scan has finished). */
  List<String> pending() {
    List<String> out = new ArrayList<>();
    for (String d : dests) {
      if (!streams.containsKey(d) && !ended.contains(d)) {
        out.add(d);
      }
    }
    return out;
  }

  StreamSender stream(String dest, long stream) {
    assert phase == Phase.STREAMING : "stream in phase " + phase;
    StreamSender sender = new StreamSender(dest, stream, key -> {
      long token = Ring.hash(new String(key, StandardCharsets.UTF_8));
      return misplaced(token) && ring.isReplica(dest, token, n);
    });
    streams.put(dest, sender);
    return sender;
  }

  StreamSender sender(String dest) {
    return streams.get(dest);
  }

  List<StreamSender> senders() {
    return new ArrayList<>(streams.values());
  }

  /** The stream to {@code dest} ended, completed or given up (or never started: {@code dest} is down). */
  void streamEnded(String dest, boolean completed) {
    streams.remove(dest);
    ended.add(dest);
    if (completed) {
      delivered.add(dest);
    }
  }

  /** Every stream has run: drop what every replica acknowledged (keys of a replica that was down stay). */
  void allStreamed() {
    assert phase == Phase.STREAMING && streams.isEmpty() : "streams still running in phase " + phase;
    cursor = new byte[0];
    phase = Phase.DROPPING;
  }

  void drop(TransferData data) {
    assert phase == Phase.DROPPING : "drop in phase " + phase;
    List<byte[]> gone = new ArrayList<>();
    boolean finished = visit(data, (key, token) -> {
      if (delivered.containsAll(ring.preferenceListAt(token, n))) {
        gone.add(key.clone());
      }
    });
    gone.forEach(data::discard);
    dropped += gone.size();
    if (finished) {
      phase = Phase.FINISHED;
    }
  }

  private interface Visitor {
    void misplacedKey(byte[] key, long token);
  }

  /** Visits the misplaced keys of one bounded scan from the cursor; true when it reached the end. */
  private boolean visit(TransferData data, Visitor visitor) {
    int[] scanned = {0};
    byte[][] lastKey = {null};
    boolean[] stopped = {false};
    data.scan(cursor, (key, value) -> {
      lastKey[0] = key;
      long token = Ring.hash(new String(key, StandardCharsets.UTF_8));
      if (misplaced(token)) {
        visitor.misplacedKey(key, token);
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
    return !stopped[0];
  }

  Phase phase() {
    return phase;
  }

  long misplacedKeys() {
    return misplaced;
  }

  long dropped() {
    return dropped;
  }
}

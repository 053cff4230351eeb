package io.quorumlab.store.antientropy;

import io.quorumlab.store.config.WireNamed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a Merkle-tree exchange with one peer over one token range (protocol in
 * {@link SyncMessage}). Sans-IO: {@link #receive} takes a message, sends through the
 * {@link SyncOutbox}, reads and repairs through {@link ReplicaData} with the injected
 * {@link VersionMerger}. Traffic scales with the difference: equal replicas exchange two small
 * messages; otherwise the descent sends two hashes per differing node per level, then only the keys
 * of differing leaves travel, and values only for keys whose digests differ.
 *
 * <p>The tree is snapshotted when the session starts, so the descent compares one consistent
 * state while the node keeps writing; writes that race with the session are left for the next one.
 * Not thread-safe; one session per (peer, sessionId) on the node's event loop.
 */
public final class AntiEntropySession {

  public enum Outcome implements WireNamed { RUNNING, IN_SYNC, REPAIRED, REFUSED, ABORTED }

  private enum Phase {
    /** Hashes go back and forth. */
    DESCENDING,
    /** Receiving the peer's key digests (possibly in several messages). */
    COLLECTING_KEYS,
    /** Sent our key digests; waiting for the peer's values and wants. */
    AWAITING_VALUES,
    /** Sent values and wants; waiting for the wanted values. */
    AWAITING_WANTED,
    FINISHED
  }

  /** Default cap on one message's encoded size; long key and value lists are split. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

  private final String self;
  private final String peer;
  private final long sessionId;
  private final MerkleTree tree;
  private final ReplicaData data;
  private final VersionMerger merger;
  private final SyncOutbox outbox;
  private final int maxMessageBytes;

  private Phase phase = Phase.DESCENDING;
  private Outcome outcome = Outcome.RUNNING;
  private String detail = "";
  private long lastActivity;
  /** The nodes whose hashes this side sent last, and their level. */
  private int frontierLevel;
  private int[] frontier;
  /** Differing leaves (null: the whole range). */
  private BitSet leaves;
  private final Map<ByteBuffer, byte[]> peerDigests = new LinkedHashMap<>();
  private final List<byte[]> wantedByPeer = new ArrayList<>();

  private long bytesSent;
  private long bytesReceived;
  private long messagesSent;
  private long messagesReceived;
  private long hashesSent;
  private long differingLeaves;
  private long keyDigestsSent;
  private long valuesSent;
  private long valuesReceived;
  private long keysRepaired;

  private AntiEntropySession(String self, String peer, long sessionId, MerkleTree tree, ReplicaData data,
      VersionMerger merger, SyncOutbox outbox, int maxMessageBytes, long now) {
    this.self = self;
    this.peer = peer;
    this.sessionId = sessionId;
    this.tree = tree;
    this.data = data;
    this.merger = merger;
    this.outbox = outbox;
    this.maxMessageBytes = maxMessageBytes;
    this.lastActivity = now;
  }

  /**
   * Starts a session with {@code peer} over {@code liveTree}'s range and sends the opening message.
   *
   * @param sessionId chosen by the caller, unique among its open sessions with {@code peer}
   */
  public static AntiEntropySession initiate(String self, String peer, long sessionId, MerkleTree liveTree,
      ReplicaData data, VersionMerger merger, SyncOutbox outbox, int maxMessageBytes, long now) {
    AntiEntropySession session = new AntiEntropySession(self, peer, sessionId, liveTree.copy(), data, merger,
        outbox, maxMessageBytes, now);
    session.frontierLevel = 0;
    session.frontier = new int[] {0};
    session.hashesSent = 1;
    session.send(new SyncStart(self, sessionId, liveTree.range(), liveTree.depth(), session.tree.root()));
    return session;
  }

  /**
   * Answers a {@link SyncStart}. {@code liveTree} is this node's tree for {@code start.range()}, or
   * null if it has none; a missing or differently shaped tree refuses the session.
   */
  public static AntiEntropySession respond(String self, SyncStart start, MerkleTree liveTree, ReplicaData data,
      VersionMerger merger, SyncOutbox outbox, int maxMessageBytes, long now) {
    MerkleTree snapshot = liveTree == null ? null : liveTree.copy();
    AntiEntropySession session = new AntiEntropySession(self, start.from(), start.sessionId(), snapshot, data,
        merger, outbox, maxMessageBytes, now);
    session.countReceived(start);
    if (liveTree == null || !liveTree.range().equals(start.range()) || liveTree.depth() != start.depth()) {
      String why = liveTree == null
          ? "no tree for " + start.range()
          : "tree shape differs: " + liveTree.range() + " depth " + liveTree.depth()
              + " vs " + start.range() + " depth " + start.depth();
      session.end(SyncDone.Reason.REFUSED, why, Outcome.REFUSED);
      return session;
    }
    long mine = session.tree.root();
    if (mine != start.root() && start.root() == 0) {
      session.pushEverything();
    } else if (mine != start.root() && mine == 0) {
      session.leaves = null;
      session.differingLeaves = session.tree.leafCount();
      session.sendKeys(true, 0, new BitSet(), Map.of());
    } else {
      session.compare(0, new int[] {0}, new long[] {start.root()});
    }
    return session;
  }

  /** Handles one message from the peer. Messages after the end are ignored. */
  public void receive(SyncMessage message, long now) {
    if (phase == Phase.FINISHED) {
      return;
    }
    lastActivity = now;
    countReceived(message);
    if (message instanceof SyncDone done) {
      finish(switch (done.reason()) {
        case IN_SYNC -> Outcome.IN_SYNC;
        case REFUSED -> Outcome.REFUSED;
        case ABORTED -> Outcome.ABORTED;
      }, done.detail());
    } else if (message instanceof SyncHashes hashes && phase == Phase.DESCENDING) {
      onHashes(hashes);
    } else if (message instanceof SyncKeys keys && (phase == Phase.DESCENDING || phase == Phase.COLLECTING_KEYS)) {
      onKeys(keys);
    } else if (message instanceof SyncValues values
        && (phase == Phase.AWAITING_VALUES || phase == Phase.AWAITING_WANTED || phase == Phase.DESCENDING)) {
      onValues(values);
    } else {
      abort("unexpected " + message.getClass().getSimpleName() + " while " + phase);
    }
  }

  /** Ends a session that has been silent longer than {@code timeoutMs}, telling the peer; true if it did. */
  public boolean abortIfIdle(long now, long timeoutMs) {
    if (phase != Phase.FINISHED && now - lastActivity > timeoutMs) {
      abort("no message for " + (now - lastActivity) + " ms");
      return true;
    }
    return false;
  }

  // ---- descent ----

  private void onHashes(SyncHashes message) {
    assert phase == Phase.DESCENDING : "hashes handled while " + phase;
    if (message.markedOf() != frontier.length || frontierLevel >= tree.depth()) {
      abort("hashes refer to " + message.markedOf() + " nodes at level " + frontierLevel
          + ", expected " + frontier.length + " above the leaves");
      return;
    }
    int[] children = childrenOfMarked(frontier, message.marked());
    long[] theirs = message.childHashes();
    if (children.length == 0 || theirs.length != children.length) {
      abort("expected " + children.length + " child hashes, got " + theirs.length);
      return;
    }
    compare(frontierLevel + 1, children, theirs);
  }

  /** Compares the peer's hashes of {@code nodes} at {@code level} with ours and takes the next step. */
  private void compare(int level, int[] nodes, long[] theirs) {
    assert phase == Phase.DESCENDING && level <= tree.depth() && nodes.length == theirs.length
        : "comparing " + nodes.length + " nodes at level " + level + " of " + tree.depth() + " while " + phase;
    BitSet marked = new BitSet(nodes.length);
    for (int i = 0; i < nodes.length; i++) {
      if (tree.hash(level, nodes[i]) != theirs[i]) {
        marked.set(i);
      }
    }
    if (marked.isEmpty()) {
      end(SyncDone.Reason.IN_SYNC, "trees equal", Outcome.IN_SYNC);
      return;
    }
    if (level == tree.depth()) {
      leaves = new BitSet(tree.leafCount());
      marked.stream().forEach(i -> leaves.set(nodes[i]));
      differingLeaves = leaves.cardinality();
      sendKeys(false, nodes.length, marked, localEntries());
      return;
    }
    int[] children = childrenOfMarked(nodes, marked);
    long[] mine = new long[children.length];
    for (int i = 0; i < children.length; i++) {
      mine[i] = tree.hash(level + 1, children[i]);
    }
    frontierLevel = level + 1;
    frontier = children;
    hashesSent += mine.length;
    send(new SyncHashes(self, sessionId, nodes.length, marked, mine));
  }

  private static int[] childrenOfMarked(int[] nodes, BitSet marked) {
    int[] children = new int[2 * marked.cardinality()];
    int next = 0;
    for (int i = marked.nextSetBit(0); i >= 0 && i < nodes.length; i = marked.nextSetBit(i + 1)) {
      children[next++] = 2 * nodes[i];
      children[next++] = 2 * nodes[i] + 1;
    }
    return next == children.length ? children : Arrays.copyOf(children, next);
  }

  // ---- keys ----

  private void sendKeys(boolean wholeRange, int markedOf, BitSet marked, Map<ByteBuffer, byte[]> entries) {
    assert phase == Phase.DESCENDING : "keys sent while " + phase;
    phase = Phase.AWAITING_VALUES;
    Chunks.keys(self, sessionId, wholeRange, markedOf, marked, entries, maxMessageBytes).forEach(this::send);
    keyDigestsSent += entries.size();
  }

  private void onKeys(SyncKeys message) {
    if (phase == Phase.DESCENDING) {
      if (message.wholeRange()) {
        leaves = null;
        differingLeaves = tree.leafCount();
      } else if (frontierLevel != tree.depth() || message.markedOf() != frontier.length || message.marked().isEmpty()) {
        abort("keys refer to " + message.markedOf() + " leaves, expected " + frontier.length + " at the leaf level");
        return;
      } else {
        leaves = new BitSet(tree.leafCount());
        BitSet marked = message.marked();
        marked.stream().forEach(i -> leaves.set(frontier[i]));
        differingLeaves = leaves.cardinality();
      }
      phase = Phase.COLLECTING_KEYS;
    }
    for (KeyDigest entry : message.entries()) {
      peerDigests.put(ByteBuffer.wrap(entry.key()), entry.digest());
    }
    if (message.last()) {
      answerKeys();
    }
  }

  /** We know both sides' digests for the differing leaves: push what the peer lacks, want what we lack. */
  private void answerKeys() {
    assert phase == Phase.COLLECTING_KEYS : "keys answered while " + phase;
    Map<ByteBuffer, byte[]> mine = localEntries();
    List<KeyValue> pushes = new ArrayList<>();
    for (Map.Entry<ByteBuffer, byte[]> e : mine.entrySet()) {
      byte[] theirs = peerDigests.get(e.getKey());
      if (theirs == null || !Arrays.equals(theirs, e.getValue())) {
        byte[] value = data.read(e.getKey().array());
        if (value != null) {
          pushes.add(new KeyValue(e.getKey().array(), value));
        }
      }
    }
    List<byte[]> wanted = new ArrayList<>();
    for (Map.Entry<ByteBuffer, byte[]> e : peerDigests.entrySet()) {
      byte[] ours = mine.get(e.getKey());
      if (ours == null || !Arrays.equals(ours, e.getValue())) {
        wanted.add(e.getKey().array());
      }
    }
    peerDigests.clear();
    sendValues(pushes, wanted);
    if (wanted.isEmpty()) {
      finish(Outcome.REPAIRED, "");
    } else {
      phase = Phase.AWAITING_WANTED;
    }
  }

  // ---- values ----

  private void pushEverything() {
    leaves = null;
    differingLeaves = tree.leafCount();
    List<KeyValue> all = new ArrayList<>();
    for (ByteBuffer key : localEntries().keySet()) {
      byte[] value = data.read(key.array());
      if (value != null) {
        all.add(new KeyValue(key.array(), value));
      }
    }
    sendValues(all, List.of());
    finish(Outcome.REPAIRED, "");
  }

  private void onValues(SyncValues message) {
    for (KeyValue kv : message.values()) {
      repair(kv.key(), kv.value());
    }
    valuesReceived += message.values().size();
    if (phase == Phase.AWAITING_VALUES) {
      wantedByPeer.addAll(message.wanted());
    } else if (!message.wanted().isEmpty()) {
      abort("values may only be wanted in answer to keys");
      return;
    }
    if (!message.last()) {
      return;
    }
    if (phase == Phase.AWAITING_VALUES && !wantedByPeer.isEmpty()) {
      List<KeyValue> answers = new ArrayList<>(wantedByPeer.size());
      for (byte[] key : wantedByPeer) {
        byte[] value = data.read(key);
        if (value != null) {
          answers.add(new KeyValue(key, value));
        }
      }
      wantedByPeer.clear();
      sendValues(answers, List.of());
    }
    finish(Outcome.REPAIRED, "");
  }

  private void repair(byte[] key, byte[] remote) {
    byte[] local = data.read(key);
    byte[] merged = merger.merge(key, local, remote);
    if (local == null || !Arrays.equals(local, merged)) {
      data.write(key, merged);
      keysRepaired++;
    }
  }

  private void sendValues(List<KeyValue> values, List<byte[]> wanted) {
    Chunks.values(self, sessionId, values, wanted, maxMessageBytes).forEach(this::send);
    valuesSent += values.size();
  }

  private Map<ByteBuffer, byte[]> localEntries() {
    return LeafEntries.collect(tree, leaves, data);
  }

  // ---- plumbing ----

  private void send(SyncMessage message) {
    assert phase != Phase.FINISHED : "session " + sessionId + " with " + peer + " sends " + message.getClass().getSimpleName()
        + " after it finished";
    messagesSent++;
    bytesSent += SyncCodec.encodedSize(message);
    outbox.send(peer, message);
  }

  private void countReceived(SyncMessage message) {
    messagesReceived++;
    bytesReceived += SyncCodec.encodedSize(message);
  }

  private void abort(String why) {
    end(SyncDone.Reason.ABORTED, why, Outcome.ABORTED);
  }

  private void end(SyncDone.Reason reason, String why, Outcome result) {
    send(new SyncDone(self, sessionId, reason, why));
    finish(result, why);
  }

  private void finish(Outcome result, String why) {
    assert phase != Phase.FINISHED && result != Outcome.RUNNING
        : "session " + sessionId + " with " + peer + " finishes " + result + " after " + outcome;
    phase = Phase.FINISHED;
    outcome = result;
    detail = why;
  }

  // ---- queries ----

  public boolean isFinished() {
    return phase == Phase.FINISHED;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** Why the session ended early (empty for a normal end). */
  public String detail() {
    return detail;
  }

  public String peer() {
    return peer;
  }

  public long sessionId() {
    return sessionId;
  }

  public TokenRange range() {
    return tree == null ? null : tree.range();
  }

  public SyncStats stats() {
    return new SyncStats(bytesSent, bytesReceived, messagesSent, messagesReceived, hashesSent, differingLeaves,
        keyDigestsSent, valuesSent, valuesReceived, keysRepaired);
  }
}

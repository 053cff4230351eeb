package io.quorumlab.store.services;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.antientropy.AntiEntropySession;
import io.quorumlab.store.antientropy.MerkleTree;
import io.quorumlab.store.antientropy.ReplicaData;
import io.quorumlab.store.antientropy.SyncCodec;
import io.quorumlab.store.antientropy.SyncMessage;
import io.quorumlab.store.antientropy.SyncStart;
import io.quorumlab.store.antientropy.SyncStats;
import io.quorumlab.store.antientropy.TokenRange;
import io.quorumlab.store.antientropy.VersionMerger;
import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.node.Clock;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.node.Transport;
import io.quorumlab.store.ring.Ring;
import io.quorumlab.store.storage.DamagedRecordException;
import io.quorumlab.store.storage.Storage;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merkle-tree anti-entropy wired into a node: one tree per peer ({@link PairTrees}) kept current
 * from every data write, a periodic exchange with each peer (every {@code antiEntropyIntervalMs};
 * of each pair the node with the smaller id starts it, so a pair is compared once per interval) and
 * an on-demand exchange with every peer ({@link #repairNow}). Repairs go through the node's merge
 * write, so they obey the normal version-merge rules and update the trees in turn.
 *
 * <p>Session ids carry the initiator's side in their low bit (0 when the initiator's id is the
 * smaller), so the two sessions a pair may run at once never share a (peer, id).
 */
final class AntiEntropyService {
  private static final Logger LOG = LoggerFactory.getLogger(AntiEntropyService.class);
  /** About log2 of the keys one pair shares at 10^4..10^5 keys per node: leaves hold about one key. */
  static final int DEPTH = 15;
  static final long IDLE_TIMEOUT_MS = 30_000;
  static final long IDLE_CHECK_MS = 5_000;

  /**
   * Written-out equals and hashCode (the same hash a record's generated one gives), because the
   * generated ones bootstrap through {@code ObjectMethods} on first use: some 30 method-handle classes
   * spun at run time, a few ms of a cold simulated run's first anti-entropy round.
   */
  private record SessionKey(String peer, long id) {
    @Override
    public boolean equals(Object o) {
      return o instanceof SessionKey k && id == k.id && Objects.equals(peer, k.peer);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(peer) + Long.hashCode(id);
    }
  }

  private record PeerResult(long at, String outcome, long keysRepaired, long bytes) {}

  private final Node node;
  private final String self;
  private final Storage storage;
  private final Clock clock;
  private final Predicate<String> routable;
  private final long intervalMs;
  private final int maxMessageBytes;
  private final PacedOutbox outbox;
  private final KeyIndex index = new KeyIndex();
  private final PairTrees trees;
  private final Map<SessionKey, AntiEntropySession> sessions = new HashMap<>();
  private final Map<String, PeerResult> lastByPeer = new TreeMap<>();
  private long nextSession = 1;
  private long finished;
  private long inSync;
  private long repaired;
  private long failed;
  private long keysRepaired;
  private long bytes;
  private long lastFinishedAt = -1;

  AntiEntropyService(Node node, Storage storage, Transport transport, Clock clock, Predicate<String> routable, Ring ring) {
    this.node = node;
    this.outbox = new PacedOutbox(node, transport, Channels.ANTI_ENTROPY);
    this.self = node.id();
    this.storage = storage;
    this.clock = clock;
    this.routable = routable;
    this.intervalMs = node.config().antiEntropyIntervalMs();
    this.maxMessageBytes = Math.max(64 << 10, Math.min(AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES, node.config().maxFrameBytes() / 2));
    this.trees = new PairTrees(self, node.config().n(), DEPTH, ring);
  }

  /** Indexes the stored keys and builds the trees; then keeps them current and starts the timers. */
  void start(Ring ring) {
    storage.scan(Storage.Space.DATA, new byte[0], (key, value) -> {
      String k = new String(key, StandardCharsets.UTF_8);
      try {
        index.put(k, Ring.hash(k), StateDigest.of(VersionCodec.decodeSiblings(value)));
      } catch (MalformedException e) {
        LOG.warn("node {}: stored state of '{}' does not decode; anti-entropy will replace it: {}", self, k, e.getMessage());
      }
      return true;
    });
    trees.rebuild(ring, index);
    LOG.info("node {}: anti-entropy indexed {} keys for {} peers", self, index.size(), trees.peers().size());
    node.registerExtension(Channels.ANTI_ENTROPY, this::onMessage);
    if (intervalMs > 0) {
      node.schedule(intervalMs, this::periodic);
    }
    node.schedule(IDLE_CHECK_MS, this::abortIdle);
  }

  /** Every data write: the key's digest changed, so do the trees of the peers that share it. */
  void written(String key, Siblings state) {
    long token = Ring.hash(key);
    byte[] now = StateDigest.of(state);
    byte[] old = index.put(key, token, now);
    if (!java.util.Arrays.equals(old, now)) {
      trees.update(token, key.getBytes(StandardCharsets.UTF_8), old, now);
    }
  }

  void onRing(Ring ring) {
    trees.rebuild(ring, index);
  }

  private void periodic() {
    for (String peer : trees.peers()) {
      if (self.compareTo(peer) < 0) {
        initiate(peer);
      }
    }
    node.schedule(intervalMs, this::periodic);
  }

  /** Starts an exchange with every routable peer now; returns how many started. */
  int repairNow() {
    int started = 0;
    for (String peer : trees.peers()) {
      started += initiate(peer) ? 1 : 0;
    }
    return started;
  }

  private boolean initiate(String peer) {
    MerkleTree tree = trees.tree(peer);
    if (tree == null || !routable.test(peer) || runningWith(peer, true)) {
      return false;
    }
    long id = (nextSession++ << 1) | (self.compareTo(peer) < 0 ? 0 : 1);
    AntiEntropySession session = AntiEntropySession.initiate(self, peer, id, tree, data(peer), merger(), this::send,
        maxMessageBytes, clock.monotonicMillis());
    track(new SessionKey(peer, id), session);
    return true;
  }

  private boolean runningWith(String peer, boolean initiatedHere) {
    long side = self.compareTo(peer) < 0 ? 0 : 1;
    for (SessionKey k : sessions.keySet()) {
      if (k.peer().equals(peer) && ((k.id() & 1) == side) == initiatedHere) {
        return true;
      }
    }
    return false;
  }

  private void onMessage(String from, byte[] payload) {
    SyncMessage message;
    try {
      message = SyncCodec.decode(payload);
    } catch (IOException e) {
      LOG.warn("node {}: dropping anti-entropy message from {}: {}", self, from, e.getMessage());
      return;
    }
    SessionKey key = new SessionKey(from, message.sessionId());
    long now = clock.monotonicMillis();
    if (message instanceof SyncStart start) {
      if (sessions.containsKey(key)) {
        return;
      }
      MerkleTree tree = start.range().equals(TokenRange.fullRing()) ? trees.tree(from) : null;
      track(key, AntiEntropySession.respond(self, start, tree, data(from), merger(), this::send, maxMessageBytes, now));
      return;
    }
    AntiEntropySession session = sessions.get(key);
    if (session != null) {
      session.receive(message, now);
      if (session.isFinished()) {
        done(key, session);
      }
    }
  }

  private void track(SessionKey key, AntiEntropySession session) {
    if (session.isFinished()) {
      done(key, session);
    } else {
      sessions.put(key, session);
    }
  }

  private void done(SessionKey key, AntiEntropySession session) {
    sessions.remove(key);
    SyncStats s = session.stats();
    long now = clock.monotonicMillis();
    finished++;
    switch (session.outcome()) {
      case IN_SYNC -> inSync++;
      case REPAIRED -> repaired++;
      default -> failed++;
    }
    keysRepaired += s.keysRepaired();
    bytes += s.bytesExchanged();
    lastFinishedAt = now;
    lastByPeer.put(key.peer(), new PeerResult(now, session.outcome().wireName(),
        s.keysRepaired(), s.bytesExchanged()));
    if (s.keysRepaired() > 0 || s.valuesSent() > 0) {
      LOG.info("node {}: anti-entropy with {}: {}, {} keys repaired here, {} values sent, {} bytes", self, key.peer(),
          session.outcome(), s.keysRepaired(), s.valuesSent(), s.bytesExchanged());
    } else if (session.outcome() != AntiEntropySession.Outcome.IN_SYNC) {
      LOG.debug("node {}: anti-entropy with {} ended {}: {}", self, key.peer(), session.outcome(), session.detail());
    }
  }

  private void abortIdle() {
    long now = clock.monotonicMillis();
    List<Map.Entry<SessionKey, AntiEntropySession>> idle = new ArrayList<>();
    for (Map.Entry<SessionKey, AntiEntropySession> e : sessions.entrySet()) {
      if (e.getValue().abortIfIdle(now, IDLE_TIMEOUT_MS) || e.getValue().isFinished()) {
        idle.add(e);
      }
    }
    idle.forEach(e -> done(e.getKey(), e.getValue()));
    node.schedule(IDLE_CHECK_MS, this::abortIdle);
  }

  /** {@code peer} was convicted: its sessions will not finish. */
  void onDown(String peer) {
    Iterator<Map.Entry<SessionKey, AntiEntropySession>> it = sessions.entrySet().iterator();
    List<Map.Entry<SessionKey, AntiEntropySession>> gone = new ArrayList<>();
    while (it.hasNext()) {
      Map.Entry<SessionKey, AntiEntropySession> e = it.next();
      if (e.getKey().peer().equals(peer)) {
        gone.add(e);
      }
    }
    for (Map.Entry<SessionKey, AntiEntropySession> e : gone) {
      e.getValue().abortIfIdle(Long.MAX_VALUE, 0);
      done(e.getKey(), e.getValue());
    }
    outbox.drop(peer);
  }

  private void send(String to, SyncMessage message) {
    outbox.send(to, SyncCodec.encode(message));
  }

  private VersionMerger merger() {
    return (key, local, remote) -> node.mergeEncoded(local, remote);
  }

  /** This node's data as one pair's session sees it: only the keys both replicate. */
  private ReplicaData data(String peer) {
    return new ReplicaData() {
      @Override
      public void scan(List<TokenRange> ranges, EntryVisitor visitor) {
        for (TokenRange range : ranges) {
          index.forEachIn(range, (key, token, digest) -> {
            if (trees.shared(peer, token)) {
              visitor.visit(key, token, digest);
            }
          });
        }
      }

      @Override
      public byte[] read(byte[] key) {
        try {
          return storage.get(Storage.Space.DATA, key);
        } catch (DamagedRecordException e) {
          return null; // unknown here: the peer's state replaces it
        }
      }

      @Override
      public void write(byte[] key, byte[] value) {
        node.mergeLocal(new String(key, StandardCharsets.UTF_8), VersionCodec.decodeSiblings(value));
      }
    };
  }

  // ---- status ----

  NodeStatus.AntiEntropy status() {
    long now = clock.monotonicMillis();
    List<NodeStatus.Peer> peers = new ArrayList<>();
    lastByPeer.forEach((peer, r) -> peers.add(new NodeStatus.Peer(peer, now - r.at(), r.outcome(), r.keysRepaired(), r.bytes())));
    return new NodeStatus.AntiEntropy(intervalMs, finished, inSync, repaired, failed, sessions.size(), keysRepaired, bytes,
        lastFinishedAt < 0 ? -1 : now - lastFinishedAt, peers);
  }

  long lastExchangeWith(String peer) {
    PeerResult r = lastByPeer.get(peer);
    return r == null ? -1 : r.at();
  }

  int indexedKeys() {
    return index.size();
  }
}

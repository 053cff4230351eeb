package io.quorumlab.store.node;

import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.mutation.Mutant;
import io.quorumlab.store.mutation.Mutants;
import io.quorumlab.store.mutation.MutatedReconciler;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.PeerMessage;
import io.quorumlab.store.ring.Ring;
import io.quorumlab.store.storage.Storage;
import io.quorumlab.store.storage.DamagedRecordException;
import io.quorumlab.store.storage.StorageException;
import io.quorumlab.store.version.Reconciler;
import io.quorumlab.store.version.Siblings;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store node as a single-threaded state machine. Its inputs are {@link #onClientRequest},
 * {@link #onPeerMessage} and the timers it set through the {@link Scheduler}; its outputs go
 * through {@link Transport} and {@link Storage}. It owns no thread, socket or lock: the caller must
 * deliver every input from one thread at a time (the server's event loop, or a simulator).
 *
 * <p>Messages a node sends to itself (it is often one of a key's replicas) are queued and handled
 * after the current input, never re-entrantly.
 */
public final class Node {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  final NodeConfig config;
  final String self;
  final Transport transport;
  final Scheduler scheduler;
  final Clock clock;
  final RandomGenerator random;
  final Reconciler reconciler;
  final ReplicaStore replica;
  final Stamps stamps;
  final Mutants mutants;
  private Ring ring;
  private Liveness liveness;
  private FallbackWrites fallbackWrites = FallbackWrites.NONE;
  private AdminHandler adminHandler = AdminHandler.NONE;
  private ReadGate readGate = ReadGate.OPEN;

  private final Map<Long, Operation> operations = new HashMap<>();
  private final ArrayDeque<PeerMessage> toSelf = new ArrayDeque<>();
  private final Map<Integer, ExtensionHandler> extensions = new HashMap<>();
  private long nextOperation = 1;
  private boolean draining;

  public Node(NodeConfig config, Transport transport, Storage storage, Clock clock, Scheduler scheduler,
      RandomGenerator random, Liveness liveness) {
    this(config, transport, storage, clock, scheduler, random, liveness, Mutants.NONE);
  }

  /** A node with planted bugs: for tests and selftest only, which build nodes in process. */
  public Node(NodeConfig config, Transport transport, Storage storage, Clock clock, Scheduler scheduler,
      RandomGenerator random, Liveness liveness, Mutants mutants) {
    NodeConfigCheck.validate(config);
    this.mutants = mutants;
    this.config = config;
    this.self = config.nodeId();
    this.transport = transport;
    this.scheduler = scheduler;
    this.clock = clock;
    this.random = random;
    this.liveness = liveness;
    this.reconciler = MutatedReconciler.wrap(Reconciler.forMode(config.conflicts()), mutants);
    this.replica = new ReplicaStore(storage, reconciler);
    this.stamps = new Stamps(clock);
    this.ring = Ring.of(config.members().keySet(), config.vnodes());
  }

  public String id() {
    return self;
  }

  public Ring ring() {
    return ring;
  }

  /** Membership seam: a new ring (join, leave) applies to requests started after this call. */
  public void setRing(Ring ring) {
    this.ring = ring;
  }

  /** Failure-detector seam: which nodes routing should count on. */
  public void setLiveness(Liveness liveness) {
    this.liveness = liveness;
  }

  public Liveness liveness() {
    return liveness;
  }

  /** Hinted-handoff seam: told of every write this node stores as a fallback for another. */
  public void setFallbackWrites(FallbackWrites listener) {
    this.fallbackWrites = listener;
  }

  /** Told of every change of this node's stored data (anti-entropy trees, range-transfer forwarding). */
  public void setDataWrites(DataWrites listener) {
    replica.setListener(listener);
  }

  /** Range-transfer seam: which keys this node may answer replica reads of. */
  public void setReadGate(ReadGate gate) {
    this.readGate = gate;
  }

  /** Answers admin requests (status, leave, repair). */
  public void setAdminHandler(AdminHandler handler) {
    this.adminHandler = handler;
  }

  /** The admin handler in force (so that a layer can add commands and pass the rest on). */
  public AdminHandler adminHandler() {
    return adminHandler;
  }

  /**
   * Fire-and-forget: asks {@code node} to merge {@code state} into its state of {@code key} (as a
   * replica write that wants no ack). Range transfer uses it to forward writes to a new owner.
   */
  public void pushState(String node, String key, Siblings state) {
    send(node, new PeerMessage.ReplicaWrite(0, key, state, null));
  }

  /**
   * Runs {@code action} as one input of this node (so what it sends to the node itself is handled
   * right after). For components layered on the node, from the node's thread only.
   */
  public void execute(Runnable action) {
    input(action);
  }

  /** A timer whose task runs as an input of this node (see {@link #execute}). */
  public Scheduler.Cancellable schedule(long delayMillis, Runnable task) {
    return scheduler.schedule(delayMillis, () -> input(task));
  }

  public NodeConfig config() {
    return config;
  }

  /** The bugs planted in this node (none, unless a test or selftest built it). */
  public Mutants mutants() {
    return mutants;
  }

  /**
   * Merges {@code incoming} into this node's stored state of {@code key} with the cluster's merge
   * rule, durably (for hint delivery and anti-entropy repairs). Returns the stored result.
   */
  public Siblings mergeLocal(String key, Siblings incoming) {
    return replica.merge(key, incoming);
  }

  /** The cluster's merge rule on encoded states (null = absent), for components that hold bytes. */
  public byte[] mergeEncoded(byte[] local, byte[] remote) {
    Siblings a = local == null ? Siblings.EMPTY : io.quorumlab.store.version.VersionCodec.decodeSiblings(local);
    Siblings b = remote == null ? Siblings.EMPTY : io.quorumlab.store.version.VersionCodec.decodeSiblings(remote);
    return io.quorumlab.store.version.VersionCodec.encode(reconciler.merge(a, b));
  }

  /** Routes {@link PeerMessage.Extension} messages of {@code channel} to {@code handler}. */
  public void registerExtension(int channel, ExtensionHandler handler) {
    extensions.put(channel, handler);
  }

  /** Sends an extension message to {@code node} over its link (to itself: queued locally). */
  public void sendExtension(String node, int channel, byte[] payload) {
    send(node, new PeerMessage.Extension(channel, payload));
  }

  /** This node's own stored state of {@code key}, without asking any other replica. */
  public Siblings localState(String key) {
    return replica.load(key);
  }

  /** Requests this node is coordinating (for tests and status). */
  public int pendingOperations() {
    return operations.size();
  }

  // ---------------------------------------------------------------- inputs

  public void onClientRequest(ClientRef client, ClientRequest request) {
    input(() -> Coordinator.accept(this, new ReplyTo.Client(client), request, false));
  }

  public void onPeerMessage(String from, PeerMessage message) {
    input(() -> dispatch(from, message));
  }

  /** Runs one input, then everything it queued for this node itself. */
  private void input(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("node {}: unexpected failure handling an input", self, e);
    }
    if (draining) {
      return;
    }
    draining = true;
    try {
      PeerMessage m;
      while ((m = toSelf.poll()) != null) {
        try {
          dispatch(self, m);
        } catch (RuntimeException e) {
          LOG.error("node {}: unexpected failure handling its own {}", self, m.getClass().getSimpleName(), e);
        }
      }
    } finally {
      draining = false;
    }
  }

  private void dispatch(String from, PeerMessage message) {
    if (message instanceof PeerMessage.ReplicaRead m) {
      onReplicaRead(from, m);
    } else if (message instanceof PeerMessage.ReplicaWrite m) {
      onReplicaWrite(from, m);
    } else if (message instanceof PeerMessage.ReplicaReadReply m) {
      Operation op = operations.get(m.op());
      if (op != null) {
        op.onReadReply(from, m);
      }
    } else if (message instanceof PeerMessage.ReplicaWriteAck m) {
      Operation op = operations.get(m.op());
      if (op != null) {
        op.onWriteAck(from, m);
      }
    } else if (message instanceof PeerMessage.Forward m) {
      Coordinator.accept(this, new ReplyTo.Forwarded(from, m.op()), m.request(), true);
    } else if (message instanceof PeerMessage.ForwardReply m) {
      Operation op = operations.get(m.op());
      if (op != null) {
        op.onForwardReply(m.reply());
      }
    } else if (message instanceof PeerMessage.Extension m) {
      ExtensionHandler handler = extensions.get(m.channel());
      if (handler == null) {
        LOG.debug("node {}: no handler for extension channel {} (from {})", self, m.channel(), from);
      } else {
        handler.onMessage(from, m.payload());
      }
    } else if (message instanceof PeerMessage.Hello) {
      // Consumed by the transport; a node never acts on it.
    }
  }

  // ---------------------------------------------------------------- replica role

  private void onReplicaRead(String from, PeerMessage.ReplicaRead m) {
    PeerMessage.ReplicaReadReply reply;
    if (!readGate.serves(m.key())) {
      send(from, new PeerMessage.ReplicaReadReply(m.op(), false, Siblings.EMPTY));
      return;
    }
    try {
      reply = new PeerMessage.ReplicaReadReply(m.op(), true, replica.load(m.key()));
    } catch (StorageException e) {
      if (!(e instanceof DamagedRecordException)) { // the replica store reports those once per key
        LOG.warn("node {}: read of '{}' failed: {}", self, m.key(), e.getMessage());
      }
      reply = new PeerMessage.ReplicaReadReply(m.op(), false, Siblings.EMPTY);
    }
    send(from, reply);
  }

  private void onReplicaWrite(String from, PeerMessage.ReplicaWrite m) {
    if (mutants.has(Mutant.ACK_BEFORE_DURABLE) && m.op() != 0) {
      // The bug: the ack goes out before the write is stored, let alone synced; a crash in
      // between loses an acknowledged write, whatever the fsync policy.
      send(from, new PeerMessage.ReplicaWriteAck(m.op(), true, null));
      schedule(Mutant.ACK_BEFORE_DURABLE_DELAY_MS, () -> onReplicaWrite(from, new PeerMessage.ReplicaWrite(0, m.key(), m.state(), m.hintFor())));
      return;
    }
    String error = null;
    try {
      // A fallback (hintFor != null) keeps the state like any replica, so that sloppy reads find
      // it; handing it back to the owner is the hinted-handoff component's job.
      Siblings merged = replica.merge(m.key(), m.state());
      noteFallbackWrite(m.hintFor(), m.key(), merged);
    } catch (StorageException e) {
      LOG.warn("node {}: write of '{}' failed: {}", self, m.key(), e.getMessage());
      error = e.getMessage();
    }
    if (m.op() != 0) {
      send(from, new PeerMessage.ReplicaWriteAck(m.op(), error == null, error));
    }
  }

  // ---------------------------------------------------------------- services for operations

  void send(String node, PeerMessage message) {
    if (node.equals(self)) {
      toSelf.add(message);
    } else {
      transport.send(node, message);
    }
  }

  void reply(ReplyTo to, ClientReply reply) {
    if (to instanceof ReplyTo.Client c) {
      transport.reply(c.client(), reply);
    } else if (to instanceof ReplyTo.Forwarded f) {
      send(f.node(), new PeerMessage.ForwardReply(f.op(), reply));
    }
  }

  void noteFallbackWrite(String owner, String key, Siblings merged) {
    if (owner != null && !owner.equals(self)) {
      fallbackWrites.stored(owner, key, merged);
    }
  }

  long newOperationId() {
    return nextOperation++;
  }

  /** Registers {@code op}, arms its timeout and starts it. */
  void begin(Operation op, long timeoutMs) {
    operations.put(op.id, op);
    op.timer = scheduler.schedule(timeoutMs, () -> input(() -> {
      if (operations.get(op.id) == op) {
        op.onTimeout();
        finish(op);
      }
    }));
    op.start();
  }

  void finish(Operation op) {
    if (operations.remove(op.id) == op && op.timer != null) {
      op.timer.cancel();
    }
  }

  Targets route(String key, io.quorumlab.store.config.Quorum quorum) {
    return Routing.route(ring, key, config.n(), mutants.has(Mutant.STRICT_COUNTS_FALLBACKS) ? io.quorumlab.store.config.Quorum.SLOPPY : quorum, liveness);
  }
}

package io.quorumlab.store.services;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.antientropy.KeyValue;
import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.node.Clock;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.ring.Ring;
import io.quorumlab.store.storage.Storage;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Join and leave: moves the keys whose replicas change to their new owners while the cluster keeps
 * serving.
 *
 * <p>Join: the node starts JOINING (pending: not in anyone's ring). Once gossip has answered and a
 * few rounds passed, it asks every member of its ring for the keys it will replicate in the ring
 * with itself added; each member sends the keys it replicates now that move to the joiner (so every
 * such key arrives from all its current replicas and the joiner holds the merge of them, which
 * contains every acknowledged write). Until the joiner is in its ring, a member also forwards every
 * write of such a key to the joiner, so writes that race with the stream are not missed. When every
 * reachable member has sent everything, the joiner announces UP and the ring changes everywhere.
 *
 * <p>Leave: the node announces LEAVING (it keeps owning its tokens), sends each key it replicates
 * to the node(s) that replicate it once it is gone, forwards writes meanwhile, lets its hint queue
 * drain, and announces LEFT. The sources of both are the same {@link OutStream}s.
 */
final class RangeTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(RangeTransfer.class);
  static final long ACK_TIMEOUT_MS = 5_000;
  static final int MAX_RESENDS = 6;
  static final long STALL_MS = 15_000;
  static final long HINT_DRAIN_MS = 30_000;
  static final long TICK_MS = 250;

  enum Activity { IDLE, JOINING, JOINED, LEAVING, LEFT }

  /** A member the joiner streams from. */
  private static final class Source {
    long stream;
    long lastProgress;
    boolean done;
    boolean skipped;
  }

  private final Node node;
  private final String self;
  private final int n;
  private final Storage storage;
  private final Clock clock;
  private final MembershipService membership;
  private final HandoffService handoff;
  private final NodeMeta meta;
  private final Predicate<String> routable;
  private final Map<String, OutStream> out = new LinkedHashMap<>();
  private final Map<String, Source> sources = new LinkedHashMap<>();
  /** Joiners this node forwards writes to, until they are in its ring. */
  private final Set<String> forwardTo = new TreeSet<>();
  private final Map<String, Ring> futureRings = new HashMap<>();
  private Ring cachedFor;
  /** The ring this node leaves from; writes it receives while leaving or after (stale coordinators) are forwarded by it. */
  private Ring leavingFrom;
  private Ring leavingTo;
  private Activity activity;
  private long phaseStartedAt;
  private boolean streamsStarted;
  private long nextStream = 1;
  private long keysSent;
  private long bytesSent;
  private long keysReceived;
  private long bytesReceived;
  private String detail = "";

  RangeTransfer(Node node, Storage storage, Clock clock, MembershipService membership, HandoffService handoff,
      NodeMeta meta, Predicate<String> routable) {
    this.node = node;
    this.self = node.id();
    this.n = node.config().n();
    this.storage = storage;
    this.clock = clock;
    this.membership = membership;
    this.handoff = handoff;
    this.meta = meta;
    this.routable = routable;
    this.activity = membership.localStatus() == MemberStatus.JOINING ? Activity.JOINING : Activity.IDLE;
  }

  void start() {
    node.registerExtension(Channels.TRANSFER, this::onMessage);
    phaseStartedAt = clock.monotonicMillis();
    if (activity == Activity.JOINING) {
      detail = "waiting for gossip to answer";
      LOG.info("node {}: joining through seeds {}", self, node.config().seeds());
    }
    node.schedule(TICK_MS, this::tick);
  }

  private void tick() {
    long now = clock.monotonicMillis();
    if (activity == Activity.JOINING) {
      joinStep(now);
    } else if (activity == Activity.LEAVING) {
      leaveStep(now);
    }
    streamStep(now);
    node.schedule(TICK_MS, this::tick);
  }

  // ---- join (this node is the joiner) ----

  private void joinStep(long now) {
    long heard = membership.heardFromClusterAt();
    long settle = 3 * membership.gossipConfig().intervalMs();
    if (!streamsStarted) {
      if (heard < 0 || now - heard < settle) {
        return;
      }
      List<String> members = new ArrayList<>();
      for (String m : membership.ring().nodes()) {
        if (!m.equals(self) && routable.test(m)) {
          members.add(m);
        }
      }
      if (members.isEmpty()) {
        detail = "no member of the ring is reachable";
        return;
      }
      for (String m : members) {
        request(m, now);
      }
      streamsStarted = true;
      LOG.info("node {}: streaming its ranges from {}", self, members);
    }
    int done = 0;
    for (Map.Entry<String, Source> e : sources.entrySet()) {
      Source s = e.getValue();
      if (s.done) {
        done++;
      } else if (!routable.test(e.getKey())) {
        s.done = true;
        s.skipped = true;
        done++;
        LOG.warn("node {}: {} is down; its copies of the joining ranges come from the other replicas", self, e.getKey());
      } else if (now - s.lastProgress > STALL_MS) {
        LOG.info("node {}: stream from {} stalled; asking again", self, e.getKey());
        request(e.getKey(), now);
      }
    }
    detail = "received from " + done + " of " + sources.size() + " members";
    if (done == sources.size()) {
      membership.setLocalStatus(MemberStatus.UP);
      meta.setMembership("UP");
      activity = Activity.JOINED;
      detail = "joined: " + keysReceived + " keys received from " + sources.size() + " members"
          + (sources.values().stream().anyMatch(s -> s.skipped) ? " (some were down)" : "");
      LOG.info("node {}: {}", self, detail);
    }
  }

  private void request(String member, long now) {
    Source s = sources.computeIfAbsent(member, m -> new Source());
    s.stream = nextStream++;
    s.lastProgress = now;
    send(member, new TransferMessage.Request(s.stream));
  }

  // ---- leave (this node is leaving) ----

  /** Starts leaving; refuses (IllegalArgumentException) when the ring would get smaller than N. */
  void leave() {
    MemberStatus status = membership.localStatus();
    if (activity == Activity.LEAVING || activity == Activity.LEFT) {
      return;
    }
    if (status != MemberStatus.UP) {
      throw new IllegalArgumentException("node " + self + " is " + status + ", not UP; it cannot leave now");
    }
    int ringSize = membership.ring().nodes().size();
    if (ringSize - 1 < n) {
      throw new IllegalArgumentException("leaving would leave " + (ringSize - 1) + " nodes in the ring, fewer than N=" + n
          + "; refused, nothing moved");
    }
    membership.setLocalStatus(MemberStatus.LEAVING);
    activity = Activity.LEAVING;
    phaseStartedAt = clock.monotonicMillis();
    streamsStarted = false;
    detail = "announcing LEAVING";
    LOG.info("node {}: leaving; ring {}", self, membership.ring().nodes());
  }

  private void leaveStep(long now) {
    if (!streamsStarted) {
      if (now - phaseStartedAt < 2 * membership.gossipConfig().intervalMs()) {
        return;
      }
      Ring current = membership.ring();
      Ring future = withoutSelf(current);
      leavingFrom = current;
      leavingTo = future;
      for (String dest : future.nodes()) {
        if (!routable.test(dest)) {
          LOG.warn("node {}: new owner {} is down; anti-entropy will give it its keys when it is back", self, dest);
          continue;
        }
        long id = nextStream++;
        OutStream s = new OutStream(dest, id, key -> moves(key, current, future, dest));
        out.put(key(dest, id), s);
        send(dest, s.next(storage, now));
      }
      streamsStarted = true;
      detail = "handing off to " + out.size() + " nodes";
      return;
    }
    if (!out.isEmpty()) {
      detail = "handing off: " + out.size() + " streams running, " + keysSent + " keys sent";
      return;
    }
    long queued = handoff.queued();
    if (queued > 0 && now - phaseStartedAt < HINT_DRAIN_MS + 2 * membership.gossipConfig().intervalMs()) {
      detail = "handed off " + keysSent + " keys; delivering " + queued + " hints";
      return;
    }
    membership.setLocalStatus(MemberStatus.LEFT);
    meta.setMembership("LEFT");
    activity = Activity.LEFT;
    detail = "left: " + keysSent + " keys handed off" + (queued > 0 ? "; " + queued + " hints undelivered (owners down)" : "");
    LOG.info("node {}: {}", self, detail);
  }

  private Ring withoutSelf(Ring ring) {
    Set<String> ids = new TreeSet<>(ring.nodes());
    ids.remove(self);
    return Ring.of(ids, ring.vnodes());
  }

  /** Whether {@code key}, replicated here in {@code current}, moves to {@code dest} in {@code future}. */
  private boolean moves(String key, Ring current, Ring future, String dest) {
    long token = Ring.hash(key);
    List<String> now = current.preferenceListAt(token, n);
    return now.contains(self) && !now.contains(dest) && future.preferenceListAt(token, n).contains(dest);
  }

  // ---- the source side of any stream ----

  private void onRequest(String joiner, long stream, long now) {
    Ring current = membership.ring();
    Ring future = futureWith(current, joiner);
    out.entrySet().removeIf(e -> e.getValue().dest.equals(joiner));
    OutStream s = new OutStream(joiner, stream, key -> moves(key, current, future, joiner));
    out.put(key(joiner, stream), s);
    if (!current.contains(joiner)) {
      forwardTo.add(joiner);
    }
    send(joiner, s.next(storage, now));
    LOG.info("node {}: streaming to joining node {}", self, joiner);
  }

  private void onAck(String from, TransferMessage.Ack ack, long now) {
    OutStream s = out.get(key(from, ack.stream()));
    if (s == null || !s.acknowledges(ack.seq())) {
      return;
    }
    if (s.inFlight().last()) {
      out.remove(key(from, ack.stream()));
      LOG.info("node {}: sent {} keys ({} bytes) to {}", self, s.keys, s.bytes, from);
      return;
    }
    TransferMessage.Batch next = s.next(storage, now);
    send(from, next);
  }

  private void streamStep(long now) {
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, OutStream> e : out.entrySet()) {
      OutStream s = e.getValue();
      if (now - s.sentAt < ACK_TIMEOUT_MS) {
        continue;
      }
      if (s.resends >= MAX_RESENDS || !routable.test(s.dest)) {
        failed.add(e.getKey());
        LOG.warn("node {}: giving up the stream to {} after {} keys", self, s.dest, s.keys);
        continue;
      }
      s.resends++;
      s.sentAt = now;
      node.sendExtension(s.dest, Channels.TRANSFER, TransferCodec.encode(s.inFlight()));
    }
    failed.forEach(out::remove);
  }

  // ---- the receiving side of any stream ----

  private void onBatch(String from, TransferMessage.Batch batch, long now) {
    for (KeyValue kv : batch.entries()) {
      Siblings state = VersionCodec.decodeSiblings(kv.value());
      node.mergeLocal(new String(kv.key(), StandardCharsets.UTF_8), state);
      keysReceived++;
      bytesReceived += kv.key().length + kv.value().length;
    }
    send(from, new TransferMessage.Ack(batch.stream(), batch.seq()));
    Source s = sources.get(from);
    if (activity == Activity.JOINING && s != null && s.stream == batch.stream()) {
      s.lastProgress = now;
      if (batch.last()) {
        s.done = true;
      }
    }
  }

  // ---- forwarding writes that race with a stream ----

  void written(String key, Siblings state) {
    if (forwardTo.isEmpty() && leavingFrom == null) {
      return;
    }
    long token = Ring.hash(key);
    if (!forwardTo.isEmpty()) {
      Ring current = membership.ring();
      List<String> owners = current.preferenceListAt(token, n);
      for (String joiner : forwardTo) {
        if (!owners.contains(joiner) && futureWith(current, joiner).preferenceListAt(token, n).contains(joiner)) {
          node.pushState(joiner, key, state);
        }
      }
    }
    if (leavingFrom != null) {
      // Also after LEFT: until every coordinator has heard, some still write here.
      List<String> owners = leavingFrom.preferenceListAt(token, n);
      if (owners.contains(self)) {
        for (String next : leavingTo.preferenceListAt(token, n)) {
          if (!owners.contains(next)) {
            node.pushState(next, key, state);
          }
        }
      }
    }
  }

  private Ring futureWith(Ring current, String joiner) {
    return cached(current, "+" + joiner, () -> {
      Set<String> ids = new TreeSet<>(current.nodes());
      ids.add(joiner);
      return Ring.of(ids, current.vnodes());
    });
  }

  /** Future rings are derived from the current one; the cache holds them for one current ring. */
  private Ring cached(Ring current, String what, java.util.function.Supplier<Ring> build) {
    if (current != cachedFor) {
      futureRings.clear();
      cachedFor = current;
    }
    return futureRings.computeIfAbsent(what, x -> build.get());
  }

  /** The ring changed: joiners now in it are served by routing; cached future rings are stale. */
  void onRing(Ring ring) {
    forwardTo.removeIf(ring::contains);
  }

  /** A member left or was convicted: stop forwarding to it. */
  void onGone(String id) {
    forwardTo.remove(id);
  }

  // ---- plumbing ----

  private static String key(String dest, long stream) {
    return dest + "#" + stream;
  }

  private void send(String to, TransferMessage message) {
    byte[] bytes = TransferCodec.encode(message);
    if (message instanceof TransferMessage.Batch b) {
      keysSent += b.entries().size();
      bytesSent += bytes.length;
    }
    node.sendExtension(to, Channels.TRANSFER, bytes);
  }

  private void onMessage(String from, byte[] payload) {
    TransferMessage message;
    try {
      message = TransferCodec.decode(payload);
    } catch (MalformedException e) {
      LOG.warn("node {}: dropping transfer message from {}: {}", self, from, e.getMessage());
      return;
    }
    long now = clock.monotonicMillis();
    if (message instanceof TransferMessage.Request r) {
      onRequest(from, r.stream(), now);
    } else if (message instanceof TransferMessage.Batch b) {
      onBatch(from, b, now);
    } else if (message instanceof TransferMessage.Ack a) {
      onAck(from, a, now);
    }
  }

  Activity activity() {
    return activity;
  }

  NodeStatus.Transfer status() {
    int streams = out.size() + (int) sources.values().stream().filter(s -> !s.done).count();
    return new NodeStatus.Transfer(activity.name().toLowerCase(java.util.Locale.ROOT), keysSent, bytesSent, keysReceived,
        bytesReceived, streams, detail);
  }
}

package io.quorumlab.store.transfer;

import io.quorumlab.store.antientropy.KeyValue;
import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.ring.Ring;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Join and leave of one node, as a sans-IO state machine: moves the keys whose replicas change to
 * their new owners while the cluster keeps serving. Inputs are {@link #tick} (every few hundred
 * ms), {@link #receive} and {@link #leave}; it sends through the {@link TransferOutbox}, reads and
 * writes through {@link TransferData}, and learns and announces membership through the
 * {@link ClusterView}. Every call takes the time, so a simulator can run it in virtual time.
 *
 * <p>Join: the node starts JOINING (not in anyone's ring). Once gossip has answered and settled, it
 * pulls each arc it will replicate from one current replica, preferably the one it displaces (see
 * {@link JoinPlan}). Each source forwards the writes of the requested ranges that reach it
 * meanwhile, so writes racing with the stream are not missed. When every source has sent
 * everything, the joiner announces UP and the ring changes everywhere; each source then, after a
 * grace period for coordinators that have not heard, drops the keys it no longer replicates (see
 * {@link Handover}).
 *
 * <p>Leave: the node announces LEAVING (it keeps owning its tokens), sends each key it replicates
 * to the node that replicates it once it is gone, forwards writes meanwhile, lets its hint queue
 * drain, and announces LEFT.
 *
 * <p>Takeover: when members leave the ring (a force-removal above all, where nobody handed their
 * keys on), this node pulls each range it gained from every surviving replica of it, and answers
 * no read of those ranges until all of them sent everything (see {@link Takeover}, {@link #serves}).
 *
 * <p>Cleanup: a grace period after the ring last changed (and after start), a node that holds keys
 * it does not replicate (it was down while a joiner took them, so no handover dropped them) pushes
 * them to their replicas and drops them once all of them acknowledged (see {@link Cleanup}).
 *
 * <p>Not thread-safe; one per node, on the node's event loop.
 */
public final class RangeTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(RangeTransfer.class);

  private final String self;
  private final int n;
  private final TransferConfig config;
  private final ClusterView cluster;
  private final TransferData data;
  private final TransferOutbox outbox;
  private final Map<String, Handover> handovers = new LinkedHashMap<>();
  private Activity activity;
  private long phaseStartedAt;
  private Joiner joiner;
  private Leaver leaver;
  /** Ranges this node took over from members that left the ring, while it pulls them. */
  private final List<Takeover> takeovers = new ArrayList<>();
  /** The ring the last cleanup finished for, the ring seen last and since when. */
  private Ring cleanRing;
  private Ring ringSeen;
  private long ringSeenAt;
  private Cleanup cleanup;
  private long nextStream = 1;
  private long keysSent;
  private long bytesSent;
  private long keysReceived;
  private long bytesReceived;
  private long keysDropped;
  private String detail = "";

  /** @param joining whether this node starts as a joiner (its membership status is JOINING) */
  public RangeTransfer(String self, int n, TransferConfig config, boolean joining, ClusterView cluster, TransferData data,
      TransferOutbox outbox, long now) {
    this.self = self;
    this.n = n;
    this.config = config;
    this.cluster = cluster;
    this.data = data;
    this.outbox = outbox;
    this.activity = joining ? Activity.JOINING : Activity.IDLE;
    this.phaseStartedAt = now;
    if (joining) {
      detail = "waiting for gossip to answer";
    }
  }

  public void tick(long now) {
    if (activity == Activity.JOINING) {
      joinStep(now);
    } else if (activity == Activity.LEAVING) {
      leaveStep(now);
    }
    takeoverStep(now);
    handoverStep(now);
    cleanupStep(now);
    resendStep(now);
  }

  public void receive(String from, TransferMessage message, long now) {
    if (message instanceof TransferMessage.Request r) {
      onRequest(from, r, now);
    } else if (message instanceof TransferMessage.Batch b) {
      onBatch(from, b, now);
    } else if (message instanceof TransferMessage.Ack a) {
      onAck(from, a, now);
    }
  }

  // ---- join (this node is the joiner) ----

  private void joinStep(long now) {
    if (joiner == null) {
      long heard = cluster.heardFromClusterAt();
      if (heard < 0 || now - heard < config.settleMs()) {
        return;
      }
      Ring current = without(cluster.ring(), self);
      if (current == null || current.nodes().stream().noneMatch(cluster::isRoutable)) {
        detail = "no member of the ring is reachable";
        return;
      }
      joiner = new Joiner(JoinPlan.arcs(current, self, n), config);
      joiner.start(cluster::isRoutable, this::request, now);
      LOG.info("node {}: pulling its ranges from {} of the {} members", self, joiner.sources(), current.nodes().size());
    }
    joiner.tick(cluster::isRoutable, this::request, now);
    detail = "receiving from " + joiner.running() + " sources" + skippedNote();
    if (joiner.done()) {
      cluster.announce(MemberStatus.UP);
      moveTo(Activity.JOINED);
      detail = "joined: " + keysReceived + " keys received from " + joiner.sources() + " sources" + skippedNote();
      LOG.info("node {}: {}", self, detail);
    }
  }

  private String skippedNote() {
    int skipped = joiner.skippedArcs();
    return skipped == 0 ? "" : " (" + skipped + " arcs had no live source; anti-entropy fills them)";
  }

  private long request(String source, TokenRanges ranges) {
    long stream = nextStream++;
    outbox.send(source, new TransferMessage.Request(stream, ranges.toList()));
    return stream;
  }

  // ---- leave (this node is leaving) ----

  /** Starts leaving; refuses (IllegalArgumentException) while joining, or when the ring would get smaller than N. */
  public void leave(long now) {
    if (activity == Activity.LEAVING || activity == Activity.LEFT) {
      return;
    }
    if (activity == Activity.JOINING) {
      throw new IllegalArgumentException("node " + self + " is JOINING, not UP; it cannot leave now");
    }
    int ringSize = cluster.ring().nodes().size();
    if (ringSize - 1 < n) {
      throw new IllegalArgumentException("leaving would leave " + (ringSize - 1) + " nodes in the ring, fewer than N=" + n
          + "; refused, nothing moved");
    }
    cluster.announce(MemberStatus.LEAVING);
    moveTo(Activity.LEAVING);
    phaseStartedAt = now;
    detail = "announcing LEAVING";
    LOG.info("node {}: leaving; ring {}", self, cluster.ring().nodes());
  }

  private void leaveStep(long now) {
    if (leaver == null) {
      if (now - phaseStartedAt < config.settleMs()) {
        return;
      }
      Ring ring = cluster.ring();
      if (!ring.contains(self)) {
        detail = "not in its own ring: nothing to hand off";
        finishLeaving(now);
        return;
      }
      leaver = new Leaver(self, n, ring);
      for (String dest : leaver.newOwners()) {
        if (!cluster.isRoutable(dest)) {
          LOG.warn("node {}: new owner {} is down; anti-entropy will give it its keys when it is back", self, dest);
          continue;
        }
        send(dest, leaver.stream(dest, nextStream++).next(data, now));
      }
      detail = "handing off to " + leaver.senders().size() + " nodes";
      return;
    }
    if (!leaver.senders().isEmpty()) {
      detail = "handing off: " + leaver.senders().size() + " streams running, " + keysSent + " keys sent";
      return;
    }
    finishLeaving(now);
  }

  private void finishLeaving(long now) {
    long queued = cluster.queuedHints();
    if (queued > 0 && now - phaseStartedAt < config.hintDrainMs() + config.settleMs()) {
      detail = "handed off " + keysSent + " keys; delivering " + queued + " hints";
      return;
    }
    cluster.announce(MemberStatus.LEFT);
    moveTo(Activity.LEFT);
    detail = "left: " + keysSent + " keys handed off" + (queued > 0 ? "; " + queued + " hints undelivered (owners down)" : "");
    LOG.info("node {}: {}", self, detail);
  }

  // ---- ranges taken over from members that left the ring ----

  /**
   * This node's ring changed from {@code previous} to {@code next} (call it in the same input that
   * changed the ring, before any read is served with {@code next}): the ranges it gained because
   * members left become pending until pulled from every surviving replica.
   */
  public void onRing(Ring previous, Ring next, long now) {
    Takeover t = Takeover.plan(previous, next, self, n);
    if (t == null) {
      return;
    }
    takeovers.add(t);
    LOG.info("node {}: {} left the ring; pulling the ranges it takes over from their {} surviving replicas", self, t.gone,
        t.sources());
    t.tick(next, cluster::isRoutable, this::request, config.stallMs(), now);
  }

  private void takeoverStep(long now) {
    Ring ring = cluster.ring();
    Iterator<Takeover> it = takeovers.iterator();
    while (it.hasNext()) {
      Takeover t = it.next();
      t.tick(ring, cluster::isRoutable, this::request, config.stallMs(), now);
      if (t.done()) {
        it.remove();
        LOG.info("node {}: took over the ranges of {}: every surviving replica sent them; serving reads of them", self,
            t.gone);
      }
    }
  }

  /** Whether this node may answer a replica read of {@code key}: not while it still pulls the key's range. */
  public boolean serves(String key) {
    if (takeovers.isEmpty()) {
      return true;
    }
    long token = Ring.hash(key);
    for (Takeover t : takeovers) {
      if (t.holds(token)) {
        return false;
      }
    }
    return true;
  }

  // ---- the source side of a join ----

  private void onRequest(String joinerId, TransferMessage.Request request, long now) {
    Handover handover = handovers.get(joinerId);
    if (handover == null) {
      handover = new Handover(joinerId);
      handovers.put(joinerId, handover);
    }
    StreamSender sender = handover.stream(request.stream(), TokenRanges.of(request.ranges()));
    send(joinerId, sender.next(data, now));
    LOG.info("node {}: streaming {} ranges to joining node {}", self, request.ranges().size(), joinerId);
  }

  private void handoverStep(long now) {
    Ring ring = cluster.ring();
    Iterator<Handover> it = handovers.values().iterator();
    while (it.hasNext()) {
      Handover h = it.next();
      h.tick(ring, now, config.gcGraceMs());
      if (h.phase() == Handover.Phase.COLLECTING) {
        h.collect(data, ring, self, n);
      }
      if (h.phase() == Handover.Phase.FINISHED) {
        it.remove();
        keysDropped += h.dropped();
        LOG.info("node {}: handover to {} confirmed; dropped {} keys this node no longer replicates", self, h.joiner,
            h.dropped());
      }
    }
  }

  // ---- keys this node holds but no longer replicates ----

  /**
   * A grace period after the ring last changed (and at start), once no handover runs, finds the
   * keys this node holds but does not replicate, hands them to their replicas and drops them (see
   * {@link Cleanup}); a ring change meanwhile starts it over.
   */
  private void cleanupStep(long now) {
    Ring ring = cluster.ring();
    if (ringSeen == null || !ringSeen.nodes().equals(ring.nodes())) {
      ringSeen = ring;
      ringSeenAt = now;
      if (cleanup != null) {
        cleanup.senders().forEach(s -> cleanup.streamEnded(s.dest, false));
        cleanup = null;
      }
    }
    if (cleanup == null) {
      boolean busy = activity == Activity.JOINING || activity == Activity.LEAVING || activity == Activity.LEFT
          || !handovers.isEmpty();
      if (busy || !ring.contains(self) || (cleanRing != null && cleanRing.nodes().equals(ring.nodes()))
          || now - ringSeenAt < config.gcGraceMs()) {
        return;
      }
      cleanup = new Cleanup(self, n, ring);
    }
    switch (cleanup.phase()) {
      case SCANNING -> cleanup.scan(data);
      case STREAMING -> {
        for (String dest : cleanup.pending()) {
          if (cluster.isRoutable(dest)) {
            send(dest, cleanup.stream(dest, nextStream++).next(data, now));
          } else {
            cleanup.streamEnded(dest, false);
          }
        }
        if (cleanup.senders().isEmpty()) {
          cleanup.allStreamed();
        }
      }
      case DROPPING -> cleanup.drop(data);
      case FINISHED -> { }
    }
    if (cleanup.phase() == Cleanup.Phase.FINISHED) {
      if (cleanup.misplacedKeys() > 0) {
        LOG.info("node {}: held {} keys it does not replicate; handed them to their replicas and dropped {}", self,
            cleanup.misplacedKeys(), cleanup.dropped());
      }
      keysDropped += cleanup.dropped();
      cleanRing = cleanup.ring;
      cleanup = null;
    }
  }

  // ---- streams, either side ----

  private void onAck(String from, TransferMessage.Ack ack, long now) {
    StreamSender sender = senderFor(from, ack.stream());
    if (sender == null || !sender.acknowledge(ack.seq())) {
      return;
    }
    if (sender.complete()) {
      ended(sender, true);
      LOG.info("node {}: sent {} keys ({} bytes) to {}", self, sender.keys(), sender.bytes(), from);
      return;
    }
    send(from, sender.next(data, now));
  }

  private StreamSender senderFor(String dest, long stream) {
    Handover h = handovers.get(dest);
    StreamSender s = h == null ? null : h.sender();
    if (s == null && leaver != null) {
      s = leaver.sender(dest);
    }
    if (s == null && cleanup != null) {
      s = cleanup.sender(dest);
    }
    return s != null && s.stream == stream ? s : null;
  }

  private void ended(StreamSender sender, boolean completed) {
    Handover h = handovers.get(sender.dest);
    if (h != null && h.sender() == sender) {
      h.streamEnded(completed);
    } else if (cleanup != null && cleanup.sender(sender.dest) == sender) {
      cleanup.streamEnded(sender.dest, completed);
    } else {
      assert leaver != null && leaver.sender(sender.dest) == sender : "stream " + sender.stream + " to " + sender.dest
          + " belongs to neither a handover nor the leave";
      leaver.streamEnded(sender.dest);
    }
  }

  private void resendStep(long now) {
    for (StreamSender s : running()) {
      if (!s.overdue(now, config.ackTimeoutMs())) {
        continue;
      }
      if (s.resends() >= config.maxResends() || !cluster.isRoutable(s.dest)) {
        ended(s, false);
        LOG.warn("node {}: giving up the stream to {} after {} keys", self, s.dest, s.keys());
        continue;
      }
      outbox.send(s.dest, s.resend(now));
    }
  }

  private List<StreamSender> running() {
    List<StreamSender> all = new ArrayList<>();
    for (Handover h : handovers.values()) {
      if (h.sender() != null) {
        all.add(h.sender());
      }
    }
    if (leaver != null) {
      all.addAll(leaver.senders());
    }
    if (cleanup != null) {
      all.addAll(cleanup.senders());
    }
    return all;
  }

  private void onBatch(String from, TransferMessage.Batch batch, long now) {
    for (KeyValue kv : batch.entries()) {
      data.merge(kv.key(), kv.value());
      keysReceived++;
      bytesReceived += kv.key().length + kv.value().length;
    }
    outbox.send(from, new TransferMessage.Ack(batch.stream(), batch.seq()));
    if (activity == Activity.JOINING && joiner != null) {
      joiner.onBatch(from, batch, now);
    }
    for (Takeover t : takeovers) {
      t.onBatch(from, batch, now);
    }
  }

  private void send(String to, TransferMessage.Batch batch) {
    keysSent += batch.entries().size();
    for (KeyValue kv : batch.entries()) {
      bytesSent += kv.key().length + kv.value().length;
    }
    outbox.send(to, batch);
  }

  // ---- writes that race with a transfer ----

  /** The nodes a write of {@code key} that this node just stored must also go to (usually none). */
  public List<String> forwardTargets(String key) {
    if (handovers.isEmpty() && leaver == null && (cleanup == null || cleanup.phase() == Cleanup.Phase.SCANNING)) {
      return List.of();
    }
    long token = Ring.hash(key);
    List<String> targets = new ArrayList<>(leaver == null ? List.of() : leaver.forwardTargets(token));
    if (cleanup != null && cleanup.phase() != Cleanup.Phase.SCANNING && cleanup.misplaced(token)) {
      for (String replica : cleanup.ring.preferenceListAt(token, n)) {
        if (!targets.contains(replica)) {
          targets.add(replica);
        }
      }
    }
    for (Handover h : handovers.values()) {
      if (h.forwards(token) && !targets.contains(h.joiner)) {
        targets.add(h.joiner);
      }
    }
    return targets;
  }

  /**
   * Where a write of {@code key} that this node just stored must also go: {@code push} to the
   * targets this node counts on now, {@code hold} (as hints, delivered when they are back) for
   * those it does not, such as a joiner that died mid-join: a dead joiner gets nothing sent into
   * the void, yet misses no write should it come back, and once it is removed ({@link #onGone})
   * nothing is forwarded to it at all.
   */
  public record Forwarding(List<String> push, List<String> hold) {
    public static final Forwarding NONE = new Forwarding(List.of(), List.of());
  }

  public Forwarding forwarding(String key) {
    List<String> targets = forwardTargets(key);
    if (targets.isEmpty()) {
      return Forwarding.NONE;
    }
    List<String> push = new ArrayList<>();
    List<String> hold = new ArrayList<>();
    for (String t : targets) {
      (cluster.isRoutable(t) ? push : hold).add(t);
    }
    return new Forwarding(push, hold);
  }

  /** {@code id} left the cluster: nothing more is handed to it. */
  public void onGone(String id) {
    handovers.remove(id);
  }

  // ---- state ----

  void moveTo(Activity next) {
    assert activity.canMoveTo(next) : "node " + self + ": range transfer cannot go from " + activity + " to " + next;
    activity = next;
  }

  private static Ring without(Ring ring, String id) {
    if (!ring.contains(id)) {
      return ring;
    }
    TreeSet<String> ids = new TreeSet<>(ring.nodes());
    ids.remove(id);
    return ids.isEmpty() ? null : Ring.of(ids, ring.vnodes());
  }

  public Activity activity() {
    return activity;
  }

  public long keysSent() {
    return keysSent;
  }

  public long bytesSent() {
    return bytesSent;
  }

  public long keysReceived() {
    return keysReceived;
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  /** Keys dropped after confirmed handovers to joiners, and after cleanups handed them to their replicas. */
  public long keysDropped() {
    return keysDropped;
  }

  /** Streams running, in either direction. */
  public int streams() {
    int pulling = takeovers.stream().mapToInt(Takeover::running).sum();
    return running().size() + pulling + (activity == Activity.JOINING && joiner != null ? joiner.running() : 0);
  }

  public String detail() {
    return detail;
  }
}

package io.quorumlab.store.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * Gossip membership with phi-accrual failure detection, as a sans-IO state machine.
 *
 * <p>Every round ({@link #tick}, each {@link GossipConfig#intervalMs()}) this node bumps its own
 * heartbeat, convicts peers whose phi crossed the threshold, and opens a push-pull exchange with
 * {@code fanout} random live peers, now and then also with a convicted peer (so partitions heal) and
 * a seed (so clusters that split at startup join up). Whenever gossip shows that a member's version
 * advanced, that counts as a heartbeat of the member for the detector, so liveness is learnt
 * second-hand and no node sends heartbeats to every other: messages per node per round stay about
 * {@code 3 * fanout} whatever the cluster size.
 *
 * <p>Single-threaded: the node calls {@link #tick} and {@link #receive} from its event loop, with its
 * clock's time. Output goes to the {@link GossipOutbox}; events to {@link MembershipListener}s.
 */
public final class Gossiper {
  private final GossipConfig config;
  private final MembershipView view;
  private final PhiAccrualDetector detector;
  private final Map<String, String> seeds;
  private final RandomGenerator random;
  private final GossipOutbox outbox;
  private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
  private long lastTick = Long.MIN_VALUE;
  private long ringVersion;

  /**
   * @param selfId this node's id
   * @param generation this incarnation's generation, larger than any earlier one of this node
   *     (epoch millis at start, or one more than the generation persisted last time)
   * @param selfInfo address, initial status and tokens
   * @param seeds id to address of the seed nodes (may include this node)
   */
  public Gossiper(GossipConfig config, String selfId, long generation, MemberInfo selfInfo,
      Map<String, String> seeds, RandomGenerator random, GossipOutbox outbox) {
    if (generation <= 0) {
      throw new IllegalArgumentException("generation must be positive, was " + generation);
    }
    this.config = config;
    // Decoded ids are shared strings; this node's own id is made one too, so that walking a
    // message's members beside the view compares it by identity like every other member's.
    String self = MemberIds.forThisThread().share(selfId);
    this.view = new MembershipView(new MemberState(self, generation, 1, 1, selfInfo));
    this.detector = new PhiAccrualDetector(config.detectorSettings());
    this.seeds = new TreeMap<>(seeds);
    this.random = random;
    this.outbox = outbox;
  }

  public void addListener(MembershipListener listener) {
    listeners.add(listener);
  }

  public String selfId() {
    return view.selfId();
  }

  public GossipConfig config() {
    return config;
  }

  /** One gossip round. Call every {@link GossipConfig#intervalMs()}. */
  public void tick(long now) {
    if (lastTick != Long.MIN_VALUE && now - lastTick > config.localPauseMs()) {
      detector.forgiveLocalPause(now);
      view.columns().forgetSilences();
    }
    lastTick = now;
    view.bumpHeartbeat();
    convictSilentPeers(now);
    GossipSyn syn = new GossipSyn(selfId(), view.digests());
    for (String target : chooseTargets()) {
      outbox.send(target, syn);
    }
  }

  /** Handles one gossip message received at {@code now}. */
  public void receive(GossipMessage message, long now) {
    if (message instanceof GossipSyn syn) {
      onSyn(syn);
    } else if (message instanceof GossipAck ack) {
      onAck(ack, now);
    } else if (message instanceof GossipAck2 ack2) {
      applyAll(ack2.deltas(), now);
    }
  }

  private void onSyn(GossipSyn syn) {
    List<Digest> digests = syn.digests();
    FrozenList.Builder<MemberDelta> deltas = new FrozenList.Builder<>(view.size());
    // Requests go the other way from deltas: about half of a busy round's digests, more at a start.
    FrozenList.Builder<Digest> requests = new FrozenList.Builder<>(digests.size() / 2);
    // Members the syn does not name are unknown to its sender: they stay unmarked.
    long mentioned = view.newMark();
    MembershipView.Cursor members = view.cursor();
    MemberColumns known = view.columns();
    for (int i = 0, n = digests.size(); i < n; i++) {
      Digest digest = digests.get(i);
      // The comparison reads this node's numbers from the columns, and so does a delta that carries
      // only a heartbeat; the member's slot is loaded only for a delta with news beyond that.
      int at = members.indexOf(digest.id());
      if (at < 0) {
        requests.add(new Digest(digest.id(), 0, 0));
        continue;
      }
      if (view.isSelfAt(at)) {
        outrankOwnPast(digest.generation(), digest.version());
      }
      known.marks[at] = mentioned;
      long generation = known.generations[at];
      long version = known.versions[at];
      boolean theyAreAhead = digest.generation() > generation
          || (digest.generation() == generation && digest.version() > version);
      if (theyAreAhead) {
        requests.add(new Digest(view.idAt(at), generation, version));
      } else if (digest.generation() < generation || digest.version() < version) {
        deltas.add(view.deltaAt(at, digest.generation(), digest.version()));
      }
    }
    view.forEachUnmarked(mentioned, mine -> deltas.add(mine.toDelta()));
    outbox.send(syn.from(), new GossipAck(selfId(), deltas.build(), requests.build()));
  }

  private void onAck(GossipAck ack, long now) {
    applyAll(ack.deltas(), now);
    List<Digest> requests = ack.requests();
    FrozenList.Builder<MemberDelta> answers = new FrozenList.Builder<>(requests.size());
    MembershipView.Cursor members = view.cursor();
    for (int i = 0, n = requests.size(); i < n; i++) {
      Digest request = requests.get(i);
      MemberDelta delta = MembershipView.deltaSince(members.find(request.id()), request.generation(), request.version());
      if (delta != null) {
        answers.add(delta);
      }
    }
    if (answers.size() > 0) {
      outbox.send(ack.from(), new GossipAck2(selfId(), answers.build()));
    }
  }

  private void applyAll(List<MemberDelta> deltas, long now) {
    MembershipView.Cursor members = view.cursor();
    for (int i = 0, n = deltas.size(); i < n; i++) {
      MemberDelta delta = deltas.get(i);
      apply(delta, members.find(delta.id()), now);
    }
  }

  /** Merges {@code delta}; {@code slot} is its member's, or null if this node has not heard of it. */
  private void apply(MemberDelta delta, MemberSlot slot, long now) {
    // This node is always in its view: a delta of an unknown member is never about this node.
    assert slot == null ? !delta.id().equals(selfId()) : slot.id.equals(delta.id()) : delta.id();
    if (slot != null && view.isSelf(slot)) {
      outrankOwnPast(delta.generation(), delta.version());
      return;
    }
    if (MembershipView.knowsAtLeast(slot, delta)) {
      // A stale delta (this node heard of a later version meanwhile): the merge would keep the slot.
      return;
    }
    MemberSlot beat = view.applyHeartbeat(slot, delta);
    if (beat != null) {
      // Most deltas of a round: the member is alive, and nothing else about it changed.
      beat.window = detector.heartbeat(beat.window, beat.id, now);
      view.columns().heardFrom(beat.index, beat.window.lastArrival(), detector.quietMs(beat.window));
      acquit(beat);
      return;
    }
    MembershipView.Change change = view.apply(delta);
    if (!change.changed()) {
      return;
    }
    MemberState before = change.before();
    MemberState after = change.after();
    String id = after.id();
    MemberSlot member = view.slot(id);
    // The detector's window may change below (removed, or a heartbeat learnt): the next round asks it.
    view.columns().forgetSilence(member.index);
    boolean wasDown = member.convicted;
    if (change.restarted()) {
      detector.remove(id);
    }
    if (after.status() == MemberStatus.LEFT) {
      detector.remove(id);
      member.convicted = false;
    } else if (change.heartbeatAdvanced()) {
      detector.heartbeat(id, now);
      member.convicted = false;
    }
    if (change.added()) {
      listeners.forEach(l -> l.onMemberAdded(after));
    }
    if (change.restarted()) {
      listeners.forEach(l -> l.onRestarted(after, before.generation()));
    }
    if (wasDown && !member.convicted && after.status() != MemberStatus.LEFT) {
      listeners.forEach(l -> l.onUp(id));
    }
    if (before != null && before.status() != after.status()) {
      listeners.forEach(l -> l.onStatusChanged(id, before.status(), after.status()));
    }
    if (ringRelevantChange(before, after)) {
      ringChanged();
    }
  }

  /** {@code member} showed a sign of life: if it was convicted, it is up again. */
  private void acquit(MemberSlot member) {
    if (member.convicted) {
      member.convicted = false;
      listeners.forEach(l -> l.onUp(member.id));
    }
  }

  private static boolean ringRelevantChange(MemberState before, MemberState after) {
    boolean ownedBefore = before != null && before.status().ownsTokens();
    boolean ownsNow = after.status().ownsTokens();
    if (ownedBefore != ownsNow) {
      return true;
    }
    boolean pendingBefore = before != null && before.status() == MemberStatus.JOINING;
    boolean pendingNow = after.status() == MemberStatus.JOINING;
    return pendingBefore != pendingNow
        || ((ownsNow || pendingNow) && !before.info().sameRingPosition(after.info()));
  }

  private void ringChanged() {
    ringVersion++;
    listeners.forEach(MembershipListener::onRingChanged);
  }

  private void convictSilentPeers(long now) {
    MemberColumns columns = view.columns();
    for (int i = 0; i < columns.size(); i++) {
      // Most members were heard from within their quiet silence: the columns say so without
      // loading the member's slot and window (a cache miss each, per member, per round).
      if (columns.surelyAvailable(i, now)) {
        continue;
      }
      MemberSlot member = view.slotAt(i);
      String id = member.id;
      if (member.convicted || member.status() == MemberStatus.LEFT || view.isSelf(member)) {
        continue;
      }
      member.window = detector.window(member.window, id);
      if (!detector.isAvailable(member.window, now)) {
        member.convicted = true;
        listeners.forEach(l -> l.onDown(id));
      }
    }
  }

  private Collection<String> chooseTargets() {
    List<String> live = new ArrayList<>();
    List<String> dead = new ArrayList<>();
    view.forEachSlot(member -> {
      if (!member.id.equals(selfId()) && member.status() != MemberStatus.LEFT) {
        (member.convicted ? dead : live).add(member.id);
      }
    });
    Set<String> targets = new LinkedHashSet<>(sample(live, config.fanout()));
    // Probing the convicted lets a healed partition or a resumed node be noticed even when nobody
    // on its side gossips to us; the odds keep the cost about one message per round.
    if (!dead.isEmpty() && random.nextDouble() < dead.size() / (live.size() + 1.0)) {
      targets.add(dead.get(random.nextInt(dead.size())));
    }
    List<String> otherSeeds = new ArrayList<>(seeds.keySet());
    otherSeeds.remove(selfId());
    // A seed this node has never heard from is contacted every round until it has been: otherwise
    // nodes that first met only some seeds form cliques whose members are all seeds, and the rule
    // below never fires again to join the cliques up.
    List<String> unheardSeeds = otherSeeds.stream().filter(s -> view.get(s).isEmpty()).toList();
    if (!unheardSeeds.isEmpty()) {
      targets.add(unheardSeeds.get(random.nextInt(unheardSeeds.size())));
    } else if (!otherSeeds.isEmpty() && targets.stream().noneMatch(seeds::containsKey)) {
      double odds = live.size() < otherSeeds.size()
          ? 1.0 : otherSeeds.size() / (double) (live.size() + dead.size() + 1);
      if (random.nextDouble() < odds) {
        targets.add(otherSeeds.get(random.nextInt(otherSeeds.size())));
      }
    }
    return targets;
  }

  private List<String> sample(List<String> from, int count) {
    List<String> pool = new ArrayList<>(from);
    int take = Math.min(count, pool.size());
    for (int i = 0; i < take; i++) {
      int j = i + random.nextInt(pool.size() - i);
      String swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    return pool.subList(0, take);
  }

  // ---- this node's own state ----

  /**
   * Peers ignore a generation below the one they know, so a node that learns of an incarnation of
   * itself it does not outrank (a larger generation, or its own with a version it never reached)
   * takes the next generation up; otherwise a restart with the clock set back stays convicted. The
   * generation is a counter the cluster agrees on, never compared with any clock.
   */
  private void outrankOwnPast(long generation, long version) {
    MemberState self = view.self();
    boolean outranked = generation > self.generation() || (generation == self.generation() && version > self.version());
    if (!outranked) {
      return;
    }
    MemberState next = view.restartSelf(generation + 1);
    listeners.forEach(l -> l.onOwnGenerationRaised(next.generation()));
  }

  /** Announces a new status for this node (e.g. JOINING to UP, UP to LEAVING); never backwards. */
  public void setLocalStatus(MemberStatus status) {
    updateLocal(view.self().info().withStatus(status));
  }

  /** Announces explicit tokens for this node (a join picks them, a move changes them). */
  public void setLocalTokens(long[] tokens) {
    updateLocal(view.self().info().withTokens(tokens));
  }

  /** Announces a new vnode count for this node (tokens derived from its id). */
  public void setLocalVnodes(int vnodes) {
    updateLocal(view.self().info().withVnodes(vnodes));
  }

  private void updateLocal(MemberInfo info) {
    MembershipView.Change change = view.updateSelf(info);
    if (!change.changed()) {
      return;
    }
    if (change.before().status() != change.after().status()) {
      listeners.forEach(l -> l.onStatusChanged(selfId(), change.before().status(), change.after().status()));
    }
    if (ringRelevantChange(change.before(), change.after())) {
      ringChanged();
    }
  }

  // ---- other members' state ----

  /**
   * How far a removal advances the removed member's version: far beyond any heartbeat it could
   * still have sent, so the removal wins the merge on every node, whichever it hears first.
   */
  static final long REMOVAL_VERSION_STEP = 1L << 32;

  /**
   * Force-removes {@code id}, a member that died for good: announces it LEFT on its behalf (as its
   * own LEFT would be), in its current generation, so every node drops it from the ring. Only for
   * a dead member: one that is alive keeps announcing its own state, and a restart of it (a larger
   * generation) overrides the removal.
   *
   * @throws IllegalArgumentException for this node itself or a member this node never heard of
   */
  public void removeMember(String id, long now) {
    if (id.equals(selfId())) {
      throw new IllegalArgumentException("a node cannot remove itself");
    }
    MemberState m = view.get(id).orElseThrow(() -> new IllegalArgumentException("no member " + id));
    if (m.status() == MemberStatus.LEFT) {
      return;
    }
    long version = m.version() + REMOVAL_VERSION_STEP;
    MemberDelta removal = new MemberDelta(id, m.generation(), version, version, m.info().withStatus(MemberStatus.LEFT));
    apply(removal, view.slot(id), now);
  }

  // ---- queries ----

  /** False for convicted, departed (LEFT) and unknown members; this node is always alive. */
  public boolean isAlive(String id) {
    if (id.equals(selfId())) {
      return true;
    }
    MemberSlot member = view.slot(id);
    return member != null && member.status() != MemberStatus.LEFT && !member.convicted;
  }

  /** Ids of the members this node believes alive, itself included, in id order. */
  public Set<String> liveMembers() {
    Set<String> live = new TreeSet<>();
    view.all().forEach(m -> {
      if (isAlive(m.id())) {
        live.add(m.id());
      }
    });
    return live;
  }

  public Optional<MemberState> member(String id) {
    return view.get(id);
  }

  /** Every known member (LEFT ones included), this node too, in id order. */
  public Collection<MemberState> members() {
    return List.copyOf(view.all());
  }

  /** Members whose tokens route requests (UP and LEAVING), dead or alive: ownership is not liveness. */
  public List<MemberState> ringMembers() {
    return view.all().stream().filter(m -> m.status().ownsTokens()).toList();
  }

  /** Members that announced tokens but are still JOINING (their ranges are pending). */
  public List<MemberState> joiningMembers() {
    return view.all().stream().filter(m -> m.status() == MemberStatus.JOINING).toList();
  }

  /** Incremented on every {@link MembershipListener#onRingChanged}; lets the node rebuild lazily. */
  public long ringVersion() {
    return ringVersion;
  }

  /** The address gossip knows for {@code id}, else the seed address, else empty. */
  public Optional<String> address(String id) {
    return view.get(id).map(m -> m.info().address()).or(() -> Optional.ofNullable(seeds.get(id)));
  }

  /** Current suspicion of {@code id} (for status displays); 0 for this node and unknown members. */
  public double phi(String id, long now) {
    return id.equals(selfId()) ? 0.0 : detector.phi(id, now);
  }

  /** The detector, read-only use: detection bounds and learnt rhythm per peer. */
  public PhiAccrualDetector detector() {
    return detector;
  }
}

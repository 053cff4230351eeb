package io.quorumlab.store.services;

import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.membership.GossipAck;
import io.quorumlab.store.membership.GossipAck2;
import io.quorumlab.store.membership.GossipCodec;
import io.quorumlab.store.membership.GossipConfig;
import io.quorumlab.store.membership.GossipMessage;
import io.quorumlab.store.membership.GossipSyn;
import io.quorumlab.store.membership.Gossiper;
import io.quorumlab.store.membership.MemberInfo;
import io.quorumlab.store.membership.MemberState;
import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.membership.MembershipListener;
import io.quorumlab.store.membership.PhiAccrualDetector;
import io.quorumlab.store.node.Clock;
import io.quorumlab.store.node.Liveness;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.node.Transport;
import io.quorumlab.store.ring.Ring;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gossip membership wired into a node: runs the {@link Gossiper} on the node's timer and gossip
 * channel, keeps the node's ring equal to the members that own tokens, and answers routing's
 * liveness question.
 *
 * <p>Liveness: a member gossip has heard of is routable when the phi-accrual detector has not
 * convicted it and this node's link to it is not down (a refused or closed connection is a strong,
 * early hint; a paused or partitioned node keeps its connection and is caught by phi). A config
 * member gossip has not heard of yet (the first rounds after start) is judged by the link alone.
 *
 * <p>Ring: every member gossip knows as UP or LEAVING, plus config members gossip has not told
 * anything about yet; JOINING members are pending and LEFT ones gone.
 *
 * <p>Addresses: a member learnt through gossip gets a link at the address it advertises, unless the
 * config names one (the harness's link proxies), which wins. A node introduces itself to every peer
 * until that peer has answered one of its gossip rounds, so that a seed can answer a node that
 * just joined and whose address nobody had.
 */
final class MembershipService implements MembershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(MembershipService.class);

  private final Node node;
  private final NodeConfig config;
  private final String self;
  private final Transport transport;
  private final Liveness links;
  private final Clock clock;
  private final Gossiper gossiper;
  private final GossipConfig gossipConfig;
  private final long generation;
  private final long startedAt;
  private final Set<String> answered = new HashSet<>();
  private Consumer<Ring> ringListener = r -> {};
  private Ring ring;
  private long heardFromClusterAt = -1;
  private GossipMessage lastEncoded;
  private byte[] lastBytes;
  private long messagesSent;
  private long messagesReceived;
  private long bytesSent;
  private long bytesReceived;

  MembershipService(Node node, Transport transport, Liveness links, Clock clock, RandomGenerator random,
      long generation, MemberStatus initialStatus) {
    this.node = node;
    this.config = node.config();
    this.self = node.id();
    this.transport = transport;
    this.links = links;
    this.clock = clock;
    this.generation = generation;
    this.gossipConfig = gossipConfig(config);
    String address = config.members().getOrDefault(self, config.listenHost() + ":" + config.port());
    Map<String, String> seeds = new LinkedHashMap<>();
    for (String seed : config.seeds() == null ? List.<String>of() : config.seeds()) {
      String a = config.members().get(seed);
      if (a != null) {
        seeds.put(seed, a);
      } else {
        LOG.warn("node {}: seed {} has no address in members; ignored", self, seed);
      }
    }
    this.gossiper = new Gossiper(gossipConfig, self, generation,
        MemberInfo.ofVnodes(address, initialStatus, config.vnodes()), seeds, random, this::send);
    this.gossiper.addListener(this);
    this.startedAt = clock.monotonicMillis();
    this.ring = node.ring();
  }

  /**
   * The defaults of {@link GossipConfig} scaled to the configured interval: the acceptable pause
   * (3 rounds), the deviation floor (a fifth of a round) and the local-pause guard (3 rounds) keep
   * their proportion, so a test with 100 ms rounds convicts ten times faster, and 1 s rounds give
   * exactly the defaults.
   */
  static GossipConfig gossipConfig(NodeConfig c) {
    GossipConfig d = GossipConfig.defaults();
    long interval = c.gossipIntervalMs();
    double scale = interval / (double) d.intervalMs();
    return new GossipConfig(interval, c.gossipFanout(), c.phiThreshold(),
        Math.max(1, Math.round(d.minStdDevMs() * scale)), Math.round(d.acceptablePauseMs() * scale), d.maxSamples(),
        Math.max(interval + 1, Math.round(d.localPauseMs() * scale)), PhiAccrualDetector.Distribution.NORMAL);
  }

  void onRing(Consumer<Ring> listener) {
    this.ringListener = listener;
  }

  void addListener(MembershipListener listener) {
    gossiper.addListener(listener);
  }

  void start() {
    node.registerExtension(Channels.GOSSIP, this::onMessage);
    rebuildRing();
    node.schedule(0, this::tick);
  }

  private void tick() {
    gossiper.tick(clock.monotonicMillis());
    node.schedule(gossipConfig.intervalMs(), this::tick);
  }

  private void send(String to, GossipMessage message) {
    if (message instanceof GossipSyn && !answered.contains(to)) {
      gossiper.member(self).ifPresent(me -> emit(to, new GossipAck2(self, List.of(me.toDelta()))));
    }
    emit(to, message);
  }

  private void emit(String to, GossipMessage message) {
    // A round's syn goes to several peers (and names every member): encode it once.
    if (message != lastEncoded) {
      lastEncoded = message;
      lastBytes = GossipCodec.encode(message);
    }
    byte[] bytes = lastBytes;
    messagesSent++;
    bytesSent += bytes.length;
    node.sendExtension(to, Channels.GOSSIP, bytes);
  }

  private void onMessage(String from, byte[] payload) {
    GossipMessage message;
    try {
      message = GossipCodec.decode(payload);
    } catch (IOException e) {
      LOG.warn("node {}: dropping gossip from {}: {}", self, from, e.getMessage());
      return;
    }
    messagesReceived++;
    bytesReceived += payload.length;
    long now = clock.monotonicMillis();
    if (message instanceof GossipAck) {
      answered.add(from);
      if (heardFromClusterAt < 0) {
        heardFromClusterAt = now;
      }
    }
    gossiper.receive(message, now);
  }

  // ---- membership events that concern addresses and the ring ----
  //
  // The ring is built from member ids alone (tokens derive from an id and the configured vnodes),
  // so only a member's arrival and status changes can change it; token moves need no rebuild.

  @Override
  public void onMemberAdded(MemberState member) {
    learnAddress(member.id());
    // A config member is in the ring before gossip hears of it, so hearing of it as a token owner
    // changes nothing: skipping the O(members) comparison keeps a forming cluster's cost linear.
    if (!(config.members().containsKey(member.id()) && member.status().ownsTokens())) {
      rebuildRing();
    }
  }

  @Override
  public void onRestarted(MemberState member, long previousGeneration) {
    learnAddress(member.id());
  }

  @Override
  public void onStatusChanged(String id, MemberStatus previous, MemberStatus current) {
    rebuildRing();
  }

  private void learnAddress(String id) {
    if (!id.equals(self) && !config.members().containsKey(id)) {
      gossiper.address(id).ifPresent(a -> transport.learnAddress(id, a));
    }
  }

  /** Members that own tokens now; the node's ring changes only when that set does. */
  Set<String> ringIds() {
    Set<String> ids = new TreeSet<>();
    for (String m : config.members().keySet()) {
      if (!m.equals(self) && gossiper.member(m).isEmpty()) {
        ids.add(m);
      }
    }
    for (MemberState m : gossiper.members()) {
      if (m.status().ownsTokens()) {
        ids.add(m.id());
      }
    }
    return ids;
  }

  void rebuildRing() {
    Set<String> ids = ringIds();
    if (ids.isEmpty() || new TreeSet<>(ring.nodes()).equals(ids)) {
      return;
    }
    Ring next = Ring.of(ids, config.vnodes());
    LOG.info("node {}: ring is now {}", self, ids);
    ring = next;
    node.setRing(next);
    ringListener.accept(next);
  }

  // ---- removal of a dead member ----

  /**
   * Force-removes {@code id} from the cluster ({@code remove} admin command): refused, nothing
   * changed, unless it is a member this node knows and its failure detector has convicted; a
   * member already LEFT is left as it is.
   *
   * @throws IllegalArgumentException saying why it is refused
   */
  void remove(String id) {
    if (id.equals(self)) {
      throw new IllegalArgumentException(id + " is this node; a live node leaves with 'leave', it is not removed");
    }
    MemberState m = gossiper.member(id).orElseThrow(() -> new IllegalArgumentException(
        "node " + self + " knows no member " + id + "; nothing removed"));
    if (m.status() == MemberStatus.LEFT) {
      return;
    }
    if (gossiper.isAlive(id)) {
      throw new IllegalArgumentException(id + " is alive as " + self + " sees it (" + m.status() + ", phi "
          + String.format(java.util.Locale.ROOT, "%.1f", gossiper.phi(id, clock.monotonicMillis()))
          + "); only a dead member is removed: stop it first, or let it leave; nothing removed");
    }
    LOG.info("node {}: removing dead member {} ({}) from the cluster", self, id, m.status());
    gossiper.removeMember(id, clock.monotonicMillis());
  }

  // ---- queries ----

  /** Whether coordinators here should count on {@code id}. */
  boolean isRoutable(String id) {
    if (id.equals(self)) {
      return true;
    }
    if (gossiper.member(id).isPresent()) {
      return gossiper.isAlive(id) && links.isAlive(id);
    }
    return links.isAlive(id);
  }

  Ring ring() {
    return ring;
  }

  Gossiper gossiper() {
    return gossiper;
  }

  GossipConfig gossipConfig() {
    return gossipConfig;
  }

  /** This incarnation's generation: the one it started with, or a larger one gossip forced on it. */
  long generation() {
    return gossiper.member(self).map(MemberState::generation).orElse(generation);
  }

  MemberStatus localStatus() {
    return gossiper.member(self).map(MemberState::status).orElse(MemberStatus.UP);
  }

  void setLocalStatus(MemberStatus status) {
    gossiper.setLocalStatus(status);
  }

  /** When this node first got an answer from another member (-1: never). */
  long heardFromClusterAt() {
    return heardFromClusterAt;
  }

  Optional<MemberState> member(String id) {
    return gossiper.member(id);
  }

  long messagesSent() {
    return messagesSent;
  }

  long messagesReceived() {
    return messagesReceived;
  }

  long bytesSent() {
    return bytesSent;
  }

  long bytesReceived() {
    return bytesReceived;
  }

  long uptimeMs() {
    return clock.monotonicMillis() - startedAt;
  }

  Liveness links() {
    return links;
  }
}

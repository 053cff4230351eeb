package io.quorumlab.sim;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.Codec;
import io.quorumlab.store.protocol.PeerMessage;
import java.util.random.RandomGenerator;

/**
 * The simulated network. Every message is encoded with the store's wire codec when sent and
 * decoded when delivered, as over a socket, so nodes share no objects and the codec is exercised.
 *
 * <p>Between nodes a message may be lost (network loss, a cut or lossy link, a receiver that is not
 * running), delayed (the latency distribution, a slow link's delay and rate) and, when configured,
 * duplicated or reordered. Link faults follow the harness's proxies: a cut drops what is sent over
 * it and what was still in flight on it; a connection to a killed node is down (so the sender's
 * link view says so) while a paused node's stays up and what reaches it waits.
 *
 * <p>Client connections are not subject to partitions (clients talk to their node directly, as in
 * the other backends); they have the network's latency and are first-in first-out.
 */
final class SimNetwork {
  private static final Hasher64 HASH = Hashing.xxh3_64();

  private final Simulation sim;
  private final NetworkConfig config;
  private final RandomGenerator random;
  private final LinkRules rules;
  private final FifoLinks fifo = new FifoLinks();
  private final long[] sentMessages;
  private final long[] sentBytes;
  private final long[] receivedMessages;
  private final long[] receivedBytes;
  private long dropped;
  /** What a slow link added to the latest arrival {@link #arrival} computed (for the message log). */
  private long slowedNanos;

  SimNetwork(Simulation sim, NetworkConfig config, RandomGenerator random, int nodes) {
    this.sim = sim;
    this.config = config;
    this.random = random;
    this.rules = new LinkRules(nodes);
    this.sentMessages = new long[nodes];
    this.sentBytes = new long[nodes];
    this.receivedMessages = new long[nodes];
    this.receivedBytes = new long[nodes];
  }

  // ---- between nodes ----

  void send(SimNode from, String toId, PeerMessage message) {
    byte[] bytes = Codec.encode(message);
    sentMessages[from.index]++;
    sentBytes[from.index] += bytes.length;
    SimNode to = sim.nodeOrNull(toId);
    if (to == null) {
      dropped++;
      MessageLog log = sim.messageLog();
      if (log != null) log.droppedAtSend(from, toId, message, "no such node");
      return;
    }
    long hash = HASH.hashBytesToLong(bytes);
    String refused = null;
    LinkRules.Rule rule = null;
    if (!to.isUp()) {
      refused = "link down: receiver not running";
    } else if (bytes.length > to.config.maxFrameBytes()) {
      refused = "frame larger than the receiver accepts";
    } else if ((rule = rules.get(from.index, to.index)) != null && rule.cut) {
      refused = "link cut";
    } else {
      double loss = rule == null ? config.loss() : 1 - (1 - config.loss()) * (1 - rule.slowness.loss());
      if (loss > 0 && random.nextDouble() < loss) refused = rule != null && rule.slowness.loss() > 0 ? "lost on a lossy link" : "lost";
    }
    MessageLog log = sim.messageLog();
    if (refused != null) {
      dropped(from, to, hash, refused);
      if (log != null) log.droppedAtSend(from, to.id, message, refused);
      return;
    }
    long at = arrival(from, to, rule, bytes.length);
    PeerDelivery delivery = new PeerDelivery(to, to.incarnation(), from, bytes, hash);
    sim.enqueueAt(at, delivery);
    if (log != null) log.sent(delivery, from, to, message, at, slowedNanos, null);
    if (config.duplicate() > 0 && random.nextDouble() < config.duplicate()) {
      long again = arrival(from, to, rule, bytes.length);
      PeerDelivery copy = new PeerDelivery(to, to.incarnation(), from, bytes, hash);
      sim.enqueueAt(again, copy);
      if (log != null) log.sent(copy, from, to, message, again, slowedNanos, delivery);
    }
  }

  private long arrival(SimNode from, SimNode to, LinkRules.Rule rule, int bytes) {
    long now = sim.now();
    long at = now + config.latency().sampleNanos(random);
    slowedNanos = 0;
    if (rule != null) {
      long normal = at;
      LinkSlowness s = rule.slowness;
      if (s.delayMicros() > 0 || s.jitterMicros() > 0) {
        long jitter = s.jitterMicros() == 0 ? 0 : random.nextLong(-s.jitterMicros(), s.jitterMicros() + 1);
        at += Math.max(0, s.delayMicros() + jitter) * 1_000;
      }
      if (s.rateKbit() > 0) {
        long wireNanos = bytes * 8L * 1_000_000L / s.rateKbit();
        rule.wireFreeAt = Math.max(rule.wireFreeAt, now) + wireNanos;
        at = Math.max(at, rule.wireFreeAt);
      }
      slowedNanos = at - normal;
    }
    return config.reorder() ? at : fifo.order(FifoLinks.nodeLink(from.index, to.index), at, now);
  }

  /** A message in flight lost on its way (its link cut, its receiver gone). */
  void droppedInFlight(Event delivery, SimNode from, SimNode to, long hash, String why) {
    dropped(from, to, hash, why);
    MessageLog log = sim.messageLog();
    if (log != null) log.dropped(delivery, why);
  }

  private void dropped(SimNode from, SimNode to, long hash, String why) {
    dropped++;
    sim.trace().record(TraceKind.DROP, from.index, to.index, hash, why);
    sim.dropped(from, to, why);
  }

  void received(SimNode to, int bytes) {
    receivedMessages[to.index]++;
    receivedBytes[to.index] += bytes;
  }

  /** The node's link view of {@code peer}: up while a process runs there (paused included). */
  boolean linkUp(String peer) {
    SimNode n = sim.nodeOrNull(peer);
    return n != null && n.isUp();
  }

  boolean isCut(int from, int to) {
    return rules.isCut(from, to);
  }

  LinkRules rules() {
    return rules;
  }

  // ---- clients ----

  /** A client's request on its connection to {@code node}'s running process. */
  void request(SimClient client, SimNode node, byte[] bytes) {
    long hash = HASH.hashBytesToLong(bytes);
    long now = sim.now();
    long at = fifo.order(FifoLinks.clientLink(client.number(), node.index, true), now + config.latency().sampleNanos(random), now);
    RequestDelivery delivery = new RequestDelivery(node, node.incarnation(), client, bytes, hash);
    sim.enqueueAt(at, delivery);
    MessageLog log = sim.messageLog();
    if (log != null) log.request(delivery, client, node, bytes, at);
  }

  /** A node's answer on a client connection. */
  void reply(SimNode node, long connection, ClientReply reply) {
    SimClient client = sim.clientOrNull(connection);
    if (client == null) {
      return;
    }
    byte[] bytes = Codec.encode(reply);
    long hash = HASH.hashBytesToLong(bytes);
    long now = sim.now();
    long at = fifo.order(FifoLinks.clientLink(client.number(), node.index, false), now + config.latency().sampleNanos(random), now);
    Event arrival = client.replyArrival(node, bytes, hash);
    sim.enqueueAt(at, arrival);
    MessageLog log = sim.messageLog();
    if (log != null) log.reply(arrival, node, client, reply, at);
  }

  // ---- statistics ----

  long sentMessages(int node) {
    return sentMessages[node];
  }

  long sentBytes(int node) {
    return sentBytes[node];
  }

  long receivedMessages(int node) {
    return receivedMessages[node];
  }

  long receivedBytes(int node) {
    return receivedBytes[node];
  }

  long droppedMessages() {
    return dropped;
  }
}

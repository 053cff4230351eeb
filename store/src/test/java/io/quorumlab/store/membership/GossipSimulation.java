package io.quorumlab.store.membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * A deterministic network of {@link Gossiper}s for tests: one virtual clock, one seeded random
 * source, per-message latency, droppable links and nodes that can be killed, paused (messages to
 * them are held, as TCP would) and restarted with a new generation. Every message goes through
 * {@link GossipCodec}, so the codec is exercised and bytes are counted.
 */
final class GossipSimulation {
  static final long MIN_LATENCY_MS = 1;
  static final long MAX_LATENCY_MS = 10;

  private record Event(long time, long seq, Runnable action) {}

  /** One simulated process. */
  final class SimNode implements MembershipListener {
    final String id;
    Gossiper gossiper;
    boolean running = true;
    boolean paused;
    int epoch;
    long sent;
    long sentBytes;
    final List<byte[]> held = new ArrayList<>();
    /** (time, "down:n3" / "up:n3" / "restarted:n3"...) as this node saw them. */
    final List<String> log = new ArrayList<>();
    final Map<String, Long> lastDown = new HashMap<>();
    final Map<String, Long> lastUp = new HashMap<>();

    SimNode(String id) {
      this.id = id;
    }

    @Override
    public void onDown(String member) {
      log.add(now + " down:" + member);
      lastDown.put(member, now);
    }

    @Override
    public void onUp(String member) {
      log.add(now + " up:" + member);
      lastUp.put(member, now);
    }

    @Override
    public void onRestarted(MemberState member, long previousGeneration) {
      log.add(now + " restarted:" + member.id());
    }

    long downEvents() {
      return log.stream().filter(l -> l.contains(" down:")).count();
    }
  }

  final GossipConfig config;
  final SplittableRandom random;
  final Map<String, SimNode> nodes = new TreeMap<>();
  final Map<String, String> seeds = new TreeMap<>();
  private final PriorityQueue<Event> queue =
      new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private final Set<String> cutLinks = new HashSet<>();
  private long seq;
  long now;
  double lossRate;
  long delivered;

  GossipSimulation(GossipConfig config, long seed) {
    this.config = config;
    this.random = new SplittableRandom(seed);
  }

  static String address(String id) {
    return id + ".local:7000";
  }

  static long[] tokens(String id, int generationSalt) {
    SplittableRandom r = new SplittableRandom(id.hashCode() * 31L + generationSalt);
    long[] tokens = new long[8];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = r.nextLong();
    }
    return tokens;
  }

  void addSeed(String id) {
    seeds.put(id, address(id));
  }

  /** Starts a node at a random moment within the next round, as processes never start in lockstep. */
  SimNode start(String id) {
    SimNode node = new SimNode(id);
    nodes.put(id, node);
    boot(node, MemberStatus.UP, 0);
    return node;
  }

  private void boot(SimNode node, MemberStatus status, int salt) {
    // Generation = the virtual epoch-millis at start (+1 so it is positive at time 0).
    boot(node, status, salt, now + 1);
  }

  private void boot(SimNode node, MemberStatus status, int salt, long generation) {
    MemberInfo info = MemberInfo.ofTokens(address(node.id), status, tokens(node.id, salt));
    node.gossiper = new Gossiper(config, node.id, generation, info, seeds, random.split(),
        (to, message) -> send(node, to, message));
    node.gossiper.addListener(node);
    node.running = true;
    node.paused = false;
    node.held.clear();
    node.epoch++;
    scheduleTicks(node, now + random.nextLong(config.intervalMs()));
  }

  private void scheduleTicks(SimNode node, long first) {
    int epoch = node.epoch;
    schedule(first, () -> tickLoop(node, epoch));
  }

  private void tickLoop(SimNode node, int epoch) {
    if (node.epoch != epoch || !node.running || node.paused) {
      return;
    }
    node.gossiper.tick(now);
    schedule(now + config.intervalMs(), () -> tickLoop(node, epoch));
  }

  private void send(SimNode from, String to, GossipMessage message) {
    byte[] bytes = GossipCodec.encode(message);
    from.sent++;
    from.sentBytes += bytes.length;
    if (cutLinks.contains(link(from.id, to)) || (lossRate > 0 && random.nextDouble() < lossRate)) {
      return;
    }
    long latency = MIN_LATENCY_MS + random.nextLong(MAX_LATENCY_MS - MIN_LATENCY_MS + 1);
    schedule(now + latency, () -> deliver(to, bytes));
  }

  private void deliver(String to, byte[] bytes) {
    SimNode node = nodes.get(to);
    if (node == null || !node.running) {
      return;
    }
    if (node.paused) {
      node.held.add(bytes);
      return;
    }
    try {
      node.gossiper.receive(GossipCodec.decode(bytes), now);
      delivered++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void schedule(long time, Runnable action) {
    queue.add(new Event(time, seq++, action));
  }

  void runFor(long millis) {
    runUntil(now + millis);
  }

  void runUntil(long time) {
    while (!queue.isEmpty() && queue.peek().time <= time) {
      Event event = queue.poll();
      now = event.time;
      event.action.run();
    }
    now = time;
  }

  /** Process death: it stops ticking and everything sent to it is lost. */
  void kill(String id) {
    SimNode node = nodes.get(id);
    node.running = false;
    node.epoch++;
  }

  /** SIGSTOP: no ticks; messages to it wait until {@link #resume}. */
  void pause(String id) {
    SimNode node = nodes.get(id);
    node.paused = true;
    node.epoch++;
  }

  void resume(String id) {
    SimNode node = nodes.get(id);
    node.paused = false;
    List<byte[]> held = new ArrayList<>(node.held);
    node.held.clear();
    for (byte[] bytes : held) {
      deliver(id, bytes);
    }
    scheduleTicks(node, now);
  }

  /** A new process under the same id: new generation, empty view, possibly new tokens. */
  void restart(String id, int tokenSalt) {
    SimNode node = nodes.get(id);
    boot(node, MemberStatus.UP, tokenSalt);
  }

  /**
   * A new process under the same id whose wall clock was set back by {@code backMillis} and that
   * lost its stored generation: its generation (epoch millis at start) is below the old one.
   */
  void restartWithClockBack(String id, long backMillis) {
    boot(nodes.get(id), MemberStatus.UP, 0, Math.max(1, now + 1 - backMillis));
  }

  void cut(String a, String b) {
    cutLinks.add(link(a, b));
    cutLinks.add(link(b, a));
  }

  void heal() {
    cutLinks.clear();
  }

  private static String link(String from, String to) {
    return from + "->" + to;
  }

  List<SimNode> running() {
    return nodes.values().stream().filter(n -> n.running && !n.paused).toList();
  }

  /**
   * True when every running node knows the same members with the same generation and info, and
   * (if {@code checkLiveness}) believes exactly the running nodes alive.
   */
  boolean viewsAgree(boolean checkLiveness) {
    List<SimNode> running = running();
    Set<String> expectedAlive = new TreeSet<>();
    running.forEach(n -> expectedAlive.add(n.id));
    List<MemberState> reference = null;
    for (SimNode node : running) {
      List<MemberState> mine = List.copyOf(node.gossiper.members());
      if (reference == null) {
        reference = mine;
      } else if (!sameMembership(reference, mine)) {
        return false;
      }
      if (checkLiveness && !node.gossiper.liveMembers().equals(expectedAlive)) {
        return false;
      }
    }
    return true;
  }

  /** Same members, generations and info; heartbeat versions naturally differ and are ignored. */
  private static boolean sameMembership(List<MemberState> a, List<MemberState> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      MemberState x = a.get(i);
      MemberState y = b.get(i);
      if (!x.id().equals(y.id()) || x.generation() != y.generation() || x.infoVersion() != y.infoVersion()
          || !x.info().equals(y.info())) {
        return false;
      }
    }
    return true;
  }

  /** Runs round by round until {@link #viewsAgree}; returns the rounds taken, or -1 if never within {@code maxRounds}. */
  int roundsUntilAgree(boolean checkLiveness, int maxRounds) {
    for (int round = 0; round <= maxRounds; round++) {
      if (viewsAgree(checkLiveness)) {
        return round;
      }
      runFor(config.intervalMs());
    }
    return -1;
  }

  /** Advances in {@code stepMs} steps until {@code condition} holds; returns the time taken, or -1 after {@code maxMs}. */
  long millisUntil(BooleanSupplier condition, long stepMs, long maxMs) {
    long start = now;
    while (!condition.getAsBoolean()) {
      if (now - start >= maxMs) {
        return -1;
      }
      runFor(stepMs);
    }
    return now - start;
  }

  long totalSent() {
    return nodes.values().stream().mapToLong(n -> n.sent).sum();
  }

  long totalSentBytes() {
    return nodes.values().stream().mapToLong(n -> n.sentBytes).sum();
  }
}

package io.quorumlab.sim;

import io.quorumlab.store.mutation.Mutants;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.node.ClockSkew;
import io.quorumlab.store.node.NodeConfigCheck;
import io.quorumlab.store.node.Scheduler;
import io.quorumlab.store.protocol.PeerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster of real store nodes run deterministically: every node's process, network, disk and
 * clock are simulated on the caller's one thread, driven by one event queue in virtual time and
 * random choices that all derive from one seed. The same {@link SimConfig} and the same scenario
 * (the calls made on this object, at the same virtual instants) give the same run, which
 * {@link #trace()}'s digest witnesses.
 *
 * <p>Time moves only through {@link #step}, {@link #runFor} and {@link #runUntil}; a scenario acts
 * between them or from actions it {@link #schedule}s. Faults follow the harness's cluster backends:
 * {@link #kill}, {@link #restart}, {@link #pause}, {@link #resume}, {@link #partition} (a grudge:
 * for each node, the nodes it cannot hear from), {@link #slow}, and clock skew through
 * {@link #shiftClock} and {@link #setClockRate}.
 *
 * <p>Not thread-safe: one simulation belongs to one thread. Independent simulations may run in
 * parallel on different threads.
 */
public final class Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
  /** Every machine's monotonic clock reads 1 h at virtual time zero, as a machine that has been up a while. */
  private static final long MONOTONIC_BASE_NANOS = 3_600_000_000_000L;

  private final SimConfig config;
  private final Mutants mutants;
  private final EventQueue queue = new EventQueue();
  private final SplittableRandom random;
  private final Trace trace;
  private final SimNetwork network;
  private SimNode[] nodes;
  /** Machines the network has room for: the initial nodes and the spares {@link #addNode} may add. */
  private final int capacity;
  private final Map<String, SimNode> byId = new HashMap<>();
  private final List<String> ids;
  private final List<SimClient> clients = new ArrayList<>();
  private final List<LifecycleEvent> lifecycle = new ArrayList<>();
  private final List<MembershipObserver> observers = new ArrayList<>();
  private final List<MessageObserver> taps = new ArrayList<>();
  /** Null unless {@link #recordMessages} was called: the network's hooks then cost one test each. */
  private MessageLog messages;
  private long now;
  private long currentSeq = -1;
  private long eventsRun;
  private long nodeFailures;
  private boolean started;
  private boolean stepping;
  private SimNode current;

  /** Throws {@link IllegalArgumentException} for node settings the cluster cannot honour (N above its size...). */
  public Simulation(SimConfig config) {
    this(config, 0, Mutants.NONE);
  }

  /**
   * A simulation with room for {@code spareMachines} nodes that {@link #addNode} adds while it runs.
   * Throws {@link IllegalArgumentException} for node settings the cluster cannot honour.
   */
  public Simulation(SimConfig config, int spareMachines) {
    this(config, spareMachines, Mutants.NONE);
  }

  /** A simulation whose every node runs with the bugs {@code mutants} (for tests and selftest). */
  public Simulation(SimConfig config, Mutants mutants) {
    this(config, 0, mutants);
  }

  /** The general form: room for {@code spareMachines} joining nodes, and {@code mutants} planted in every node. */
  public Simulation(SimConfig config, int spareMachines, Mutants mutants) {
    if (spareMachines < 0) {
      throw new IllegalArgumentException("spareMachines must not be negative, not " + spareMachines);
    }
    this.mutants = mutants;
    this.config = config;
    this.random = new SplittableRandom(config.seed());
    this.trace = new Trace(this, config.trace());
    this.ids = config.nodes();
    Map<String, String> members = new LinkedHashMap<>();
    for (String id : ids) {
      members.put(id, id + ":7000");
    }
    members = Collections.unmodifiableMap(members);
    this.capacity = ids.size() + spareMachines;
    this.network = new SimNetwork(this, config.network(), random.split(), capacity);
    this.nodes = new SimNode[ids.size()];
    for (int i = 0; i < nodes.length; i++) {
      NodeConfig nc = config.nodeConfig(ids.get(i), members);
      NodeConfigCheck.validate(nc);
      SimDisk disk = new SimDisk(this, nc.fsync(), config.disk().writebackMs());
      SimClock clock = new SimClock(this, MONOTONIC_BASE_NANOS, config.wallClockStartMicros());
      nodes[i] = new SimNode(this, i, nc, disk, clock);
      byId.put(ids.get(i), nodes[i]);
    }
  }

  /** The bugs every node's process runs with (none, unless a test or selftest planted some). */
  public Mutants mutants() {
    return mutants;
  }

  public SimConfig config() {
    return config;
  }

  /** Starts every node, each at an instant drawn within the config's start spread from now. */
  public void start() {
    if (started) {
      throw new IllegalStateException("the simulation has already started");
    }
    started = true;
    RandomGenerator starts = random.split();
    long spread = config.startSpreadMs() * 1_000_000;
    for (SimNode node : nodes) {
      long at = spread == 0 ? 0 : starts.nextLong(spread);
      enqueueAfter(at, new Event() {
        @Override
        void fire() {
          log(node.id, "start");
          node.boot();
        }
      });
    }
  }

  // ---------------------------------------------------------------- time

  /** Virtual time in nanoseconds since the simulation began. */
  public long now() {
    return now;
  }

  public long nowMillis() {
    return now / 1_000_000;
  }

  /** Runs the next event; false when none is left. */
  public boolean step() {
    if (stepping) {
      throw new IllegalStateException("the simulation cannot be stepped from inside one of its events");
    }
    if (queue.isEmpty()) {
      return false;
    }
    stepping = true;
    try {
      Event e = queue.poll();
      now = queue.polledTime();
      currentSeq = queue.polledSeq();
      eventsRun++;
      e.fire();
    } finally {
      stepping = false;
    }
    return true;
  }

  /** Runs every event due up to {@code timeNanos}, then sets the time to it. */
  public void runUntil(long timeNanos) {
    while (!queue.isEmpty() && queue.peekTime() <= timeNanos) {
      step();
    }
    now = Math.max(now, timeNanos);
  }

  public void runFor(Duration d) {
    runFor(d.toNanos());
  }

  public void runFor(long nanos) {
    runUntil(now + nanos);
  }

  /**
   * Runs until {@code done} holds (checked after every event) or {@code limit} of virtual time has
   * passed; returns whether {@code done} held.
   */
  public boolean runUntil(BooleanSupplier done, Duration limit) {
    long deadline = now + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (queue.isEmpty() || queue.peekTime() > deadline) {
        now = Math.max(now, deadline);
        return done.getAsBoolean();
      }
      step();
    }
    return true;
  }

  /** Runs {@code action} on the simulation's thread after {@code delay} of virtual time. */
  public Scheduler.Cancellable schedule(Duration delay, Runnable action) {
    return scheduleAt(now + delay.toNanos(), action);
  }

  /** Runs {@code action} at virtual time {@code timeNanos} (now, if that has passed). */
  public Scheduler.Cancellable scheduleAt(long timeNanos, Runnable action) {
    Action a = new Action(action);
    enqueueAt(Math.max(now, timeNanos), a);
    return a;
  }

  /** Events run so far. */
  public long eventsRun() {
    return eventsRun;
  }

  /** Events waiting in the queue. */
  public int pendingEvents() {
    return queue.size();
  }

  // ---------------------------------------------------------------- nodes

  public List<String> nodeIds() {
    return ids;
  }

  /** The node {@code id}; throws for an unknown id. */
  public SimNode node(String id) {
    SimNode n = byId.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no node '" + id + "' (nodes: " + String.join(", ", ids) + ")");
    }
    return n;
  }

  /**
   * A new machine {@code id} whose node joins the running cluster now: its members are the nodes
   * not retired, its seeds those that run, and it starts JOINING (it pulls its ranges, then
   * announces UP). Not one of {@link #nodeIds()}, which stay the initial nodes.
   *
   * @throws IllegalStateException when every spare machine is used
   */
  public SimNode addNode(String id) {
    if (byId.containsKey(id)) {
      throw new IllegalArgumentException("a node '" + id + "' exists already");
    }
    if (nodes.length >= capacity) {
      throw new IllegalStateException("no spare machine left for " + id + " (the simulation was made with room for "
          + (capacity - ids.size()) + ")");
    }
    Map<String, String> members = new TreeMap<>();
    List<String> seeds = new ArrayList<>();
    for (SimNode n : nodes) {
      if (n.state() != SimNode.State.RETIRED) {
        members.put(n.id, n.id + ":7000");
        if (n.isUp()) {
          seeds.add(n.id);
        }
      }
    }
    members.put(id, id + ":7000");
    NodeConfig nc = config.nodeConfig(id, Collections.unmodifiableMap(members)).toBuilder()
        .seeds(seeds.isEmpty() ? List.copyOf(ids) : seeds).join(true).build();
    NodeConfigCheck.validate(nc);
    SimNode node = new SimNode(this, nodes.length, nc, new SimDisk(this, nc.fsync(), config.disk().writebackMs()),
        new SimClock(this, MONOTONIC_BASE_NANOS, config.wallClockStartMicros()));
    nodes = java.util.Arrays.copyOf(nodes, nodes.length + 1);
    nodes[node.index] = node;
    byId.put(id, node);
    log(id, "start (a new machine, joining)");
    node.boot();
    return node;
  }

  /** Ends {@code id}'s machine for good (kill -9 if it runs); heal never restarts it. */
  public void retire(String id) {
    SimNode n = node(id);
    if (n.isUp()) {
      kill(id);
    }
    n.retire();
    log(id, "retired");
  }

  /** kill -9 (and, per {@link DiskConfig#killIsPowerLoss}, the machine's power): the disk keeps what was durable. */
  public void kill(String id) {
    SimNode n = node(id);
    int incarnation = n.incarnation();
    int lost = n.kill(config.disk().killIsPowerLoss());
    trace.record(TraceKind.KILL, n.index, incarnation, lost, null);
    log(id, "kill (process " + incarnation + "; " + lost + " unsynced disk writes lost)");
    connectionsLost(id, incarnation);
  }

  /**
   * The machine of {@code id} loses power, whatever {@link DiskConfig#killIsPowerLoss} says (the disk
   * nemesis): its process ends and every write not yet durable is lost; with {@code torn}, a random
   * prefix of them reached the disk after all, the last one only in part. {@link #restart} brings
   * it back. Returns what was lost.
   */
  public String crash(String id, boolean torn, long seed) {
    SimNode n = node(id);
    int incarnation = n.incarnation();
    String lost = n.crash(torn, new SplittableRandom(seed));
    trace.record(TraceKind.KILL, n.index, incarnation, torn ? 1 : 0, lost);
    log(id, (torn ? "power loss, torn write" : "power loss") + " (process " + incarnation + "; " + lost + ")");
    connectionsLost(id, incarnation);
    return lost;
  }

  /** Bit rot on {@code id}'s disk: a byte of up to {@code count} random data records flipped. Returns their keys. */
  public List<String> corrupt(String id, int count, long seed) {
    SimNode n = node(id);
    List<String> keys = n.disk.corrupt(count, new SplittableRandom(seed));
    trace.record(TraceKind.FAULT, n.index, -1, keys.size(), "corrupt");
    log(id, "corrupted " + keys.size() + " data records on disk: " + String.join(" ", keys));
    return keys;
  }

  private void connectionsLost(String id, int incarnation) {
    for (SimClient c : clients) {
      if (c.nodeId().equals(id)) {
        c.connectionLost(incarnation);
      }
    }
  }

  /** Starts a killed node again: a new process on its disk, with a higher generation. */
  public void restart(String id) {
    SimNode n = node(id);
    if (n.state() != SimNode.State.KILLED) {
      throw new IllegalStateException(id + " is " + n.state().name().toLowerCase() + ", not killed: cannot restart it");
    }
    log(id, "restart (process " + (n.incarnation() + 1) + ")");
    n.boot();
  }

  /** SIGSTOP: the node processes nothing; timers and messages for it wait until {@link #resume}. */
  public void pause(String id) {
    SimNode n = node(id);
    n.pause();
    trace.record(TraceKind.PAUSE, n.index, n.incarnation(), 0, null);
    log(id, "pause");
  }

  /** SIGCONT: what waited is handled now, in arrival order. */
  public void resume(String id) {
    SimNode n = node(id);
    n.resume();
    trace.record(TraceKind.RESUME, n.index, n.incarnation(), 0, null);
    log(id, "resume");
  }

  /** Nodes killed and not restarted yet. */
  public Set<String> killed() {
    Set<String> s = new TreeSet<>();
    for (SimNode n : nodes) {
      if (n.state() == SimNode.State.KILLED) {
        s.add(n.id);
      }
    }
    return s;
  }

  /** Nodes paused and not resumed yet. */
  public Set<String> paused() {
    Set<String> s = new TreeSet<>();
    for (SimNode n : nodes) {
      if (n.state() == SimNode.State.PAUSED) {
        s.add(n.id);
      }
    }
    return s;
  }

  // ---------------------------------------------------------------- network faults

  /**
   * Replaces the partition in force: every link {@code from -> to} where {@code grudge.get(to)}
   * contains {@code from} is cut (what is in flight on it is lost too); every other link is
   * restored. An empty grudge heals the partition.
   */
  public void partition(Map<String, Set<String>> grudge) {
    for (Map.Entry<String, Set<String>> e : grudge.entrySet()) {
      node(e.getKey());
      e.getValue().forEach(this::node);
    }
    LinkRules rules = network.rules();
    rules.clear(true);
    Map<String, Set<String>> sorted = new TreeMap<>();
    grudge.forEach((to, froms) -> sorted.put(to, new TreeSet<>(froms)));
    sorted.forEach((to, froms) -> {
      for (String from : froms) {
        if (!from.equals(to)) {
          rules.setCut(node(from).index, node(to).index, true);
        }
      }
    });
    String what = sorted.isEmpty() ? "partition healed" : "partition " + describeGrudge(sorted);
    trace.record(TraceKind.FAULT, -1, -1, rules.cutCount(), what);
    log("*", what);
  }

  /** Cuts the one directed link {@code from -> to} (on top of any partition in force). */
  public void cut(String from, String to) {
    setCut(from, to, true);
  }

  /** Restores the one directed link {@code from -> to}. */
  public void uncut(String from, String to) {
    setCut(from, to, false);
  }

  private void setCut(String from, String to, boolean cut) {
    String what = (cut ? "cut " : "restore ") + new SimLink(from, to);
    network.rules().setCut(node(from).index, node(to).index, cut);
    trace.record(TraceKind.FAULT, node(from).index, node(to).index, cut ? 1 : 0, what);
    log("*", what);
  }

  /** The partition in force: for each node, the nodes it cannot hear from (empty when none). */
  public Map<String, Set<String>> grudge() {
    Map<String, Set<String>> g = new TreeMap<>();
    for (SimNode from : nodes) {
      for (SimNode to : nodes) {
        if (network.isCut(from.index, to.index)) {
          g.computeIfAbsent(to.id, k -> new TreeSet<>()).add(from.id);
        }
      }
    }
    return g;
  }

  /**
   * Slows exactly {@code links} as {@code slowness} says; every other link is no longer slowed
   * ({@link LinkSlowness#NONE} restores them all).
   */
  public void slow(Collection<SimLink> links, LinkSlowness slowness) {
    LinkRules rules = network.rules();
    rules.clear(false);
    List<SimLink> sorted = new ArrayList<>(links);
    sorted.sort((a, b) -> a.from().equals(b.from()) ? a.to().compareTo(b.to()) : a.from().compareTo(b.from()));
    for (SimLink l : sorted) {
      rules.setSlowness(node(l.from()).index, node(l.to()).index, slowness);
    }
    String what = slowness.isNone() ? "links no longer slowed" : "slow " + sorted + ": " + slowness;
    trace.record(TraceKind.FAULT, -1, -1, what.hashCode(), what);
    log("*", what);
  }

  /** Every directed link between two nodes. */
  public List<SimLink> links() {
    List<SimLink> all = new ArrayList<>();
    for (String a : ids) {
      for (String b : ids) {
        if (!a.equals(b)) {
          all.add(new SimLink(a, b));
        }
      }
    }
    return all;
  }

  /** Restores every link (cuts and slowness), resumes paused nodes and restarts killed ones. */
  public void heal() {
    partition(Map.of());
    slow(List.of(), LinkSlowness.NONE);
    for (SimNode n : nodes) {
      if (n.state() == SimNode.State.PAUSED) {
        resume(n.id);
      } else if (n.state() == SimNode.State.KILLED) {
        restart(n.id);
      }
    }
  }

  // ---------------------------------------------------------------- clocks

  /** Moves {@code node}'s wall clock by {@code deltaMicros} (negative: backwards). */
  public void shiftClock(String node, long deltaMicros) {
    SimNode n = node(node);
    n.clock.shiftWall(deltaMicros);
    String what = "wall clock shifted by " + deltaMicros + " µs";
    trace.record(TraceKind.FAULT, n.index, -1, deltaMicros, what);
    log(node, what);
  }

  /**
   * Skews {@code node}'s wall clock as {@code skew} says from now on (what a node's {@code clock set}
   * admin command does to a real process).
   */
  public void setClock(String node, ClockSkew skew) {
    SimNode n = node(node);
    n.clock.set(skew);
    String what = "wall clock skewed: " + skew;
    trace.record(TraceKind.FAULT, n.index, -1, skew.offsetMicros(), what);
    log(node, what);
  }

  /** {@code node}'s wall clock runs at {@code rate} times real (virtual) time from now on. */
  public void setClockRate(String node, double rate) {
    SimNode n = node(node);
    n.clock.setRate(rate);
    String what = "wall clock rate " + rate;
    trace.record(TraceKind.FAULT, n.index, -1, Double.doubleToLongBits(rate), what);
    log(node, what);
  }

  // ---------------------------------------------------------------- clients

  /** A client of {@code node} with the default client options. */
  public SimClient client(String node) {
    return client(node, ClientOptions.DEFAULTS);
  }

  public SimClient client(String node, ClientOptions options) {
    SimClient c = new SimClient(this, node(node), options, clients.size());
    clients.add(c);
    return c;
  }

  // ---------------------------------------------------------------- observation

  /** The trace of the run so far (its digest witnesses determinism). */
  public Trace trace() {
    return trace;
  }

  /** Faults and lifecycle steps so far, in order. */
  public List<LifecycleEvent> lifecycle() {
    return Collections.unmodifiableList(lifecycle);
  }

  /**
   * The node whose code is running right now (null between inputs): lets a log appender tag what
   * the store logs with the node and {@link #now()}.
   */
  public String currentNode() {
    return current == null ? null : current.id;
  }

  /** Calls {@code observer} whenever a node's failure detector convicts or acquits another. */
  public void addMembershipObserver(MembershipObserver observer) {
    observers.add(observer);
  }

  /** Calls {@code observer} for every message between nodes delivered or dropped from now on. */
  public void addMessageObserver(MessageObserver observer) {
    taps.add(observer);
  }

  /**
   * From now on, logs every message the network carries (between nodes and to and from clients),
   * as long as the clients send at most {@code maxClientRequests} requests; see {@link MessageLog}.
   */
  public MessageLog recordMessages(int maxClientRequests) {
    if (messages != null) {
      throw new IllegalStateException("this simulation already records its messages");
    }
    messages = new MessageLog(this, maxClientRequests);
    return messages;
  }

  /** Messages and bytes {@code node} sent to and received from other nodes (client traffic excluded). */
  public NodeTraffic traffic(String node) {
    int i = node(node).index;
    return new NodeTraffic(network.sentMessages(i), network.sentBytes(i), network.receivedMessages(i),
        network.receivedBytes(i));
  }

  /** Messages between nodes that were dropped (cuts, loss, receivers not running). */
  public long droppedMessages() {
    return network.droppedMessages();
  }

  /**
   * Inputs that threw out of a node's code. A node's event loop logs these and goes on, and so does
   * the simulation, but each one is a bug in the store: tests assert there were none.
   */
  public long nodeFailures() {
    return nodeFailures;
  }

  /**
   * A random source for the scenario (a workload's choices, a nemesis's picks), derived from the
   * seed: the same calls in the same order give the same sources.
   */
  public RandomGenerator splitRandom() {
    return random.split();
  }

  // ---------------------------------------------------------------- internals

  SimNetwork network() {
    return network;
  }

  /** The message log, or null when messages are not recorded. */
  MessageLog messageLog() {
    return messages;
  }

  SimNode nodeOrNull(String id) {
    return byId.get(id);
  }

  SimClient clientOrNull(long number) {
    return number >= 0 && number < clients.size() ? clients.get((int) number) : null;
  }

  long currentSeq() {
    return currentSeq;
  }

  long wallMicrosAtZero() {
    return config.wallClockStartMicros();
  }

  void enqueueAt(long time, Event event) {
    if (time < now) {
      throw new IllegalStateException("an event scheduled in the past: " + time + " < " + now);
    }
    queue.add(time, event);
  }

  void enqueueAfter(long delayNanos, Event event) {
    queue.add(now + delayNanos, event);
  }

  /** Runs {@code input} as {@code node}'s code; what escapes it is a store bug, logged and counted. */
  void runAs(SimNode node, Runnable input) {
    SimNode outer = current;
    current = node;
    try {
      input.run();
    } catch (RuntimeException e) {
      nodeFailures++;
      trace.record(TraceKind.FAILURE, node.index, -1, 0, e);
      LOG.error("simulated node {} at {} ms: input failed", node.id, nowMillis(), e);
    } finally {
      current = outer;
    }
  }

  void membershipChanged(SimNode observer, String member, boolean up) {
    SimNode subject = byId.get(member);
    trace.record(TraceKind.MEMBERSHIP, observer.index, subject == null ? -1 : subject.index, up ? 1 : 0, null);
    for (MembershipObserver o : observers) {
      if (up) {
        o.acquitted(observer.id, member, now);
      } else {
        o.convicted(observer.id, member, now);
      }
    }
  }

  void delivered(SimNode from, SimNode to, PeerMessage message) {
    for (MessageObserver t : taps) {
      t.delivered(from.id, to.id, message, now);
    }
  }

  void dropped(SimNode from, SimNode to, String why) {
    for (MessageObserver t : taps) {
      t.dropped(from.id, to.id, why, now);
    }
  }

  private void log(String node, String what) {
    lifecycle.add(new LifecycleEvent(now, node, what));
  }

  String describe(TraceKind kind, int a, int b, Object detail) {
    StringBuilder s = new StringBuilder(kind.name().toLowerCase());
    switch (kind) {
      case DELIVER, DROP -> s.append(' ').append(name(a)).append("->").append(name(b)).append(' ').append(what(detail));
      case REQUEST, NO_ANSWER -> s.append(" client").append(a).append("->").append(name(b)).append(' ').append(what(detail));
      case REPLY -> s.append(' ').append(name(a)).append("->client").append(b).append(' ').append(what(detail));
      case BOOT, KILL, PAUSE, RESUME -> s.append(' ').append(name(a)).append(" process ").append(b);
      case TIMER, SYNC -> s.append(' ').append(name(a));
      case MEMBERSHIP -> s.append(' ').append(name(a)).append(" on ").append(name(b));
      case FAILURE -> s.append(' ').append(name(a)).append(' ').append(detail);
      case FAULT -> s.append(a >= 0 ? " " + name(a) : "").append(' ').append(detail);
      case ACTION -> { }
    }
    return s.toString();
  }

  private String name(int node) {
    return node >= 0 && node < nodes.length ? nodes[node].id : "?";
  }

  private static String what(Object detail) {
    if (detail instanceof PeerMessage.Extension x) {
      return "Extension(channel " + x.channel() + ", " + x.payload().length + " bytes)";
    }
    if (detail instanceof String s) {
      return s;
    }
    return detail == null ? "" : detail.getClass().getSimpleName();
  }

  private static String describeGrudge(Map<String, Set<String>> grudge) {
    List<String> parts = new ArrayList<>();
    grudge.forEach((to, froms) -> parts.add(to + " cannot hear " + String.join(",", froms)));
    return String.join("; ", parts);
  }

  /** A step the scenario scheduled. */
  private final class Action extends Event implements Scheduler.Cancellable {
    private final Runnable action;
    private boolean cancelled;

    Action(Runnable action) {
      this.action = action;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    void fire() {
      if (!cancelled) {
        trace.record(TraceKind.ACTION, -1, -1, 0, null);
        action.run();
      }
    }
  }
}

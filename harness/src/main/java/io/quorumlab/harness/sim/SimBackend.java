package io.quorumlab.harness.sim;

import io.quorumlab.harness.RunLimits;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.nemesis.MembershipNemesis;
import io.quorumlab.harness.random.RandomStreams;
import io.quorumlab.harness.run.Backend;
import io.quorumlab.harness.run.Deployment;
import io.quorumlab.harness.run.LatencySpec;
import io.quorumlab.harness.run.NetworkSpec;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.sim.DiskConfig;
import io.quorumlab.store.mutation.Mutants;
import io.quorumlab.sim.Latency;
import io.quorumlab.sim.NetworkConfig;
import io.quorumlab.sim.SimConfig;
import io.quorumlab.sim.Simulation;
import io.quorumlab.sim.Trace;
import java.util.function.Consumer;

/**
 * {@code --backend sim}: every node is the real store node with its real services, every client
 * the real workload code, all in one deterministic simulation (module {@code sim}) driven by one
 * event queue in virtual time, every random choice derived from the run's seed. The same spec gives
 * the same history, results and node logs, byte for byte.
 */
public final class SimBackend implements Backend {
  public static final String NAME = "sim";
  /** Nodes share one heap and one thread: a thousand is still a run of minutes, not hours. */
  public static final int MAX_NODES = 1000;
  /**
   * Runs whose clients send at most this many requests get messages.jsonl and a message diagram: a
   * few hundred operations still make a diagram one can follow, and logging stops (and costs
   * nothing more) as soon as a run grows past it. Every shrunk run is far below it.
   */
  public static final int DEFAULT_MESSAGE_LIMIT = 300;

  private final Trace.Mode trace;
  private final Consumer<Simulation> deployed;
  private final int messageLimit;
  private final Mutants mutants;

  /** The backend {@code --backend sim} names (found through {@link java.util.ServiceLoader}). */
  public SimBackend() {
    this(Trace.Mode.DIGEST, sim -> { });
  }

  /** The sim backend, telling {@code deployed} of each run's simulation when it is set up (to report on it afterwards). */
  public static SimBackend observed(Consumer<Simulation> deployed) {
    return new SimBackend(Trace.Mode.DIGEST, deployed);
  }

  /**
   * @param trace how much of each run's trace the simulation keeps ({@link Trace.Mode#RECORD} to
   *     name the event where two runs part)
   * @param deployed hears of each run's simulation when it is set up (to read its trace afterwards)
   */
  SimBackend(Trace.Mode trace, Consumer<Simulation> deployed) {
    this(trace, deployed, DEFAULT_MESSAGE_LIMIT, Mutants.NONE);
  }

  private SimBackend(Trace.Mode trace, Consumer<Simulation> deployed, int messageLimit, Mutants mutants) {
    if (messageLimit < 0) throw new SpecException("the message diagram's limit must be >= 0 client requests, not " + messageLimit);
    this.trace = trace;
    this.deployed = deployed;
    this.messageLimit = messageLimit;
    this.mutants = mutants;
  }

  /**
   * This backend, logging every message of runs whose clients send at most {@code maxClientRequests}
   * requests (0: of no run), for messages.jsonl and the report's message diagram.
   */
  public SimBackend withMessageLimit(int maxClientRequests) {
    return new SimBackend(trace, deployed, maxClientRequests, mutants);
  }

  /**
   * The sim backend with bugs planted in every node: for selftest and tests, never reachable from a
   * spec. Its runs are judged in memory, so it records no messages.
   */
  public static SimBackend mutated(Mutants mutants) {
    return new SimBackend(Trace.Mode.DIGEST, sim -> { }, 0, mutants);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int maxNodes() {
    return MAX_NODES;
  }

  /**
   * Any number of nodes up to {@link #MAX_NODES}, any network, and every fault the nemesis knows;
   * storage is the simulated disk, so an in-memory store (which a kill would empty) is refused rather
   * than silently run on a disk.
   */
  @Override
  public void validate(RunSpec spec) {
    RunLimits.nodes(spec.nodes(), MAX_NODES, "the simulation runs every node on one thread");
    if (!spec.store().storage().equals("rocksdb")) {
      throw new SpecException("--storage " + spec.store().storage() + ": the sim backend gives every node a simulated disk "
          + "(what --fsync made durable survives a kill), not an in-memory store");
    }
  }

  @Override
  public Deployment deploy(RunSpec spec) {
    quietStoreInfo();
    Simulation sim = new Simulation(config(spec, trace), spareMachines(spec), mutants);
    NodeLogs logs = new NodeLogs(sim, messageLimit > 0 ? sim.recordMessages(messageLimit) : null);
    deployed.accept(sim);
    return new Deployment(new SimLoop(sim), new SimCluster(sim, logs), sim::client);
  }

  /** Room for every node the run's membership nemesis can join (none without it). */
  static int spareMachines(RunSpec spec) {
    return spec.nemesis().faults().membership().isEmpty() ? 0
        : MembershipNemesis.maxJoins(spec.load().timeLimitSeconds(), spec.nemesis().intervalSeconds());
  }

  /**
   * The simulation of {@code spec}: its nodes with the run's store settings, its network, disks on
   * which a kill is a kill -9 (the operating system keeps what was written, as on the real
   * backends), and a seed of its own drawn from the run's.
   */
  static SimConfig config(RunSpec spec, Trace.Mode trace) {
    long seed = new RandomStreams(spec.seed()).stream("simulation").nextLong();
    SimConfig base = SimConfig.of(spec.nodes(), seed);
    NetworkSpec network = spec.network() == null ? NetworkSpec.DEFAULT : spec.network();
    return base.withTemplate(spec.store().applyTo(NodeConfigs.template()))
        .withNetwork(new NetworkConfig(latency(network.latency()), network.loss(), network.duplicate(), network.reorder()))
        .withDisk(DiskConfig.defaults().withKillIsPowerLoss(false))
        .withTrace(trace);
  }

  /**
   * The simulated nodes log into this JVM's console, which belongs to the run's progress lines: their
   * INFO lines (anti-entropy rounds, ring changes) would interleave with them, stamped with a wall
   * clock that means nothing in virtual time. So the store's loggers made from now on print warnings
   * and errors only (a failure in a node's code still shows), unless the user set their level.
   */
  private static void quietStoreInfo() {
    String key = "org.slf4j.simpleLogger.log.io.quorumlab.store";
    if (System.getProperty(key) == null) System.setProperty(key, "warn");
  }

  static Latency latency(LatencySpec l) {
    return switch (l.kind()) {
      case LOOPBACK -> Latency.loopback();
      case CONSTANT -> Latency.constant(nanos(l.a()));
      case UNIFORM -> Latency.uniform(nanos(l.a()), nanos(l.b()));
      case LOGNORMAL -> Latency.logNormal(nanos(l.a()), nanos(l.b()), l.sigma());
    };
  }

  private static long nanos(double ms) {
    return Math.round(ms * 1e6);
  }
}

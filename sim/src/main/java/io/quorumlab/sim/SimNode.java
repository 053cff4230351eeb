package io.quorumlab.sim;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.membership.MembershipListener;
import io.quorumlab.store.node.Liveness;
import io.quorumlab.store.node.Node;
import io.quorumlab.store.node.Scheduler;
import io.quorumlab.store.services.ClusterServices;
import io.quorumlab.store.storage.ChecksummedStorage;
import io.quorumlab.store.storage.Storage;
import java.util.ArrayDeque;
import java.util.random.RandomGenerator;

/**
 * One simulated machine: its disk and clock, which last, and the store process running on it,
 * which a kill ends and a restart replaces. Each process is the real {@link Node} with its real
 * {@link ClusterServices}, wired as the server wires them, with the simulation's transport, disk,
 * clock, timers and random source.
 */
public final class SimNode {

  /** The state of the node's process. */
  public enum State {
    /** Not started yet. */
    DOWN,
    RUNNING,
    /** Stopped (SIGSTOP): processes nothing; what reaches it waits. */
    PAUSED,
    /** Killed; its disk keeps what was durable. */
    KILLED,
    /** Gone for good (it left the cluster, or crashed and was removed): never started again. */
    RETIRED
  }

  final Simulation sim;
  final int index;
  final String id;
  final NodeConfig config;
  final SimDisk disk;
  final SimClock clock;
  private State state = State.DOWN;
  /** Numbers the node's processes: 1 for the first start, one more per restart. */
  private int incarnation;
  private Node node;
  private ClusterServices services;
  private final ArrayDeque<NodeEvent> held = new ArrayDeque<>();

  SimNode(Simulation sim, int index, NodeConfig config, SimDisk disk, SimClock clock) {
    this.sim = sim;
    this.index = index;
    this.id = config.nodeId();
    this.config = config;
    this.disk = disk;
    this.clock = clock;
  }

  // ---- lifecycle (driven by the simulation) ----

  /** Starts a process on this machine from what its disk holds. */
  void boot() {
    if (state == State.RUNNING || state == State.PAUSED) {
      throw new IllegalStateException(id + " is already running");
    }
    incarnation++;
    state = State.RUNNING;
    int me = incarnation;
    SimTransport transport = new SimTransport(this, me);
    Scheduler timers = (delayMillis, task) -> {
      NodeTimer timer = new NodeTimer(this, me, task);
      sim.enqueueAfter(Math.max(0, delayMillis) * 1_000_000, timer);
      return timer;
    };
    Liveness links = sim.network()::linkUp;
    // As the server opens its storage: checksummed records, a torn tail discarded before anything runs.
    Storage storage = ChecksummedStorage.recover(disk, id);
    node = new Node(config, transport, storage, clock, timers, sim.splitRandom(), links, sim.mutants());
    services = new ClusterServices(node, storage, transport, links, clock, sim.splitRandom());
    sim.trace().record(TraceKind.BOOT, index, me, 0, null);
    sim.runAs(this, () -> {
      services.start();
      services.addMembershipListener(new Observer());
    });
    if (config.fsync() == FsyncPolicy.PERIODIC) {
      scheduleSync();
    }
  }

  /** Ends the process; returns how many disk writes were lost. */
  int kill(boolean powerLoss) {
    end();
    if (powerLoss) {
      return disk.powerLoss();
    }
    disk.processCrash();
    return 0;
  }

  /** Ends this machine's life: a running process is killed (a crash for good), and nothing restarts it. */
  void retire() {
    if (isUp()) {
      kill(false);
    }
    state = State.RETIRED;
  }

  /** The machine loses power (the disk nemesis): with {@code torn}, in the middle of writing back. Returns what was lost. */
  String crash(boolean torn, RandomGenerator random) {
    end();
    if (torn) {
      return disk.tornPowerLoss(random);
    }
    return disk.powerLoss() + " unsynced writes lost";
  }

  private void end() {
    requireProcess();
    state = State.KILLED;
    MessageLog log = sim.messageLog();
    if (log != null) {
      for (NodeEvent e : held) log.dropped(e, "receiver killed while paused");
    }
    held.clear();
    node = null;
    services = null;
  }

  void pause() {
    if (state != State.RUNNING) {
      throw new IllegalStateException(id + " is " + state.name().toLowerCase() + ", not running: cannot pause it");
    }
    state = State.PAUSED;
  }

  /** Resumes the process: what waited runs now, in the order it arrived. */
  void resume() {
    if (state != State.PAUSED) {
      throw new IllegalStateException(id + " is " + state.name().toLowerCase() + ", not paused: cannot resume it");
    }
    state = State.RUNNING;
    NodeEvent e;
    while ((e = held.poll()) != null) {
      sim.enqueueAfter(0, e);
    }
  }

  void scheduleSync() {
    sim.enqueueAfter(Math.max(1, config.fsyncIntervalMs()) * 1_000_000, new DiskSync(this, incarnation));
  }

  // ---- events ----

  /** Whether process {@code incarnation} of this node is alive (running or paused). */
  boolean runs(int incarnation) {
    return this.incarnation == incarnation && (state == State.RUNNING || state == State.PAUSED);
  }

  boolean isPaused() {
    return state == State.PAUSED;
  }

  void hold(NodeEvent event) {
    held.add(event);
  }

  void run(NodeEvent event) {
    sim.runAs(this, event::run);
  }

  private void requireProcess() {
    if (state != State.RUNNING && state != State.PAUSED) {
      throw new IllegalStateException(id + " is " + state.name().toLowerCase() + ": it has no process to kill");
    }
  }

  // ---- inspection ----

  public String id() {
    return id;
  }

  public State state() {
    return state;
  }

  /** Whether a process runs (or is paused): a client can connect, peers' links to it are up. */
  public boolean isUp() {
    return state == State.RUNNING || state == State.PAUSED;
  }

  /** 1 for the first process, one more per restart (0 before the first start). */
  public int incarnation() {
    return incarnation;
  }

  public NodeConfig config() {
    return config;
  }

  public SimDisk disk() {
    return disk;
  }

  public SimClock clock() {
    return clock;
  }

  /** The running process's node (for inspection between events; null when it has none). */
  public Node node() {
    return node;
  }

  /** The running process's cluster services (null when it has none). */
  public ClusterServices services() {
    return services;
  }

  /** The node's own view of the cluster (its {@code status} admin answer); the node must be up. */
  public NodeStatus status() {
    if (services == null) {
      throw new IllegalStateException(id + " is " + state.name().toLowerCase() + ": no status");
    }
    return services.status();
  }

  /** The gossip generation of the running process (grows on every restart). */
  public long generation() {
    return status().generation();
  }

  /** Reports this process's failure-detector verdicts to the simulation. */
  private final class Observer implements MembershipListener {
    @Override
    public void onDown(String member) {
      sim.membershipChanged(SimNode.this, member, false);
    }

    @Override
    public void onUp(String member) {
      sim.membershipChanged(SimNode.this, member, true);
    }
  }
}

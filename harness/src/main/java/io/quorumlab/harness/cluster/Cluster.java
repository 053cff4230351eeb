package io.quorumlab.harness.cluster;

import io.quorumlab.store.node.ClockSkew;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A running cluster of store nodes that the harness can fault. Backends: local processes, Docker
 * containers (and later a deterministic simulation). Node ids are "n1".."nK".
 *
 * <p>Links are directed: {@code from -> to} carries what {@code from} sends to {@code to}. A
 * partition is a grudge: for each node, the set of nodes it cannot hear from.
 */
public interface Cluster extends AutoCloseable {

  /** Backend name ("local", "docker"). */
  String backend();

  List<String> nodes();

  /**
   * Starts every node and waits until each answers on its client port. The nodes' failure
   * detectors may need a gossip round more before every node sees every other as live.
   */
  void start() throws Exception;

  /**
   * What {@link #start()} cleaned up that earlier harnesses, killed before they could clean up
   * after themselves, had left behind (processes, directories, containers), one line each.
   */
  /**
   * Whether the nodes are real processes whose storage can fail (a full disk) and that answer a
   * {@code status} over TCP, so that a run watches them ({@link StorageWatch}). A simulated cluster
   * models its disk itself and says no.
   */
  default boolean nodesReportStorage() {
    return true;
  }

  default List<String> cleanedUp() {
    return List.of();
  }

  /** Where a client connects to reach {@code node} (always on 127.0.0.1). */
  InetSocketAddress clientAddress(String node);

  /** kill -9. The node's data directory stays. */
  void kill(String node) throws Exception;

  /** Starts a killed node again from its data directory. */
  void restart(String node) throws Exception;

  /**
   * Injects a disk fault into a running node ({@link DiskFault}): a crash (optionally torn) leaves
   * it killed, to be brought back by {@link #restart}; corruption leaves it running. Returns what the
   * node lost or had damaged, for the history. Real backends need nodes started with
   * {@code diskFaults} (the runner sets it when the run's nemesis has disk faults).
   */
  default String diskFault(String node, DiskFault fault, long seed) throws Exception {
    throw new UnsupportedOperationException("the " + backend() + " backend cannot inject disk faults");
  }

  /** SIGSTOP / docker pause. */
  void pause(String node) throws Exception;

  /** SIGCONT / docker unpause. */
  void resume(String node) throws Exception;

  /**
   * Drops every link {@code from -> to} where {@code grudge.get(to)} contains {@code from}. Replaces
   * the partition in force: an empty grudge restores every link.
   */
  void partition(java.util.Map<String, Set<String>> grudge) throws Exception;

  /** Adds latency (ms, with jitter) and random loss (0..1) to every link; returns what it could not inject. */
  default List<String> slow(long delayMs, long jitterMs, double loss) throws Exception {
    return slow(links(), new Slowness(delayMs, jitterMs, loss, 0));
  }

  /**
   * Slows exactly {@code links} as {@code slowness} says; every other link is no longer slowed
   * ({@link Slowness#NONE} on any set restores them all). Returns, one line each, what the backend
   * could not inject (for example latency where the kernel has no netem); empty when all of it is in
   * force.
   */
  List<String> slow(Collection<Link> links, Slowness slowness) throws Exception;

  /**
   * Skews {@code node}'s wall clock as {@code skew} says ({@link ClockSkew#NONE}: true time again),
   * per process through the node's {@code clock} admin command: no root, the host's clock untouched.
   * Only the wall clock moves; monotonic time (failure detection, timeouts) runs on. A killed
   * process restarts with a true clock, so setting a killed node's clock right is a no-op.
   */
  default void skewClock(String node, ClockSkew skew) throws Exception {
    if (killed().contains(node)) {
      if (skew.isNone()) return;
      throw new IllegalStateException(node + " is down: its clock cannot be skewed");
    }
    NodeClocks.skew(clientAddress(node), skew);
  }

  /** Every directed link between two nodes. */
  default List<Link> links() {
    return Link.all(nodes());
  }

  /** The partition in force: for each node, the nodes it cannot hear from (empty when healed). */
  java.util.Map<String, Set<String>> grudge();

  /** Nodes killed and not restarted yet. */
  Set<String> killed();

  /** Nodes paused and not resumed yet. */
  Set<String> paused();

  /** Resident memory of the node's process (or container), when the backend can tell. */
  OptionalLong residentBytes(String node);

  /** Restores every link, resumes paused nodes and restarts killed ones. */
  void heal() throws Exception;

  /** Joins, leaves and removals of nodes while the cluster runs, where the backend can do them. */
  default java.util.Optional<ClusterMembership> membership() {
    return java.util.Optional.empty();
  }

  /** Copies each node's log to {@code dir/<node>.log}. */
  void collectLogs(Path dir) throws Exception;

  /** Stops every node and removes what the backend created (processes, containers, networks). */
  @Override
  void close();
}

package io.quorumlab.harness.sim;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.ClusterMembership;
import io.quorumlab.harness.cluster.DiskFault;
import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.sim.LinkSlowness;
import io.quorumlab.sim.SimLink;
import io.quorumlab.sim.SimNode;
import io.quorumlab.sim.Simulation;
import io.quorumlab.store.services.ClusterServices;
import io.quorumlab.store.node.ClockSkew;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The harness's view of a simulated cluster: every fault of the real backends maps onto the
 * simulation at the current virtual instant (a partition is the same grudge, a slow link the same
 * delay, jitter, loss and rate, and all of it is injected, latency included). Clients do not connect
 * to an address: the backend hands out the simulation's own clients.
 */
final class SimCluster implements Cluster {
  private final Simulation sim;
  private final NodeLogs logs;

  SimCluster(Simulation sim, NodeLogs logs) {
    this.sim = sim;
    this.logs = logs;
  }

  @Override
  public String backend() {
    return SimBackend.NAME;
  }

  /** The simulated disk models durability itself and no node answers over TCP. */
  @Override
  public boolean nodesReportStorage() {
    return false;
  }

  @Override
  public List<String> nodes() {
    return sim.nodeIds();
  }

  /**
   * Boots every node and runs the simulation through the nodes' start spread, until each one is up,
   * as the real backends wait until each answers. Runs simulated time itself, so it is called from the thread that drives the loop,
   * outside its tasks (as the runner does, through an offload that runs at once).
   */
  @Override
  public void start() {
    sim.start();
    sim.runFor(Duration.ofMillis(sim.config().startSpreadMs()));
    List<String> down = sim.nodeIds().stream().filter(n -> !sim.node(n).isUp()).toList();
    if (!down.isEmpty()) throw new IllegalStateException("simulated nodes not up after their start: " + String.join(", ", down));
  }

  @Override
  public InetSocketAddress clientAddress(String node) {
    throw new UnsupportedOperationException("a simulated node has no address: its clients come from the sim backend");
  }

  @Override
  public void kill(String node) {
    sim.kill(node);
  }

  @Override
  public void restart(String node) {
    sim.restart(node);
  }

  /** Natively: the simulated disk loses, tears or corrupts exactly what the fault says. */
  @Override
  public String diskFault(String node, DiskFault fault, long seed) {
    return switch (fault) {
      case CRASH, TORN -> sim.crash(node, fault == DiskFault.TORN, seed);
      case CORRUPT -> {
        List<String> keys = sim.corrupt(node, DiskFault.CORRUPT_RECORDS, seed);
        yield keys.isEmpty() ? "no data record to corrupt" : "corrupted " + keys.size() + " data records: " + String.join(" ", keys);
      }
    };
  }

  @Override
  public void pause(String node) {
    sim.pause(node);
  }

  @Override
  public void resume(String node) {
    sim.resume(node);
  }

  @Override
  public void partition(Map<String, Set<String>> grudge) {
    sim.partition(grudge);
  }

  /** Everything is injected: a simulated link can be as slow as asked, latency included. */
  @Override
  public List<String> slow(Collection<Link> links, Slowness s) {
    List<SimLink> simLinks = links.stream().map(l -> new SimLink(l.from(), l.to())).toList();
    sim.slow(simLinks, new LinkSlowness(s.delayMs() * 1_000, s.jitterMs() * 1_000, s.loss(), s.rateKbit()));
    return List.of();
  }

  @Override
  public Map<String, Set<String>> grudge() {
    return sim.grudge();
  }

  @Override
  public Set<String> killed() {
    return sim.killed();
  }

  @Override
  public Set<String> paused() {
    return sim.paused();
  }

  /** A simulated node has no process of its own to measure. */
  @Override
  public OptionalLong residentBytes(String node) {
    return OptionalLong.empty();
  }

  /** A simulated machine keeps its clock across restarts, so a killed node's clock is skewed too. */
  @Override
  public void skewClock(String node, ClockSkew skew) {
    sim.setClock(node, skew);
  }

  /** Also sets every skewed clock right: a simulated machine's clock outlives its process. */
  @Override
  public void heal() {
    sim.heal();
    for (String n : sim.nodeIds()) {
      if (!sim.node(n).clock().skew().isNone()) sim.setClock(n, ClockSkew.NONE);
    }
  }

  /** Nodes join on spare machines of the simulation, made with room for every join the run's nemesis can make. */
  @Override
  public Optional<ClusterMembership> membership() {
    return Optional.of(new ClusterMembership() {
      @Override
      public void join(String id) {
        sim.addNode(id);
      }

      @Override
      public void leave(String id) {
        admin(id, "leave");
      }

      @Override
      public void crash(String id) {
        sim.retire(id);
      }

      @Override
      public void remove(String id, String via) {
        admin(via, ClusterServices.REMOVE + id);
      }

      @Override
      public void retire(String id) {
        sim.retire(id);
      }

      @Override
      public Optional<String> state(String id) {
        SimNode n = sim.node(id);
        return n.services() == null || n.state() == SimNode.State.PAUSED ? Optional.empty() : Optional.of(n.status().state());
      }

      @Override
      public Optional<String> stateSeenBy(String observer, String member) {
        SimNode n = sim.node(observer);
        if (n.services() == null || n.state() == SimNode.State.PAUSED) return Optional.empty();
        return Optional.ofNullable(n.status().member(member)).map(m -> m.status());
      }

      private void admin(String id, String command) {
        SimNode n = sim.node(id);
        if (n.services() == null) throw new IllegalStateException(id + " is not running");
        n.services().admin(command);
      }
    });
  }

  @Override
  public void collectLogs(Path dir) throws IOException {
    logs.write(dir);
  }

  /** The simulation ends with its run: nothing outlives it. */
  @Override
  public void close() {}
}

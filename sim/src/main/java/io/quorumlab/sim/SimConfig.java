package io.quorumlab.sim;

import io.quorumlab.store.config.NodeConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything that defines a simulation; the same config (seed included) gives the same run, event
 * for event.
 *
 * @param seed the one seed every random choice derives from
 * @param nodes node ids
 * @param template the cluster-wide node settings (N, W, R, quorum, fsync, gossip...); identity and
 *     membership are filled in per node, seeds kept when they are all nodes (else every node)
 * @param network latency, loss, duplication, ordering
 * @param disk what a kill loses
 * @param startSpreadMs nodes start at instants drawn within this window (processes never start in lockstep)
 * @param wallClockStartMicros the wall-clock time at virtual time zero (epoch micros)
 * @param trace how much of the run to keep (the digest always)
 */
public record SimConfig(long seed, List<String> nodes, NodeConfig template, NetworkConfig network, DiskConfig disk,
    long startSpreadMs, long wallClockStartMicros, Trace.Mode trace) {

  /** 2025-01-01T00:00:00Z: a fixed wall clock, so runs never depend on when they ran. */
  public static final long DEFAULT_WALL_CLOCK_START_MICROS = 1_735_689_600_000_000L;

  public SimConfig {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a simulation needs at least one node");
    }
    if (nodes.stream().distinct().count() != nodes.size()) {
      throw new IllegalArgumentException("node ids must be distinct: " + nodes);
    }
    if (template == null || network == null || disk == null || trace == null) {
      throw new IllegalArgumentException("template, network, disk and trace are required");
    }
    if (startSpreadMs < 0) {
      throw new IllegalArgumentException("startSpreadMs must not be negative");
    }
  }

  /** Nodes "n1".."nK" with the store's default settings (the harness's template), default network and disks. */
  public static SimConfig of(int nodes, long seed) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a simulation needs at least one node, not " + nodes);
    }
    List<String> ids = IntStream.rangeClosed(1, nodes).mapToObj(i -> "n" + i).toList();
    return new SimConfig(seed, ids, NodeConfig.defaults("n1", 0, "", Map.of()), NetworkConfig.defaults(),
        DiskConfig.defaults(), 1000, DEFAULT_WALL_CLOCK_START_MICROS, Trace.Mode.DIGEST);
  }

  public SimConfig withSeed(long value) {
    return new SimConfig(value, nodes, template, network, disk, startSpreadMs, wallClockStartMicros, trace);
  }

  public SimConfig withTemplate(NodeConfig value) {
    return new SimConfig(seed, nodes, value, network, disk, startSpreadMs, wallClockStartMicros, trace);
  }

  public SimConfig withNetwork(NetworkConfig value) {
    return new SimConfig(seed, nodes, template, value, disk, startSpreadMs, wallClockStartMicros, trace);
  }

  public SimConfig withDisk(DiskConfig value) {
    return new SimConfig(seed, nodes, template, network, value, startSpreadMs, wallClockStartMicros, trace);
  }

  public SimConfig withStartSpreadMs(long value) {
    return new SimConfig(seed, nodes, template, network, disk, value, wallClockStartMicros, trace);
  }

  public SimConfig withTrace(Trace.Mode value) {
    return new SimConfig(seed, nodes, template, network, disk, startSpreadMs, wallClockStartMicros, value);
  }

  /** {@code node}'s config: the template with this node's identity and the cluster's membership. */
  NodeConfig nodeConfig(String node, Map<String, String> members) {
    List<String> seeds = template.seeds() != null && !template.seeds().isEmpty() && members.keySet().containsAll(template.seeds())
        ? template.seeds() : List.copyOf(nodes);
    return template.toBuilder().nodeId(node).listenHost(node).port(7000).dataDir("").storage("sim")
        .members(members).seeds(seeds).build();
  }
}

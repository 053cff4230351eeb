package io.quorumlab.sim.scenario;

import io.quorumlab.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Partitions that come and go: every interval the network is either split into two random halves
 * (or one random node isolated) or healed, alternately, as the harness's default partition nemesis
 * does.
 */
public final class PartitionFlapping {
  private final Simulation sim;
  private final RandomGenerator random;
  private int partitions;

  public PartitionFlapping(Simulation sim) {
    this.sim = sim;
    this.random = sim.splitRandom();
  }

  /** From now for {@code durationNanos}: partition after one interval, heal after the next, and so on. */
  public void schedule(long intervalNanos, long durationNanos) {
    long start = sim.now();
    boolean split = true;
    for (long t = start + intervalNanos; t < start + durationNanos; t += intervalNanos) {
      boolean doSplit = split;
      sim.scheduleAt(t, () -> {
        if (doSplit) {
          split();
        } else {
          sim.partition(Map.of());
        }
      });
      split = !split;
    }
  }

  private void split() {
    List<String> nodes = new ArrayList<>(sim.nodeIds());
    for (int i = nodes.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = nodes.get(i);
      nodes.set(i, nodes.get(j));
      nodes.set(j, swap);
    }
    int cut = random.nextBoolean() ? 1 : nodes.size() / 2;
    List<String> a = nodes.subList(0, cut);
    List<String> b = nodes.subList(cut, nodes.size());
    Map<String, Set<String>> grudge = new TreeMap<>();
    a.forEach(n -> grudge.put(n, new TreeSet<>(b)));
    b.forEach(n -> grudge.put(n, new TreeSet<>(a)));
    sim.partition(grudge);
    partitions++;
  }

  public int partitions() {
    return partitions;
  }
}

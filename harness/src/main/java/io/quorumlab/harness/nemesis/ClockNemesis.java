package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.store.node.ClockSkew;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Skews one node's wall clock (a jump forward or back, a strobe, a drift; see {@link ClockFault})
 * and sets it right again on stop. Only wall-clock time moves: lww timestamps come from it, while
 * failure detection, gossip and timeouts run on monotonic time.
 */
public final class ClockNemesis implements Nemesis {
  private final List<ClockFault> faults;
  /** Nodes whose clock the last start skewed and no stop has set right yet. */
  private final Set<String> skewed = new LinkedHashSet<>();

  public ClockNemesis(List<ClockFault> faults) {
    if (faults.isEmpty()) throw new IllegalArgumentException("a clock nemesis needs at least one variant");
    this.faults = List.copyOf(faults);
  }

  @Override
  public String name() {
    return "clock";
  }

  public List<ClockFault> faults() {
    return faults;
  }

  @Override
  public String start(Cluster cluster, RandomGenerator random) throws Exception {
    ClockFault fault = faults.get(random.nextInt(faults.size()));
    List<String> up = new ArrayList<>(cluster.nodes());
    up.removeAll(cluster.killed());
    up.removeAll(cluster.paused());
    if (up.isEmpty()) return "no running node to skew";
    String node = Targets.ONE.pick(up, random).get(0);
    skewed.add(node);
    cluster.skewClock(node, fault.skew());
    return fault.describe(node);
  }

  @Override
  public String stop(Cluster cluster) throws Exception {
    if (skewed.isEmpty()) return "no clock skewed";
    List<String> done = new ArrayList<>();
    for (String node : List.copyOf(skewed)) {
      cluster.skewClock(node, ClockSkew.NONE);
      skewed.remove(node);
      done.add(node + " clock reset to true time");
    }
    return String.join("; ", done);
  }

  @Override
  public boolean active() {
    return !skewed.isEmpty();
  }
}

package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.cluster.DiskFault;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Disk faults: start draws a fault ({@link DiskFault}: a power-loss crash that loses what was not
 * synced, the same with a torn last write, or corrupt records) and a target set, and injects it
 * into each targeted node that runs; stop restarts the nodes it crashed. Corruption has nothing to
 * undo: detecting it and restoring the records from other replicas is the store's job, and what the
 * run checks.
 */
public final class DiskNemesis implements Nemesis {
  private final DiskPlan plan;
  private final List<String> crashed = new ArrayList<>();

  public DiskNemesis(DiskPlan plan) {
    if (plan.isNone()) throw new IllegalArgumentException("a disk nemesis needs at least one fault");
    this.plan = plan;
  }

  @Override
  public String name() {
    return "disk";
  }

  public DiskPlan plan() {
    return plan;
  }

  @Override
  public String start(Cluster cluster, RandomGenerator random) throws Exception {
    DiskFault fault = plan.faults().get(random.nextInt(plan.faults().size()));
    Targets t = plan.targets().get(random.nextInt(plan.targets().size()));
    List<String> done = new ArrayList<>();
    for (String n : t.pick(cluster.nodes(), random)) {
      long seed = random.nextLong();
      if (cluster.killed().contains(n) || cluster.paused().contains(n)) {
        done.add(n + ": not running, left alone");
        continue;
      }
      if (fault.crashes()) crashed.add(n);
      done.add(n + ": " + cluster.diskFault(n, fault, seed));
    }
    return fault.specName() + " (" + t.specName() + ") " + String.join("; ", done);
  }

  @Override
  public String stop(Cluster cluster) throws Exception {
    if (crashed.isEmpty()) return "nothing crashed (corrupt records are the store's to repair)";
    List<String> restarted = new ArrayList<>();
    while (!crashed.isEmpty()) {
      String n = crashed.get(0);
      if (cluster.killed().contains(n)) cluster.restart(n);
      crashed.remove(0);
      restarted.add(n);
    }
    return "restarted " + String.join(" ", restarted);
  }

  @Override
  public boolean active() {
    return !crashed.isEmpty();
  }
}

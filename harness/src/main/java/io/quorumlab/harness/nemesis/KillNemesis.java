package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** kill -9 of one, a minority or a majority of the nodes; stop restarts them from their disks. */
public final class KillNemesis implements Nemesis {
  private final List<Targets> targets;
  private final List<String> killed = new ArrayList<>();

  public KillNemesis(List<Targets> targets) {
    if (targets.isEmpty()) throw new IllegalArgumentException("a kill nemesis needs at least one target");
    this.targets = List.copyOf(targets);
  }

  @Override
  public String name() {
    return "kill";
  }

  public List<Targets> targets() {
    return targets;
  }

  @Override
  public String start(Cluster cluster, Random random) throws Exception {
    Targets t = targets.get(random.nextInt(targets.size()));
    for (String n : t.pick(cluster.nodes(), random)) {
      if (cluster.killed().contains(n)) continue;
      cluster.kill(n);
      killed.add(n);
    }
    return "killed " + String.join(" ", killed) + " (" + t.specName() + ")";
  }

  @Override
  public String stop(Cluster cluster) throws Exception {
    if (killed.isEmpty()) return "nothing killed";
    List<String> restarted = new ArrayList<>();
    while (!killed.isEmpty()) {
      String n = killed.get(0);
      if (cluster.killed().contains(n)) cluster.restart(n);
      killed.remove(0);
      restarted.add(n);
    }
    return "restarted " + String.join(" ", restarted);
  }

  @Override
  public boolean active() {
    return !killed.isEmpty();
  }
}

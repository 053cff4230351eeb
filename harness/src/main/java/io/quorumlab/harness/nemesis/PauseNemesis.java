package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** SIGSTOP (docker pause) of one, a minority or a majority of the nodes; stop resumes them. */
public final class PauseNemesis implements Nemesis {
  private final List<Targets> targets;
  private final List<String> paused = new ArrayList<>();

  public PauseNemesis(List<Targets> targets) {
    if (targets.isEmpty()) throw new IllegalArgumentException("a pause nemesis needs at least one target");
    this.targets = List.copyOf(targets);
  }

  @Override
  public String name() {
    return "pause";
  }

  public List<Targets> targets() {
    return targets;
  }

  @Override
  public String start(Cluster cluster, Random random) throws Exception {
    Targets t = targets.get(random.nextInt(targets.size()));
    for (String n : t.pick(cluster.nodes(), random)) {
      if (cluster.paused().contains(n) || cluster.killed().contains(n)) continue;
      cluster.pause(n);
      paused.add(n);
    }
    return "paused " + String.join(" ", paused) + " (" + t.specName() + ")";
  }

  @Override
  public String stop(Cluster cluster) throws Exception {
    if (paused.isEmpty()) return "nothing paused";
    List<String> resumed = new ArrayList<>();
    while (!paused.isEmpty()) {
      String n = paused.get(0);
      if (cluster.paused().contains(n)) cluster.resume(n);
      paused.remove(0);
      resumed.add(n);
    }
    return "resumed " + String.join(" ", resumed);
  }

  @Override
  public boolean active() {
    return !paused.isEmpty();
  }
}

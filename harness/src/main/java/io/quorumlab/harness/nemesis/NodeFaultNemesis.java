package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fault on whole nodes (kill, pause): start picks one of the target sets and faults each picked
 * node not already faulted; stop undoes exactly the nodes it faulted, in the order it faulted them,
 * skipping any that something else has undone meanwhile.
 */
abstract class NodeFaultNemesis implements Nemesis {
  private final String name;
  private final String doneVerb;
  private final String undoneVerb;
  private final List<Targets> targets;
  private final List<String> faulted = new ArrayList<>();

  NodeFaultNemesis(String name, String doneVerb, String undoneVerb, List<Targets> targets) {
    if (targets.isEmpty()) throw new IllegalArgumentException("a " + name + " nemesis needs at least one target");
    this.name = name;
    this.doneVerb = doneVerb;
    this.undoneVerb = undoneVerb;
    this.targets = List.copyOf(targets);
  }

  /** True when {@code node} is faulted (by this nemesis or otherwise) so that start leaves it alone. */
  abstract boolean unavailable(Cluster cluster, String node);

  /** True when {@code node} still has the fault this nemesis gave it. */
  abstract boolean stillFaulted(Cluster cluster, String node);

  abstract void fault(Cluster cluster, String node) throws Exception;

  abstract void undo(Cluster cluster, String node) throws Exception;

  @Override
  public final String name() {
    return name;
  }

  public final List<Targets> targets() {
    return targets;
  }

  @Override
  public final String start(Cluster cluster, RandomGenerator random) throws Exception {
    Targets t = targets.get(random.nextInt(targets.size()));
    for (String n : t.pick(cluster.nodes(), random)) {
      if (unavailable(cluster, n)) continue;
      fault(cluster, n);
      faulted.add(n);
    }
    return doneVerb + " " + String.join(" ", faulted) + " (" + t.specName() + ")";
  }

  @Override
  public final String stop(Cluster cluster) throws Exception {
    if (faulted.isEmpty()) return "nothing " + doneVerb;
    List<String> undone = new ArrayList<>();
    while (!faulted.isEmpty()) {
      String n = faulted.get(0);
      if (stillFaulted(cluster, n)) undo(cluster, n);
      faulted.remove(0);
      undone.add(n);
    }
    return undoneVerb + " " + String.join(" ", undone);
  }

  @Override
  public final boolean active() {
    return !faulted.isEmpty();
  }
}

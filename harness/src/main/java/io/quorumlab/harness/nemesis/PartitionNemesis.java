package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.Set;

/** Partitions the network by a grudge drawn from its kinds, or by one explicit grudge. */
public final class PartitionNemesis implements Nemesis {
  private final List<PartitionKind> kinds;
  private final Map<String, Set<String>> explicit;
  private boolean active;

  /** Each start draws one of {@code kinds}. */
  public PartitionNemesis(List<PartitionKind> kinds) {
    if (kinds.isEmpty()) throw new IllegalArgumentException("a partition nemesis needs at least one kind");
    this.kinds = List.copyOf(kinds);
    this.explicit = null;
  }

  /** Each start imposes exactly {@code grudge} (node -> the nodes it cannot hear from). */
  public PartitionNemesis(Map<String, Set<String>> grudge) {
    this.kinds = List.of();
    this.explicit = Map.copyOf(grudge);
  }

  @Override
  public String name() {
    return "partition";
  }

  public List<PartitionKind> kinds() {
    return kinds;
  }

  /** The grudge a start would impose with this draw (exposed for tests of the shapes). */
  public static Map<String, Set<String>> grudge(PartitionKind kind, List<String> nodes, RandomGenerator random) {
    return switch (kind) {
      case HALVES -> Grudges.complete(Grudges.halves(nodes));
      case RANDOM_HALVES -> Grudges.complete(Grudges.randomHalves(nodes, random));
      case ISOLATE -> Grudges.complete(Grudges.isolate(nodes.get(random.nextInt(nodes.size())), nodes));
      case MAJORITIES_RING -> Grudges.majoritiesRing(nodes, random);
      case BRIDGE -> Grudges.bridge(nodes, random);
    };
  }

  @Override
  public String start(Cluster cluster, RandomGenerator random) throws Exception {
    String label;
    Map<String, Set<String>> g;
    if (explicit != null) {
      label = "grudge";
      g = explicit;
    } else {
      PartitionKind kind = kinds.get(random.nextInt(kinds.size()));
      label = kind.specName();
      g = grudge(kind, cluster.nodes(), random);
    }
    active = true;
    cluster.partition(g);
    return label + ": " + Grudges.describe(g, cluster.nodes());
  }

  @Override
  public String stop(Cluster cluster) throws Exception {
    if (!active) return "no partition in force";
    cluster.partition(Map.of());
    active = false;
    return "fully connected";
  }

  @Override
  public boolean active() {
    return active;
  }
}

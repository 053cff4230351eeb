package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Which nodes a crash or pause hits, as Jepsen names them. */
public enum Targets {
  ONE,
  /** The largest group that is not a majority (at least one node). */
  MINORITY,
  /** The smallest majority. */
  MAJORITY,
  ALL;

  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int count(int nodes) {
    return switch (this) {
      case ONE -> 1;
      case MINORITY -> Math.max(1, (nodes - 1) / 2);
      case MAJORITY -> nodes / 2 + 1;
      case ALL -> nodes;
    };
  }

  /** A random choice of {@link #count} nodes, in cluster order. */
  public List<String> pick(List<String> nodes, RandomGenerator random) {
    List<String> shuffled = RandomStreams.shuffled(nodes, random);
    List<String> chosen = new ArrayList<>(shuffled.subList(0, count(nodes.size())));
    chosen.sort(java.util.Comparator.comparingInt(nodes::indexOf));
    return chosen;
  }

  public static Targets parse(String s) {
    for (Targets t : values()) if (t.specName().equals(s)) return t;
    throw new IllegalArgumentException("unknown target '" + s + "' (expected one, minority, majority or all)");
  }
}

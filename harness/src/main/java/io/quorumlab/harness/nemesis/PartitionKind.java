package io.quorumlab.harness.nemesis;

import java.util.Locale;

/** The shapes of partition the partition nemesis draws from (Jepsen's names). */
public enum PartitionKind {
  /** The first half of the nodes against the rest (a minority and a majority). */
  HALVES,
  /** Two random halves. */
  RANDOM_HALVES,
  /** One random node cut off from every other. */
  ISOLATE,
  /** Every node sees a majority, but no two nodes see the same one. */
  MAJORITIES_RING,
  /** Two halves joined only by one node that hears and is heard by all. */
  BRIDGE;

  public String specName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static PartitionKind parse(String s) {
    for (PartitionKind k : values()) if (k.specName().equals(s)) return k;
    throw new IllegalArgumentException("unknown partition '" + s + "' (expected halves, random-halves, isolate, majorities-ring or bridge)");
  }
}

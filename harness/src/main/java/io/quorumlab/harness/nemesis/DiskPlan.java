package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.DiskFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The disk faults of a run ({@code --nemesis disk:...}): which faults a start draws from and which
 * nodes it hits. Variants of {@code disk} are fault names ({@code crash}, {@code torn},
 * {@code corrupt}; default all three) and target names as for kill ({@code one}, {@code minority},
 * {@code majority}, {@code all}; default one, minority, majority), mixed freely: {@code disk:crash+all}.
 */
public record DiskPlan(List<DiskFault> faults, List<Targets> targets) {
  public static final DiskPlan NONE = new DiskPlan(List.of(), List.of());
  static final List<Targets> DEFAULT_TARGETS = List.of(Targets.ONE, Targets.MINORITY, Targets.MAJORITY);

  public DiskPlan {
    faults = List.copyOf(faults);
    targets = List.copyOf(targets);
    if (faults.isEmpty() != targets.isEmpty()) throw new IllegalArgumentException("a disk plan needs both faults and targets, or neither");
  }

  public boolean isNone() {
    return faults.isEmpty();
  }

  /** The plan of the variants given ({@code disk} alone: every fault, the default targets). */
  static DiskPlan parse(Set<String> variants) {
    List<DiskFault> faults = new ArrayList<>();
    List<Targets> targets = new ArrayList<>();
    for (String v : variants) {
      DiskFault f = DiskFault.parse(v);
      if (f != null) {
        faults.add(f);
        continue;
      }
      try {
        targets.add(Targets.parse(v));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown disk variant '" + v + "' (expected crash, torn or corrupt, "
            + "and optionally one, minority, majority or all)");
      }
    }
    return new DiskPlan(faults.isEmpty() ? List.of(DiskFault.values()) : faults, targets.isEmpty() ? DEFAULT_TARGETS : targets);
  }

  /** {@code disk:FAULT+...+TARGET+...}, which parses back to this plan. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    faults.forEach(f -> names.add(f.specName()));
    targets.forEach(t -> names.add(t.specName()));
    return "disk:" + String.join("+", names);
  }
}

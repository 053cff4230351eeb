package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.Slowness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The faults of a run, as the command line names them:
 *
 * <pre>
 *   none | all | FAULT[,FAULT...]
 *   FAULT   = KIND[:VARIANT[+VARIANT...]]
 *   KIND    = partition | kill | pause | slow | clock | membership | disk
 *   partition variants: halves, random-halves, isolate, majorities-ring, bridge (default: all five)
 *   kill, pause variants: one, minority, majority, all (default: one, minority, majority)
 *   slow takes no variant (latency, jitter and loss come from the run's options)
 *   clock variants: forward[=DURATION], back[=DURATION], strobe[=DURATION[/PERIOD]], drift[=RATE]
 *     (default: all four, as forward=5m, back=5m, strobe=10s/100ms, drift=2; see ClockFault)
 *   membership variants: join, leave, remove (default: all three; leave and remove need join, as
 *     only nodes the nemesis joined leave or are removed)
 *   disk variants: crash, torn, corrupt (default: all three), and targets as for kill (see {@link DiskPlan})
 * </pre>
 *
 * For example {@code partition,kill}, {@code partition:isolate+bridge,pause:one}, {@code clock:back=2m},
 * {@code membership:join+leave}, {@code disk:crash+all}, {@code all} (partition, kill, pause and slow:
 * clock, membership and disk faults are asked for by name; disk faults need nodes started for them).
 */
public record NemesisSpec(List<PartitionKind> partitions, List<Targets> kills, List<Targets> pauses, boolean slow,
    List<ClockFault> clocks, List<MembershipChange> membership, DiskPlan disk) {
  public static final List<String> KINDS = List.of("partition", "kill", "pause", "slow", "clock", "membership", "disk");
  /** What {@code all} means: the faults every backend can inject into nodes started the usual way. */
  public static final List<String> ALL_KINDS = List.of("partition", "kill", "pause", "slow");
  private static final List<Targets> DEFAULT_TARGETS = List.of(Targets.ONE, Targets.MINORITY, Targets.MAJORITY);
  private static final String SYNTAX = "expected none, all, or a comma-separated list of partition, kill, pause, slow, clock, membership, disk "
      + "(each optionally KIND:VARIANT[+VARIANT], e.g. partition:isolate+bridge, kill:one, clock:back=2m+strobe or disk:crash+all)";

  public NemesisSpec {
    partitions = List.copyOf(partitions);
    kills = List.copyOf(kills);
    pauses = List.copyOf(pauses);
    clocks = List.copyOf(clocks);
    membership = List.copyOf(membership);
    if (disk == null) disk = DiskPlan.NONE;
  }

  /** A spec without clock, membership or disk faults. */
  public NemesisSpec(List<PartitionKind> partitions, List<Targets> kills, List<Targets> pauses, boolean slow) {
    this(partitions, kills, pauses, slow, List.of(), List.of(), DiskPlan.NONE);
  }

  public static final NemesisSpec NONE = new NemesisSpec(List.of(), List.of(), List.of(), false);

  public boolean isNone() {
    return partitions.isEmpty() && kills.isEmpty() && pauses.isEmpty() && !slow && clocks.isEmpty() && membership.isEmpty()
        && disk.isNone();
  }

  /** Parses the spec; a bad one throws {@link SpecException} saying what is wrong and what is expected. */
  public static NemesisSpec parse(String spec) {
    if (spec == null || spec.isBlank()) throw new SpecException("empty --nemesis: " + SYNTAX);
    String s = spec.strip().toLowerCase(Locale.ROOT);
    if (s.equals("none")) return NONE;
    if (s.equals("all")) {
      return new NemesisSpec(List.of(PartitionKind.values()), DEFAULT_TARGETS, DEFAULT_TARGETS, true);
    }
    Map<String, Set<String>> variants = new LinkedHashMap<>();
    for (String raw : s.split(",", -1)) {
      String item = raw.strip();
      if (item.isEmpty()) throw new SpecException("empty fault in --nemesis '" + spec + "': " + SYNTAX);
      String[] kv = item.split(":", -1);
      String kind = kv[0].strip();
      if (kind.equals("none") || kind.equals("all")) {
        throw new SpecException("'" + kind + "' cannot be combined with other faults in --nemesis '" + spec + "'");
      }
      if (!KINDS.contains(kind)) throw new SpecException("unknown fault '" + kind + "' in --nemesis '" + spec + "': " + SYNTAX);
      if (kv.length > 2) throw new SpecException("fault '" + item + "' has more than one ':': " + SYNTAX);
      Set<String> v = variants.computeIfAbsent(kind, k -> new LinkedHashSet<>());
      if (kv.length == 2) {
        if (kind.equals("slow")) throw new SpecException("slow takes no variant (its latency and loss are run options), not '" + item + "'");
        for (String one : kv[1].split("\\+", -1)) {
          if (one.isBlank()) throw new SpecException("empty variant in '" + item + "': " + SYNTAX);
          v.add(one.strip());
        }
      }
    }
    try {
      return new NemesisSpec(
          variants.containsKey("partition") ? partitionKinds(variants.get("partition")) : List.of(),
          variants.containsKey("kill") ? targets(variants.get("kill")) : List.of(),
          variants.containsKey("pause") ? targets(variants.get("pause")) : List.of(),
          variants.containsKey("slow"),
          variants.containsKey("clock") ? clockFaults(variants.get("clock")) : List.of(),
          variants.containsKey("membership") ? membershipChanges(variants.get("membership")) : List.of(),
          variants.containsKey("disk") ? DiskPlan.parse(variants.get("disk")) : DiskPlan.NONE);
    } catch (IllegalArgumentException e) {
      throw new SpecException(e.getMessage() + " in --nemesis '" + spec + "'");
    }
  }

  private static List<PartitionKind> partitionKinds(Set<String> names) {
    if (names.isEmpty()) return List.of(PartitionKind.values());
    return names.stream().map(PartitionKind::parse).toList();
  }

  private static List<ClockFault> clockFaults(Set<String> names) {
    if (names.isEmpty()) return ClockFault.DEFAULTS;
    return names.stream().map(ClockFault::parse).toList();
  }

  private static List<MembershipChange> membershipChanges(Set<String> names) {
    if (names.isEmpty()) return List.of(MembershipChange.values());
    List<MembershipChange> changes = names.stream().map(MembershipChange::parse).toList();
    if (!changes.contains(MembershipChange.JOIN)) {
      throw new IllegalArgumentException("membership:" + String.join("+", names) + " needs join too (only nodes the nemesis"
          + " joined leave or are removed)");
    }
    return changes;
  }

  private static List<Targets> targets(Set<String> names) {
    if (names.isEmpty()) return DEFAULT_TARGETS;
    return names.stream().map(Targets::parse).toList();
  }

  /** The nemeses of this spec; {@code slowness} is what the slow nemesis injects. */
  public List<Nemesis> nemeses(Slowness slowness) {
    List<Nemesis> out = new ArrayList<>();
    if (!partitions.isEmpty()) out.add(new PartitionNemesis(partitions));
    if (!kills.isEmpty()) out.add(new KillNemesis(kills));
    if (!pauses.isEmpty()) out.add(new PauseNemesis(pauses));
    if (slow) out.add(new SlowNemesis(slowness));
    if (!clocks.isEmpty()) out.add(new ClockNemesis(clocks));
    if (!membership.isEmpty()) out.add(new MembershipNemesis(membership));
    if (!disk.isNone()) out.add(new DiskNemesis(disk));
    return out;
  }

  public List<Nemesis> nemeses() {
    return nemeses(SlowNemesis.DEFAULT);
  }

  /** The canonical text of this spec (parses back to an equal spec). */
  @Override
  public String toString() {
    if (isNone()) return "none";
    List<String> parts = new ArrayList<>();
    if (!partitions.isEmpty()) parts.add("partition:" + String.join("+", partitions.stream().map(PartitionKind::specName).toList()));
    if (!kills.isEmpty()) parts.add("kill:" + String.join("+", kills.stream().map(Targets::specName).toList()));
    if (!pauses.isEmpty()) parts.add("pause:" + String.join("+", pauses.stream().map(Targets::specName).toList()));
    if (slow) parts.add("slow");
    if (!clocks.isEmpty()) parts.add("clock:" + String.join("+", clocks.stream().map(ClockFault::specName).toList()));
    if (!membership.isEmpty()) parts.add("membership:" + String.join("+", membership.stream().map(MembershipChange::specName).toList()));
    if (!disk.isNone()) parts.add(disk.toString());
    return String.join(",", parts);
  }
}

package io.quorumlab.harness.selftest;

import io.quorumlab.store.mutation.Mutant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which scenario catches which mutant. The switch is exhaustive, so a new mutant does not compile
 * without a scenario. Simulated seconds are kept short: a seed is a few hundred operations.
 */
public final class Catalogue {
  /**
   * abd 3/2/2 strict with blocking read repair (linearizable) on 3 nodes under short partitions, each
   * message taking its own, heavy-tailed latency and one in ten lost: so that one replica often holds
   * a write the others do not have (yet, or ever: a pending write), while reads overtake it.
   */
  static final Scenario ABD_PARTITIONS = Scenario.of("abd-partition",
      "--nodes 3 --n 3 --w 2 --r 2 --quorum strict --conflicts abd --read-repair blocking --workload register"
          + " --nemesis partition --nemesis-interval 2 --latency lognormal:1,5,1.5 --reorder --loss 0.1 --rate 200 --time-limit 5 --quiesce 1");
  /**
   * lww 3/2/2 strict with blocking read repair (with one clock, linearizable) on 5 nodes, so that every
   * key has fallbacks, under halves partitions a fast failure detector convicts within each: a
   * coordinator that counts fallbacks acks a write on one owner and a fallback, which a read on the
   * other side then misses. (ABD would hide it: the fallbacks refuse the put's tag read, as a
   * replica answers reads only for keys of its own ring.)
   */
  static final Scenario LWW_HALVES = Scenario.of("lww-5-nodes-halves",
      "--nodes 5 --n 3 --w 2 --r 2 --quorum strict --conflicts lww --read-repair blocking --workload register"
          + " --nemesis partition:halves --nemesis-interval 2 --gossip-interval-ms 100 --time-limit 6 --quiesce 1");
  /** A set with siblings (no add may be lost) under partitions, W=R=1, with latency enough for adds to overlap. */
  static final Scenario SIBLINGS_SET = Scenario.of("siblings-set",
      "--nodes 3 --n 3 --w 1 --r 1 --conflicts siblings --workload set --nemesis partition --nemesis-interval 2"
          + " --latency uniform:1,20 --time-limit 5 --quiesce 1");
  /**
   * A set with siblings, sloppy 3/1/1 on 5 nodes, under isolating partitions a fast failure detector
   * convicts: the isolated node acks adds of keys it does not own alone, as a fallback, so its hints
   * are their only way to the owners; one in fifty messages is lost, hint batches too, and the quiet
   * after healing outlasts several hint retries (a lost batch is retried after its 5 s ack timeout).
   */
  static final Scenario SLOPPY_SET_ISOLATE = Scenario.of("sloppy-set-isolate",
      "--nodes 5 --n 3 --w 1 --r 1 --quorum sloppy --conflicts siblings --workload set --nemesis partition:isolate"
          + " --nemesis-interval 1 --gossip-interval-ms 100 --loss 0.02 --time-limit 10 --quiesce 20");
  /**
   * lww 3/2/2 strict with blocking read repair and fsync=always (with one clock, linearizable) under
   * power losses of every node at once: what a replica acknowledged it has synced, so a power loss
   * loses no acknowledged write. (Not a siblings set: there the coordinator stores its own copy
   * before it sends the others, and that copy survives.)
   */
  static final Scenario LWW_POWER_LOSS = Scenario.of("lww-power-loss",
      "--nodes 3 --n 3 --w 2 --r 2 --quorum strict --conflicts lww --read-repair blocking --fsync always --workload register"
          + " --nemesis disk:crash+all --nemesis-interval 1 --rate 200 --time-limit 5 --quiesce 1");
  /** lww 3/2/2 strict with blocking read repair, no faults: with one clock for all, linearizable. */
  static final Scenario LWW_QUIET = Scenario.of("lww-no-faults",
      "--nodes 3 --n 3 --w 2 --r 2 --quorum strict --conflicts lww --read-repair blocking --workload register"
          + " --nemesis none --time-limit 5 --quiesce 1");

  private Catalogue() {}

  public static Scenario scenario(Mutant mutant) {
    return switch (mutant) {
      case PUT_ACKS_AFTER_W_MINUS_1, GET_FIRST_REPLY, ABD_NO_WRITE_BACK, ABD_TAG_FROM_ONE_REPLICA, ABD_TAG_NOT_INCREMENTED,
          READ_REPAIR_WRITES_BACK_OLDER -> ABD_PARTITIONS;
      case STRICT_COUNTS_FALLBACKS -> LWW_HALVES;
      case SIBLINGS_MERGE_DROPS_CONCURRENT, SIBLINGS_DOT_FROM_CONTEXT_ONLY -> SIBLINGS_SET;
      case LWW_KEEPS_OLDER -> LWW_QUIET;
      case HINTS_DELETED_BEFORE_ACK -> SLOPPY_SET_ISOLATE;
      case ACK_BEFORE_DURABLE -> LWW_POWER_LOSS;
    };
  }

  /** The scenarios of {@code mutants}, each once, in the mutants' order. */
  public static List<Scenario> scenarios(List<Mutant> mutants) {
    Set<Scenario> out = new LinkedHashSet<>();
    mutants.forEach(m -> out.add(scenario(m)));
    return List.copyOf(out);
  }

  /** A mutant by its command-line name ({@code put-acks-after-w-minus-1}) or constant name; null when none is called that. */
  public static Mutant byName(String name) {
    for (Mutant m : Mutant.values()) {
      if (m.cliName().equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) return m;
    }
    return null;
  }
}

package io.quorumlab.harness.explore;

import io.quorumlab.harness.RunLimits;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.nemesis.NemesisSpec;
import io.quorumlab.harness.random.RandomStreams;
import io.quorumlab.harness.run.LoadSpec;
import io.quorumlab.harness.run.RunSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Swarm testing (Groce et al., 2012): instead of every seed running the one scenario given, each
 * seed runs a variation of it drawn from the seed, so that faults which mask each other in the full
 * mix (a pause that hides a partition) also get seeds where they run alone. Per seed it draws:
 *
 * <ul>
 *   <li>the fault kinds: a non-empty subset of those given ({@code all}: every kind), each kept with
 *       probability 1/2;
 *   <li>the fault interval: the one given times 2^u, u uniform in [-2, 1] (a quarter to twice), in
 *       tenths of a second;
 *   <li>the rate: likewise a quarter to twice the one given (0, as fast as possible, stays 0);
 *   <li>the concurrency (processes with an op in flight): uniform between a quarter of the one given
 *       and all of it.
 * </ul>
 *
 * (The spec has no key count of its own yet; once it has, it belongs in this list.)
 *
 * The draw uses the seed's own named stream, so it is a function of the seed alone and leaves the
 * run's other streams (ops, fault schedule, simulation) as they were; the drawn spec is concrete, is
 * what {@code spec.json} records, and replays without {@code --swarm}.
 */
public final class Swarm {
  static final String STREAM = "swarm";

  private Swarm() {}

  /** {@code base} with the seed {@code seed} and the variation that seed draws. */
  public static RunSpec draw(RunSpec base, long seed) {
    RandomGenerator r = new RandomStreams(seed).stream(STREAM);
    NemesisPlan n = base.nemesis();
    String faults = faults(n, r);
    double interval = Math.min(RunLimits.MAX_SECONDS, Math.max(RunLimits.MIN_NEMESIS_INTERVAL, tenths(n.intervalSeconds() * scale(r))));
    LoadSpec l = base.load();
    double rate = l.rate() == 0 ? 0 : Math.min(RunLimits.MAX_RATE, Math.max(1, Math.round(l.rate() * scale(r))));
    int low = Math.max(1, l.concurrency() / 4);
    int concurrency = low + r.nextInt(l.concurrency() - low + 1);
    LoadSpec load = new LoadSpec(l.workload(), l.timeLimitSeconds(), rate, concurrency, l.quiesceSeconds());
    return base.withNemesis(NemesisPlan.of(faults, interval)).withLoad(load).withSeed(seed);
  }

  /** A non-empty subset of the faults given, in their order; "none" stays none. */
  private static String faults(NemesisPlan n, RandomGenerator r) {
    String text = n.text().strip();
    if (n.faults().isNone()) return text;
    List<String> items = text.equalsIgnoreCase("all") ? NemesisSpec.ALL_KINDS : Arrays.stream(text.split(",")).map(String::strip).toList();
    List<String> kept = new ArrayList<>();
    for (String item : items) {
      if (r.nextBoolean()) kept.add(item);
    }
    if (kept.isEmpty()) kept.add(items.get(r.nextInt(items.size())));
    return String.join(",", kept);
  }

  /** 2^u, u uniform in [-2, 1]. */
  private static double scale(RandomGenerator r) {
    return Math.pow(2, -2 + 3 * r.nextDouble());
  }

  private static double tenths(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}

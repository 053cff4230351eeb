package io.quorumlab.harness.selftest;

import io.quorumlab.harness.explore.ExploreResult;
import io.quorumlab.harness.explore.SeedOutcome;
import io.quorumlab.harness.explore.Wilson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one mutant's seeds showed. "Seeds to the first detection" is measured from every seed that
 * ran as a starting point (as if a sequential exploration had begun there) to the next seed that
 * caught the mutant; its median over those starts is what a user starting at a random seed should
 * expect. Simulated seconds likewise add up the seeds from the start through the detecting one.
 *
 * @param result every seed of the mutant's scenario, with the mutant on
 */
public record Detections(ExploreResult result) {
  public long seeds() {
    return result.seedsRun();
  }

  public long detected() {
    return result.failures().size();
  }

  /** The share of seeds that caught the mutant, with its 95% Wilson interval. */
  public Wilson.Interval rate() {
    return Wilson.of95(detected(), seeds());
  }

  public boolean caught() {
    return detected() > 0;
  }

  /** The lowest seed that caught it. */
  public java.util.Optional<SeedOutcome> first() {
    return result.firstFailure();
  }

  /** Median seeds run to the first detection over every starting seed that has one after it; empty when none caught it. */
  public OptionalDouble medianSeedsToDetection() {
    return median(toDetection(false));
  }

  /** Median simulated seconds to the first detection, over the same starts. */
  public OptionalDouble medianSimulatedSecondsToDetection() {
    return median(toDetection(true));
  }

  /** The anomaly classes of the detecting seeds, the commonest first, with how many seeds showed each. */
  public Map<String, Long> caughtBy() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (SeedOutcome o : result.failures()) o.classes().forEach(c -> counts.merge(c, 1L, Long::sum));
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private double[] toDetection(boolean seconds) {
    List<SeedOutcome> all = result.outcomes();
    List<Double> out = new ArrayList<>();
    double secondsSince = 0;
    long seedsSince = 0;
    boolean ahead = false;
    // Walk backwards: for each start, the cost up to the next detecting seed at or after it.
    for (int i = all.size() - 1; i >= 0; i--) {
      SeedOutcome o = all.get(i);
      if (o.failed()) {
        ahead = true;
        secondsSince = 0;
        seedsSince = 0;
      }
      if (!ahead) continue;
      secondsSince += o.simulatedSeconds();
      seedsSince++;
      out.add(seconds ? secondsSince : (double) seedsSince);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static OptionalDouble median(double[] values) {
    if (values.length == 0) return OptionalDouble.empty();
    double[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return OptionalDouble.of(v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2);
  }
}

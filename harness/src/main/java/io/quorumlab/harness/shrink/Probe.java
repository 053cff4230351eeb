package io.quorumlab.harness.shrink;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.harness.sim.SimBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs candidates in the simulation and says whether each still shows the anomaly. Each candidate
 * runs in a scratch directory (results.json but no report) that is deleted after it was judged.
 * Determinism makes one run per candidate enough: the same candidate always gives the same answer.
 */
final class Probe {
  /** Thrown, instead of running another candidate, once the budget is spent. */
  static final class Spent extends RuntimeException {
    Spent() {
      super(null, null, false, false);
    }
  }

  private final Path scratch;
  private final AnomalyClass target;
  private final Budget budget;
  private final long deadline;
  private int replays;

  Probe(Path scratch, AnomalyClass target, Budget budget) {
    this.scratch = scratch;
    this.target = target;
    this.budget = budget;
    this.deadline = System.nanoTime() + budget.maxTime().toNanos();
  }

  int replays() {
    return replays;
  }

  boolean spent() {
    return replays >= budget.maxReplays() || System.nanoTime() >= deadline;
  }

  /** Whether {@code candidate} still shows the anomaly; a candidate the harness refuses does not. @throws Spent */
  boolean fails(RunSpec candidate) {
    if (spent()) throw new Spent();
    replays++;
    RunOutcome outcome;
    try {
      // A candidate is judged and deleted: no report, so no message diagram to record.
      outcome = new Runner(candidate, scratch, ProgressSink.NONE, new SimBackend().withMessageLimit(0)).withoutReport().run();
    } catch (SpecException refused) {
      return false;
    }
    try {
      return !outcome.results().info().crashed() && target.foundIn(outcome.results());
    } finally {
      delete(outcome.runDir());
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

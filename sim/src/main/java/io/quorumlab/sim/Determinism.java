package io.quorumlab.sim;

import java.util.function.Consumer;

/**
 * Checks that a scenario is deterministic: runs it twice on fresh simulations of one config,
 * recording both traces, and names the first event where they differ.
 */
public final class Determinism {
  private Determinism() {}

  /**
   * The first event where two runs differ.
   *
   * @param index the event's position in the trace (0-based)
   * @param timeNanos its virtual time in the first run
   * @param first what the first run did there ("end of run" when it had stopped)
   * @param second what the second run did there
   */
  public record Divergence(long index, long timeNanos, String first, String second) {
    @Override
    public String toString() {
      return "event " + index + " at " + timeNanos + " ns: first run: " + first + "; second run: " + second;
    }
  }

  /**
   * @param events events in the first run's trace
   * @param digest its digest
   * @param divergence null when the runs were identical
   */
  public record Result(long events, long digest, long otherDigest, Divergence divergence) {
    public boolean deterministic() {
      return divergence == null;
    }
  }

  /** Runs {@code scenario} twice with {@code config} (its trace mode forced to RECORD) and compares. */
  public static Result check(SimConfig config, Consumer<Simulation> scenario) {
    SimConfig recorded = config.withTrace(Trace.Mode.RECORD);
    Trace a = run(recorded, scenario);
    Trace b = run(recorded, scenario);
    return compare(a, b);
  }

  private static Trace run(SimConfig config, Consumer<Simulation> scenario) {
    Simulation sim = new Simulation(config);
    scenario.accept(sim);
    return sim.trace();
  }

  /** The first difference between two recorded traces. */
  public static Result compare(Trace a, Trace b) {
    long common = Math.min(a.events(), b.events());
    for (int i = 0; i < common; i++) {
      if (a.digestAt(i) != b.digestAt(i)) {
        return new Result(a.events(), a.digest(), b.digest(),
            new Divergence(i, a.time(i), a.description(i) + " @" + a.time(i), b.description(i) + " @" + b.time(i)));
      }
    }
    if (a.events() != b.events()) {
      int i = (int) common;
      String first = i < a.events() ? a.description(i) + " @" + a.time(i) : "end of run";
      String second = i < b.events() ? b.description(i) + " @" + b.time(i) : "end of run";
      long time = i < a.events() ? a.time(i) : b.time(i);
      return new Result(a.events(), a.digest(), b.digest(), new Divergence(i, time, first, second));
    }
    return new Result(a.events(), a.digest(), b.digest(), null);
  }
}

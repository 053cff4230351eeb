package io.quorumlab.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run was and how it went, apart from its history.
 *
 * @param workload the workload's name ("register", "list-append", "set")
 * @param backend the cluster backend ("local", "docker")
 * @param spec every option of the run, including seed, n/w/r, quorum, read-repair, conflicts,
 *     fsync, nemesis, rate, concurrency, time-limit; plain JSON-able values, order kept
 * @param startedAtEpochMs wall-clock start of the run
 * @param phases the phases in order, in the history's timebase
 * @param error null unless the run crashed or was interrupted; then a one-line reason, and the
 *     verdict is unknown whatever the checkers said
 */
public record RunInfo(
    String workload,
    String backend,
    Map<String, Object> spec,
    long startedAtEpochMs,
    List<Phase> phases,
    String error) {

  public RunInfo {
    // LinkedHashMap keeps the spec's option order for the report; unmodifiable but null-tolerant.
    spec = spec == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    phases = phases == null ? List.of() : List.copyOf(phases);
  }

  /** The spec key that says in which time a run's times are, when not this machine's ({@link #SIMULATED}). */
  public static final String TIME = "time";
  public static final String SIMULATED = "simulated";

  /** Whether the run's times (the history's, the phases', latencies) are simulated rather than measured. */
  public boolean simulatedTime() {
    return SIMULATED.equals(String.valueOf(spec.get(TIME)));
  }

  public boolean crashed() {
    return error != null;
  }

  public Optional<Phase> phase(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public RunInfo withError(String newError) {
    return new RunInfo(workload, backend, spec, startedAtEpochMs, phases, newError);
  }

  public RunInfo withPhase(Phase phase) {
    List<Phase> more = new ArrayList<>(phases);
    more.add(phase);
    return new RunInfo(workload, backend, spec, startedAtEpochMs, more, error);
  }
}

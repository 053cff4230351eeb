package io.quorumlab.harness.run;

import io.quorumlab.harness.RunLimits;
import io.quorumlab.harness.SpecException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The traffic of a run: which workload, where its ops come from (drawn at a rate, or an explicit
 * schedule), for how long, and how long to wait after healing before the final reads.
 *
 * @param workload the workload's name ("register", "list-append", "set")
 * @param timeLimitSeconds how long the load runs (scheduled ops due later are not sent)
 * @param source the ops: {@link RandomLoad} or {@link OpSchedule}
 * @param quiesceSeconds wait after healing before the final reads (hinted handoff, anti-entropy)
 */
public record LoadSpec(String workload, double timeLimitSeconds, LoadSource source, double quiesceSeconds) {
  public static final int MAX_CONCURRENCY = RunLimits.MAX_CONCURRENCY;

  /** @throws SpecException naming the option that is out of range */
  public LoadSpec {
    if (workload == null || workload.isBlank()) throw new SpecException("--workload is empty");
    if (!(timeLimitSeconds > 0 && timeLimitSeconds <= RunLimits.MAX_SECONDS)) {
      throw new SpecException("--time-limit must be a positive number of seconds up to " + RunLimits.number(RunLimits.MAX_SECONDS)
          + " (a day), not " + RunLimits.number(timeLimitSeconds));
    }
    if (source == null) throw new SpecException("the load has no source of ops");
    RunLimits.seconds("--quiesce", quiesceSeconds, 0, RunLimits.MAX_QUIESCE, "");
  }

  /** Random ops from the workload's generator, {@code rate} per second from {@code concurrency} processes. */
  public LoadSpec(String workload, double timeLimitSeconds, double rate, int concurrency, double quiesceSeconds) {
    this(workload, timeLimitSeconds, new RandomLoad(rate, concurrency), quiesceSeconds);
  }

  /** Ops per second of a random load; 0 for closed loop, and for a schedule (whose ops carry their times). */
  public double rate() {
    return source instanceof RandomLoad r ? r.rate() : 0;
  }

  public int concurrency() {
    return source.concurrency();
  }

  /** The explicit schedule, when the load is one. */
  public Optional<OpSchedule> schedule() {
    return source instanceof OpSchedule s ? Optional.of(s) : Optional.empty();
  }

  public LoadSpec withWorkload(String newWorkload) {
    return new LoadSpec(newWorkload, timeLimitSeconds, source, quiesceSeconds);
  }

  public LoadSpec withQuiesce(double newQuiesceSeconds) {
    return new LoadSpec(workload, timeLimitSeconds, source, newQuiesceSeconds);
  }

  public LoadSpec withTimeLimit(double newTimeLimitSeconds) {
    return new LoadSpec(workload, newTimeLimitSeconds, source, quiesceSeconds);
  }

  public LoadSpec withSource(LoadSource newSource) {
    return new LoadSpec(workload, timeLimitSeconds, newSource, quiesceSeconds);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workload", workload);
    m.put("time-limit", timeLimitSeconds);
    if (source instanceof OpSchedule s) {
      m.put(OpSchedule.KEY, s.toMap());
    } else {
      m.put("rate", rate());
      m.put("concurrency", concurrency());
    }
    m.put("quiesce", quiesceSeconds);
    return m;
  }

  static LoadSpec fromMap(SpecMap s, LoadSpec d) {
    Object schedule = s.map().get(OpSchedule.KEY);
    LoadSource source = schedule != null ? OpSchedule.fromMap(schedule)
        : new RandomLoad(s.number("rate", d.rate()), s.integer("concurrency", d.concurrency()));
    return new LoadSpec(s.str("workload", d.workload), s.number("time-limit", d.timeLimitSeconds), source,
        s.number("quiesce", d.quiesceSeconds));
  }
}

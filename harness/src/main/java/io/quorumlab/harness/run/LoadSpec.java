package io.quorumlab.harness.run;

import io.quorumlab.harness.RunLimits;
import io.quorumlab.harness.SpecException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The traffic of a run: which workload, for how long, how fast, from how many processes, and how
 * long to wait after healing before the final reads.
 *
 * @param workload the workload's name ("register", "list-append", "set")
 * @param timeLimitSeconds how long the load runs
 * @param rate ops per second scheduled (open loop); 0 for closed loop
 * @param concurrency logical processes with an op in flight at once
 * @param quiesceSeconds wait after healing before the final reads (hinted handoff, anti-entropy)
 */
public record LoadSpec(String workload, double timeLimitSeconds, double rate, int concurrency, double quiesceSeconds) {
  public static final int MAX_CONCURRENCY = RunLimits.MAX_CONCURRENCY;

  /** @throws SpecException naming the option that is out of range */
  public LoadSpec {
    if (workload == null || workload.isBlank()) throw new SpecException("--workload is empty");
    if (!(timeLimitSeconds > 0 && timeLimitSeconds <= RunLimits.MAX_SECONDS)) {
      throw new SpecException("--time-limit must be a positive number of seconds up to " + RunLimits.number(RunLimits.MAX_SECONDS)
          + " (a day), not " + RunLimits.number(timeLimitSeconds));
    }
    if (!(rate >= 0 && rate <= RunLimits.MAX_RATE)) {
      throw new SpecException("--rate must be 0 (as fast as the processes can) or up to " + RunLimits.number(RunLimits.MAX_RATE)
          + " ops per second, not " + RunLimits.number(rate));
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new SpecException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
    }
    RunLimits.seconds("--quiesce", quiesceSeconds, 0, RunLimits.MAX_QUIESCE, "");
  }

  public LoadSpec withWorkload(String newWorkload) {
    return new LoadSpec(newWorkload, timeLimitSeconds, rate, concurrency, quiesceSeconds);
  }

  public LoadSpec withQuiesce(double newQuiesceSeconds) {
    return new LoadSpec(workload, timeLimitSeconds, rate, concurrency, newQuiesceSeconds);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workload", workload);
    m.put("time-limit", timeLimitSeconds);
    m.put("rate", rate);
    m.put("concurrency", concurrency);
    m.put("quiesce", quiesceSeconds);
    return m;
  }

  static LoadSpec fromMap(SpecMap s, LoadSpec d) {
    return new LoadSpec(s.str("workload", d.workload), s.number("time-limit", d.timeLimitSeconds), s.number("rate", d.rate),
        s.integer("concurrency", d.concurrency), s.number("quiesce", d.quiesceSeconds));
  }
}

package io.quorumlab.harness.gate;

import java.util.List;

/**
 * One configuration under the gate: its runs and what is expected of them.
 *
 * @param name the configuration as the user wrote it ("3/2/2:abd")
 * @param settings the configuration spelled out ("N=3 W=2 R=2 abd strict")
 * @param workload the workload's name
 * @param expect what the user asserted, or null when nothing was (then anomalies still fail the
 *     JUnit cases, matching the exit code, which is the verdict)
 * @param runs in the order they ran
 */
public record GateCase(String name, String settings, String workload, Expectation expect, List<GateRun> runs) {
  public GateCase {
    runs = List.copyOf(runs);
  }

  /** The expectation the JUnit cases are judged by: the user's, else valid. */
  public Expectation effectiveExpect() {
    return expect == null ? Expectation.VALID : expect;
  }
}

package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code compare} on the sim backend, as a user types them. */
class SimCommandsTest {
  @TempDir Path out;

  @Test
  void checkDeterminismRunsTwiceAndSaysTheRunsAreIdentical() {
    CliRun r = CliRun.run("run", "--backend", "sim", "--check-determinism", "--out", out.toString(), "--seed", "7",
        "--time-limit", "3", "--nemesis", "partition,kill,pause", "--nemesis-interval", "0.5", "--quiesce", "0.5",
        "--conflicts", "abd", "--quorum", "strict", "--read-repair", "blocking", "--w", "2", "--r", "2", "--expect", "valid");
    assertThat(r.out()).containsPattern("determinism identical: 2 runs, \\d+ events each, trace digest [0-9a-f]{16}; "
        + "history.jsonl, results.json, (messages.jsonl, )?nodes/n1.log, .*nodes/network.log byte for byte");
    assertThat(r.out()).contains("second run  " + out);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }

  @Test
  void aSimulatedRunSaysHowFastItRan() {
    CliRun r = CliRun.run("run", "--backend", "sim", "--out", out.toString(), "--seed", "3", "--time-limit", "2", "--quiesce", "0",
        "--nemesis", "none", "--latency", "constant:0.5", "--loss", "0.01", "--duplicate", "0.01", "--reorder");
    assertThat(r.out()).containsPattern("speed +\\d+\\.\\d s simulated, [\\d,]+ events, in \\d+\\.\\d\\d s");
    assertThat(r.err()).contains("quorumlab run: register on 5 sim nodes").doesNotContain(" INFO ");
  }

  /** The CI gate's shape: the unsafe configuration caught in some seed, the safe one valid in every seed. */
  @Test
  void compareGatesManySeedsOnTheSimBackend() {
    CliRun r = CliRun.run("compare", "--backend", "sim", "--repeat", "3", "--seed", "1", "--out", out.toString(),
        "--configs", "3/1/1:expect=invalid,3/2/2:abd:expect=valid", "--time-limit", "10", "--nemesis-interval", "2", "--quiesce", "1");
    assertThat(r.out()).contains("gate  3/1/1:expect=invalid: PASS: expected invalid").contains("gate  3/2/2:abd:expect=valid: PASS: expected valid; no anomaly in 3 runs");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }
}

package io.quorumlab.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.results.RunInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A simulated run's times are virtual: its charts' axes and the report's header say so; a real run's do not. */
class SimulatedTimeLabelsTest {

  @Test
  void theTimeAxesOfASimulatedRunSaySimulated() {
    Charts.TimeAxis simulated = new Charts.TimeAxis(60, List.of(), List.of(), true);
    assertThat(Charts.throughput(List.of(), simulated).getXAxisTitle()).isEqualTo("Simulated seconds since the run started");
    assertThat(Charts.latencyQuantiles(List.of(), simulated).getYAxisTitle()).isEqualTo("Simulated latency (ms, log scale)");

    Charts.TimeAxis real = new Charts.TimeAxis(60, List.of(), List.of(), false);
    assertThat(Charts.throughput(List.of(), real).getXAxisTitle()).isEqualTo("Seconds since the run started");
    assertThat(Charts.latencyQuantiles(List.of(), real).getYAxisTitle()).isEqualTo("Latency (ms, log scale)");
  }

  @Test
  void theSpecSaysWhenTimeIsSimulated() {
    assertThat(new RunInfo("register", "sim", Map.of(RunInfo.TIME, RunInfo.SIMULATED), 0, List.of(), null).simulatedTime()).isTrue();
    assertThat(new RunInfo("register", "local", Map.of("seed", 1L), 0, List.of(), null).simulatedTime()).isFalse();
  }
}

package io.quorumlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.results.ops.OpKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
  private static final long MS = 1_000_000L;

  /** Builds a history line by line; index follows the order of calls. */
  private static final class H {
    final List<Op> ops = new ArrayList<>();

    H op(long ms, long process, OpType type, String f, Object value) {
      ops.add(Op.of(ops.size(), ms * MS, process, type, f, "x", value));
      return this;
    }

    H nemesis(long ms, String f, Object value) {
      return op(ms, Op.NEMESIS, OpType.INFO, f, value);
    }

    History history() {
      return new History(ops);
    }
  }

  private static final List<Phase> PHASES = List.of(
      new Phase(Phase.SETUP, 0, 1_000 * MS),
      new Phase(Phase.LOAD, 1_000 * MS, 7_500 * MS),
      new Phase(Phase.HEAL, 7_500 * MS, 8_000 * MS));

  private static History sample() {
    return new H()
        .op(1_000, 0, OpType.INVOKE, "read", null).op(1_000, 1, OpType.INVOKE, "write", 1L)
        .op(1_010, 0, OpType.OK, "read", 1L).op(1_020, 1, OpType.OK, "write", 1L)
        .nemesis(2_000, "start-partition", null).nemesis(2_001, "start-partition", "{n1} | {n2 n3}")
        .op(2_500, 0, OpType.INVOKE, "read", null).op(2_501, 0, OpType.FAIL, "read", null)
        .op(3_900, 1, OpType.INVOKE, "write", 2L)
        .nemesis(4_000, "stop-partition", null).nemesis(4_002, "stop-partition", "healed")
        .op(5_000, 1, OpType.INFO, "write", 2L)
        .op(5_000, 2, OpType.INVOKE, "txn", List.of(List.of("r", "x", "nil")))
        .op(5_000, 3, OpType.INVOKE, "txn", List.of(List.of("r", "x", "nil"), List.of("append", "x", 1L)))
        .op(5_005, 2, OpType.OK, "txn", List.of(List.of("r", "x", List.of())))
        .op(5_030, 3, OpType.OK, "txn", List.of(List.of("r", "x", List.of()), List.of("append", "x", 1L)))
        .op(5_100, 4, OpType.INVOKE, "cas", List.of(1L, 2L)).op(5_140, 4, OpType.OK, "cas", List.of(1L, 2L))
        .op(6_000, 5, OpType.INVOKE, "get", null)
        .nemesis(7_000, "start-kill", "n2")
        .history();
  }

  @Test
  void countsOutcomesOverallAndAroundFaults() {
    RunMetrics m = RunMetrics.of(sample(), PHASES);

    assertThat(m.overall()).isEqualTo(new Outcomes(5, 1, 2)); // the get never completed: info
    // During: the fail inside the partition, the write that straddled its end, and the get that
    // was still outstanding when the kill began. Outside: the five ok ops.
    assertThat(m.duringFaults()).isEqualTo(new Outcomes(0, 1, 2));
    assertThat(m.outsideFaults()).isEqualTo(new Outcomes(5, 0, 0));
    assertThat(m.byPhase()).containsExactly(
        java.util.Map.entry("setup", Outcomes.NONE), java.util.Map.entry("load", new Outcomes(5, 1, 2)), java.util.Map.entry("heal", Outcomes.NONE));
    assertThat(m.overall().okShare()).isEqualTo(5 / 8.0);
  }

  @Test
  void derivesFaultIntervalsFromNemesisOps() {
    RunMetrics m = RunMetrics.of(sample(), PHASES);

    assertThat(m.faults()).containsExactly(
        new FaultInterval("partition", "{n1} | {n2 n3}", 2_000 * MS, 4_002 * MS),
        // Never stopped: in force until the heal phase ended.
        new FaultInterval("kill", "n2", 7_000 * MS, 8_000 * MS));
    assertThat(m.faultSeconds()).isCloseTo(3.002, within(1e-9));
  }

  @Test
  void latencyPercentilesOfOkReadsAndWritesWithTxnsClassifiedByTheirMicroOps() {
    RunMetrics m = RunMetrics.of(sample(), PHASES);

    // Reads: the 10 ms read and the 5 ms read-only txn. Writes: 20 ms write, 30 ms mixed txn, 40 ms cas.
    assertThat(m.readLatency().count()).isEqualTo(2);
    assertThat(m.readLatency().p50()).isCloseTo(5.0, within(0.005));
    assertThat(m.readLatency().max()).isEqualTo(10.0);
    assertThat(m.readLatency().mean()).isCloseTo(7.5, within(0.01));
    assertThat(m.writeLatency().count()).isEqualTo(3);
    assertThat(m.writeLatency().p50()).isCloseTo(30.0, within(0.03));
    assertThat(m.writeLatency().p99()).isCloseTo(40.0, within(0.04));
    assertThat(m.writeLatency().max()).isEqualTo(40.0);
  }

  @Test
  void throughputIsOkCompletionsPerSecondOfTheLoadPhase() {
    RunMetrics m = RunMetrics.of(sample(), PHASES);
    assertThat(m.loadSeconds()).isEqualTo(6.5);
    assertThat(m.throughput()).isCloseTo(5 / 6.5, within(1e-9));
  }

  @Test
  void perSecondTimelineByCompletionTime() {
    RunMetrics m = RunMetrics.of(sample(), PHASES);
    List<TimeBucket> t = m.timeline();

    assertThat(t).hasSize(5); // seconds 1..5: completions from 1.01 s to 5.14 s
    assertThat(t.get(0)).isEqualTo(new TimeBucket(1, 2, 0, 0, 10.0, 10.0, 20.0, 20.0));
    assertThat(t.get(1)).isEqualTo(new TimeBucket(2, 0, 1, 0, null, null, null, null));
    assertThat(t.get(2)).isEqualTo(new TimeBucket(3, 0, 0, 0, null, null, null, null));
    assertThat(t.get(4)).isEqualTo(new TimeBucket(5, 3, 0, 1, 5.0, 5.0, 30.0, 40.0));
  }

  @Test
  void percentilesOfALargeDistributionAreWithinHistogramPrecision() {
    H h = new H();
    // 1..1000 ms, one op each, sequential on one process.
    long t = 0;
    for (int i = 1; i <= 1000; i++) {
      h.op(t, 7, OpType.INVOKE, "write", (long) i);
      h.op(t + i, 7, OpType.OK, "write", (long) i);
      t += i + 1;
    }
    LatencySummary w = RunMetrics.of(h.history(), List.of()).writeLatency();
    assertThat(w.count()).isEqualTo(1000);
    assertThat(w.p50()).isCloseTo(500, within(0.5));
    assertThat(w.p95()).isCloseTo(950, within(1.0));
    assertThat(w.p99()).isCloseTo(990, within(1.0));
    assertThat(w.p999()).isCloseTo(999, within(1.0));
    assertThat(w.max()).isEqualTo(1000.0);
    assertThat(RunMetrics.of(h.history(), List.of()).readLatency()).isEqualTo(LatencySummary.EMPTY);
  }

  @Test
  void withoutPhasesThroughputUsesTheSpanOfClientOpsAndEveryOpIsSplitByFaults() {
    H h = new H().op(0, 0, OpType.INVOKE, "read", null).op(500, 0, OpType.OK, "read", 1L)
        .nemesis(600, "start-partition", null)
        .op(1_000, 0, OpType.INVOKE, "read", null).op(2_000, 0, OpType.OK, "read", 1L)
        .nemesis(3_000, "stop-partition", null);
    RunMetrics m = RunMetrics.of(h.history(), List.of());
    assertThat(m.loadSeconds()).isEqualTo(2.0);
    assertThat(m.throughput()).isEqualTo(1.0);
    assertThat(m.duringFaults()).isEqualTo(new Outcomes(1, 0, 0));
    assertThat(m.outsideFaults()).isEqualTo(new Outcomes(1, 0, 0));
    assertThat(m.byPhase()).isEmpty();
  }

  @Test
  void jepsenStyleNemesisPairsAndFailedStarts() {
    H h = new H()
        .nemesis(1_000, "kill", null).nemesis(1_100, "kill", "killed n1")
        .nemesis(2_000, "start", null).nemesis(2_050, "start", "started n1")
        .op(2_500, Op.NEMESIS, OpType.FAIL, "start-pause", null) // never took hold
        .nemesis(3_000, "pause", "n2").nemesis(4_000, "resume", "n2")
        .nemesis(5_000, "start-partition", "a").nemesis(6_000, "stop-partition", null)
        .nemesis(7_000, "start-partition", "b").nemesis(8_000, "stop-partition", null);
    List<FaultInterval> f = RunMetrics.of(h.history(), List.of()).faults();
    assertThat(f).containsExactly(
        new FaultInterval("kill", "killed n1", 1_000 * MS, 2_050 * MS),
        new FaultInterval("pause", "n2", 3_000 * MS, 4_000 * MS),
        new FaultInterval("partition", "a", 5_000 * MS, 6_000 * MS),
        new FaultInterval("partition", "b", 7_000 * MS, 8_000 * MS));
  }

  @Test
  void classifiesReadsAndWrites() {
    assertThat(OpKind.of("read", null)).isEqualTo(OpKind.READ);
    assertThat(OpKind.of("r", null)).isEqualTo(OpKind.READ);
    assertThat(OpKind.of("get", null)).isEqualTo(OpKind.READ);
    assertThat(OpKind.of("txn", List.of(List.of("r", "x", "nil"), List.of("r", "y", "nil")))).isEqualTo(OpKind.READ);
    assertThat(OpKind.of("txn", List.of(List.of("r", "x", "nil"), List.of("append", "y", 1L)))).isEqualTo(OpKind.WRITE);
    assertThat(OpKind.of("txn", List.of())).isEqualTo(OpKind.WRITE);
    for (String f : new String[] {"write", "put", "cas", "add", "append"}) assertThat(OpKind.of(f, 1L)).isEqualTo(OpKind.WRITE);
  }

  @Test
  void aHistoryTimedFromAnOddOriginDoesNotExplodeTheTimeline() {
    long epochNanos = 1_767_000_000_000_000_000L;
    H h = new H();
    h.ops.add(Op.of(0, epochNanos, 0, OpType.INVOKE, "read", "x", null));
    h.ops.add(Op.of(1, epochNanos + 5 * MS, 0, OpType.OK, "read", "x", 1L));
    h.ops.add(Op.of(2, 0, 1, OpType.INVOKE, "read", "x", null));
    h.ops.add(Op.of(3, 3 * MS, 1, OpType.OK, "read", "x", 1L));
    RunMetrics m = RunMetrics.of(h.history(), List.of());
    assertThat(m.timeline()).extracting(TimeBucket::second).containsExactly(0L, epochNanos / 1_000_000_000L);
    assertThat(m.readLatency().count()).isEqualTo(2);
  }

  @Test
  void emptyHistoryGivesZeroesNotErrors() {
    RunMetrics m = RunMetrics.of(new History(List.of()), PHASES);
    assertThat(m.overall()).isEqualTo(Outcomes.NONE);
    assertThat(m.readLatency()).isEqualTo(LatencySummary.EMPTY);
    assertThat(m.timeline()).isEmpty();
    assertThat(m.faults()).isEmpty();
    assertThat(m.throughput()).isZero();
  }
}

package io.quorumlab.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.results.ops.ClientOp;
import io.quorumlab.results.ops.OpKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScatterSampleTest {
  private static ClientOp op(int i, OpType outcome, long latencyMs) {
    Op inv = Op.of(2L * i, i * 1_000_000L, i, OpType.INVOKE, "write", "k", (long) i);
    Op done = Op.of(2L * i + 1, i * 1_000_000L + latencyMs * 1_000_000L, i, outcome, "write", "k", (long) i);
    return new ClientOp(inv, done, OpKind.WRITE, outcome, inv.time(), done.time());
  }

  @Test
  void smallRunsAreDrawnWhole() {
    List<ClientOp> ops = new ArrayList<>();
    for (int i = 0; i < 500; i++) ops.add(op(i, OpType.OK, 1));
    ops.add(new ClientOp(Op.of(9999, 5, 77, OpType.INVOKE, "read", "k", null), null, OpKind.READ, OpType.INFO, 5, -1));
    ScatterSample s = ScatterSample.of(ops, 1000);
    assertThat(s.points()).hasSize(500);
    assertThat(s.untimedOps()).isEqualTo(1);
    assertThat(s.note()).isNull();
  }

  @Test
  void largeRunsKeepEveryFailAndInfoAndTheTailAndThinTheRest() {
    List<ClientOp> ops = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      OpType t = i % 100 == 0 ? OpType.FAIL : i % 101 == 0 ? OpType.INFO : OpType.OK;
      long lat = t == OpType.INFO ? 1000 : (i % 997 == 0 ? 500 : 1 + i % 7);
      ops.add(op(i, t, lat));
    }
    ScatterSample s = ScatterSample.of(ops, 20_000);

    assertThat(s.points().size()).isLessThanOrEqualTo(20_000).isGreaterThan(19_000);
    long nonOk = ops.stream().filter(o -> o.outcome() != OpType.OK).count();
    assertThat(s.points().stream().filter(o -> o.outcome() != OpType.OK).count()).isEqualTo(nonOk);
    long slow = ops.stream().filter(o -> o.outcome() == OpType.OK && o.latencyNanos() == 500_000_000L).count();
    assertThat(s.points().stream().filter(o -> o.outcome() == OpType.OK && o.latencyNanos() == 500_000_000L).count()).isEqualTo(slow);
    assertThat(s.note()).startsWith("Showing 20,000 of 100,000 ops: every fail and info op and the slowest 1% of ok ops");
    assertThat(s.count(OpType.FAIL, OpKind.WRITE)).isEqualTo(1000);
  }
}

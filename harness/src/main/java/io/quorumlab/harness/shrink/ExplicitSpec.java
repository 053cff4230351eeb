package io.quorumlab.harness.shrink;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.FaultScript;
import io.quorumlab.harness.run.OpSchedule;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.ScheduledOp;
import io.quorumlab.workloads.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recorded run's inputs made explicit, so that a shrink can drop them one by one: its client ops
 * as an {@link OpSchedule} (each at the time, by the process and through the node the history
 * records, the final reads after them) and, when every fault it went through can be scripted, its
 * faults as a {@link FaultScript} in place of the nemesis's random draws. Run again, the explicit
 * spec sends the same ops at the same instants and faults the same nodes at the same instants.
 */
final class ExplicitSpec {
  private ExplicitSpec() {}

  static RunSpec of(RecordedRun run) {
    RunSpec spec = run.spec();
    long loadStart = run.loadStartNanos();
    long finalReads = run.finalReadsStartNanos();
    List<ScheduledOp> ops = new ArrayList<>();
    List<Invocation> reads = new ArrayList<>();
    for (Op op : run.history().ops()) {
      if (op.isNemesis() || !op.isInvoke()) continue;
      if (op.time() >= finalReads) {
        reads.add(new Invocation(op.f(), op.key(), op.value()));
      } else {
        ops.add(new ScheduledOp(Math.max(0, op.time() - loadStart), op.process(), op.f(), op.key(), op.value(), op.node()));
      }
    }
    ops.sort(java.util.Comparator.comparingLong(ScheduledOp::timeNanos));
    RunSpec explicit = spec.withLoad(spec.load().withSource(new OpSchedule(ops, reads)));
    Optional<FaultScript> faults = FaultsFromHistory.of(run.history(), loadStart, nodes(spec.nodes()));
    if (faults.isEmpty()) return explicit;
    return explicit.withNemesis(NemesisPlan.of("none", spec.nemesis().intervalSeconds())).withFaults(faults.get());
  }

  /** The node ids of a cluster of {@code n}: n1..nK. */
  static List<String> nodes(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) out.add("n" + i);
    return out;
  }
}

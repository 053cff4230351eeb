package io.quorumlab.harness.shrink;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.Phase;
import io.quorumlab.results.RunResults;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How big a run is, as a shrink reports it: client ops during the load (final reads apart), faults
 * that took effect, nodes, client processes, keys, and simulated seconds until the final reads ended.
 */
public record Sizes(long ops, long finalReads, long faults, int nodes, long processes, long keys, double simulatedSeconds) {

  public static Sizes of(RunSpec spec, History history, RunResults results) {
    long finalReadsStart = results.info().phase(Phase.FINAL_READS).map(Phase::startNanos).orElse(Long.MAX_VALUE);
    long ops = 0;
    long reads = 0;
    long faults = 0;
    Set<Long> processes = new HashSet<>();
    Set<Object> keys = new HashSet<>();
    for (Op op : history.ops()) {
      if (op.isNemesis()) {
        if (op.f().startsWith("start-") && op.value() != null && op.error() == null) faults++;
        continue;
      }
      if (!op.isInvoke()) continue;
      if (op.key() != null) keys.add(op.key());
      if (op.time() >= finalReadsStart) {
        reads++;
      } else {
        ops++;
        processes.add(op.process());
      }
    }
    double seconds = results.info().phase(Phase.FINAL_READS).map(p -> p.endNanos() / 1e9)
        .orElse(history.ops().isEmpty() ? 0 : history.ops().get(history.ops().size() - 1).time() / 1e9);
    return new Sizes(ops, reads, faults, spec.nodes(), processes.size(), keys.size(), seconds);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d ops (+%d final reads), %d faults, %d nodes, %d processes, %d keys, %.1f simulated s",
        ops, finalReads, faults, nodes, processes, keys, simulatedSeconds);
  }
}

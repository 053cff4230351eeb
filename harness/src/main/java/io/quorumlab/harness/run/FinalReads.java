package io.quorumlab.harness.run;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.workloads.Completion;
import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.Workload;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * After healing and quiescing, reads every key the load used, one key at a time, so the checkers see
 * what the store kept. Each read asks all N replicas (R = N): the final state is what any replica
 * still holds, not what one lucky quorum returns. A read that fails is retried, up to
 * {@value #ATTEMPTS} attempts, on the next node each time, every attempt recorded as its own op by
 * a fresh process.
 */
final class FinalReads {
  static final int ATTEMPTS = 3;

  private FinalReads() {}

  /** @return how many keys could not be read */
  static int run(Workload workload, List<Invocation> reads, NodeClients clients, HistoryRecorder recorder,
      ProcessIds processIds, RequestOptions options, BooleanSupplier stopped) {
    int unread = 0;
    long sequence = 0;
    for (Invocation read : reads) {
      boolean done = false;
      for (int attempt = 0; attempt < ATTEMPTS && !done && !stopped.getAsBoolean(); attempt++) {
        String node = clients.nodeFor(sequence++);
        Op invoke = recorder.invoke(processIds.fresh(), read, node, recorder.now());
        Completion c = LoadGenerator.execute(workload, read, clients, node, options);
        recorder.complete(invoke, c);
        done = c.type() == OpType.OK;
      }
      if (!done) unread++;
    }
    return unread;
  }
}

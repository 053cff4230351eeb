package io.quorumlab.harness.run;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.Workload;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * After healing and quiescing, reads every key the load used, one key at a time, so the checkers see
 * what the store kept. Each read asks all N replicas (R = N): the final state is what any replica
 * still holds, not what one lucky quorum returns. A read that fails is retried on the next node,
 * every attempt recorded as its own op by a fresh process. Each read is sent from a task of the
 * loop once the one before it has ended.
 *
 * <p>Each key gets {@value #ATTEMPTS} attempts, and then more, up to {@value #MOST_ATTEMPTS}, from a
 * spare budget of one extra attempt per key shared by all keys. On a lossy network (R = N needs every
 * message of 2N to arrive) a few keys need more than three attempts, and a key left unread makes the
 * verdict unknown; a cluster that cannot answer at all still costs at most one attempt per key more
 * than three each.
 */
final class FinalReads {
  static final int ATTEMPTS = 3;
  static final int MOST_ATTEMPTS = 10;

  private final EventLoop loop;
  private final Workload workload;
  private final Iterator<Invocation> reads;
  private final NodeClients clients;
  private final HistoryRecorder recorder;
  private final ProcessIds processIds;
  private final RequestOptions options;
  private final BooleanSupplier stopped;
  private final CompletableFuture<Integer> done = new CompletableFuture<>();
  private Invocation current;
  private int attempt;
  private long sequence;
  private int unread;
  private int spare;

  private FinalReads(EventLoop loop, Workload workload, List<Invocation> reads, NodeClients clients, HistoryRecorder recorder,
      ProcessIds processIds, RequestOptions options, BooleanSupplier stopped) {
    this.loop = loop;
    this.workload = workload;
    this.reads = reads.iterator();
    this.clients = clients;
    this.recorder = recorder;
    this.processIds = processIds;
    this.options = options;
    this.stopped = stopped;
  }

  /** Reads every key; the future says how many keys could not be read, and completes on the loop. */
  static CompletableFuture<Integer> run(EventLoop loop, Workload workload, List<Invocation> reads, NodeClients clients,
      HistoryRecorder recorder, ProcessIds processIds, RequestOptions options, BooleanSupplier stopped) {
    FinalReads f = new FinalReads(loop, workload, reads, clients, recorder, processIds, options, stopped);
    f.spare = reads.size();
    f.nextKey();
    return f.done;
  }

  private void nextKey() {
    if (stopped.getAsBoolean() || !reads.hasNext()) {
      done.complete(unread);
      return;
    }
    current = reads.next();
    attempt = 0;
    send();
  }

  private void send() {
    attempt++;
    String node = clients.nodeFor(sequence++);
    Op invoke = recorder.invoke(processIds.fresh(), current, node, recorder.now());
    loop.onLoop(LoadGenerator.execute(workload, current, clients, node, options)).thenAccept(c -> {
      recorder.complete(invoke, c);
      if (c.type() == OpType.OK) {
        nextKey();
      } else if (stopped.getAsBoolean()) {
        unread++;
        nextKey();
      } else if (attempt < ATTEMPTS) {
        send();
      } else if (attempt < MOST_ATTEMPTS && spare > 0) {
        spare--;
        send();
      } else {
        unread++;
        nextKey();
      }
    }).exceptionally(e -> {
      done.completeExceptionally(e); // the recorder failed: end the run's wait with the reason
      return null;
    });
  }
}

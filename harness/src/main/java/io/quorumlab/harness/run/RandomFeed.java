package io.quorumlab.harness.run;

import io.quorumlab.workloads.InvocationGenerator;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The workload's generator at a rate: op {@code i} is due at {@code i / rate} s (or at once, in a
 * closed loop), is drawn when it is sent, goes to node {@code i mod nodes}, and is sent by the
 * process that freed first.
 */
final class RandomFeed implements OpFeed {
  private final InvocationGenerator generator;
  private final double rate;
  private final ProcessIds processIds;
  private final Deque<Long> idle = new ArrayDeque<>();
  private long sequence;

  RandomFeed(InvocationGenerator generator, double rate, int concurrency, ProcessIds processIds) {
    this.generator = generator;
    this.rate = rate;
    this.processIds = processIds;
    for (long p = 0; p < concurrency; p++) idle.add(p);
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public long dueNanos(long nowNanos) {
    return rate > 0 ? (long) (sequence * (1e9 / rate)) : nowNanos;
  }

  @Override
  public Long takeProcess() {
    return idle.poll();
  }

  @Override
  public Op take(NodeClients clients) {
    return new Op(clients.nodeFor(sequence++), generator.next());
  }

  @Override
  public void ended(long process, boolean info) {
    // A process whose op may still be in the store never sends again (see ProcessIds).
    idle.add(info ? processIds.fresh() : process);
  }
}

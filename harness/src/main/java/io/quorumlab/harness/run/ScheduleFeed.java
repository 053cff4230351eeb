package io.quorumlab.harness.run;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An {@link OpSchedule}'s ops, in the order listed, each at its time, by its process, through its
 * node (or node {@code i mod nodes} when it names none the cluster has). An op whose process is
 * still busy waits for it, and so do the ops after it. A process whose op ended {@code info} sends
 * its later ops under a fresh id (see {@link ProcessIds}).
 */
final class ScheduleFeed implements OpFeed {
  private final OpSchedule schedule;
  private final ProcessIds processIds;
  private final Set<Long> busy = new HashSet<>();
  /** Scheduled process -> the id it sends under now, when that is not its own. */
  private final Map<Long, Long> renamed = new HashMap<>();
  /** Id it sends under -> scheduled process. */
  private final Map<Long, Long> scheduledAs = new HashMap<>();
  private int next;

  ScheduleFeed(OpSchedule schedule, ProcessIds processIds) {
    this.schedule = schedule;
    this.processIds = processIds;
  }

  @Override
  public boolean hasNext() {
    return next < schedule.ops().size();
  }

  @Override
  public long dueNanos(long nowNanos) {
    return schedule.ops().get(next).timeNanos();
  }

  @Override
  public Long takeProcess() {
    long scheduled = schedule.ops().get(next).process();
    long id = renamed.getOrDefault(scheduled, scheduled);
    if (!busy.add(id)) return null;
    scheduledAs.put(id, scheduled);
    return id;
  }

  @Override
  public Op take(NodeClients clients) {
    ScheduledOp op = schedule.ops().get(next);
    String node = op.node() != null && clients.nodes().contains(op.node()) ? op.node() : clients.nodeFor(next);
    next++;
    return new Op(node, op.invocation());
  }

  @Override
  public void ended(long process, boolean info) {
    busy.remove(process);
    if (info) renamed.put(scheduledAs.get(process), processIds.fresh());
  }
}

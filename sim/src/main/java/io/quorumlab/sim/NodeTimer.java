package io.quorumlab.sim;

import io.quorumlab.store.node.Scheduler;

/** A timer a node's code set through its {@link Scheduler}. */
final class NodeTimer extends NodeEvent implements Scheduler.Cancellable {
  private final Runnable task;
  private boolean cancelled;

  NodeTimer(SimNode target, int incarnation, Runnable task) {
    super(target, incarnation);
    this.task = task;
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  boolean admit() {
    return !cancelled;
  }

  @Override
  void run() {
    target.sim.trace().record(TraceKind.TIMER, target.index, -1, 0, task);
    task.run();
  }
}

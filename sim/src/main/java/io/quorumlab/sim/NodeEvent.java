package io.quorumlab.sim;

/**
 * An event for one process of one node: its timers, the messages that reach it, its disk's
 * syncs. The event belongs to the incarnation that was running when it was scheduled: once that
 * process is killed the event is void. While the node is paused the event waits, and runs when the
 * node resumes (as a stopped process finds its overdue timers and its socket buffers on SIGCONT).
 */
abstract class NodeEvent extends Event {
  final SimNode target;
  final int incarnation;

  NodeEvent(SimNode target, int incarnation) {
    this.target = target;
    this.incarnation = incarnation;
  }

  @Override
  final void fire() {
    if (!target.runs(incarnation)) {
      voided();
      return;
    }
    if (!admit()) {
      return;
    }
    if (target.isPaused()) {
      target.hold(this);
      return;
    }
    target.run(this);
  }

  /** Whether the event still happens now (a message's link may have been cut meanwhile). */
  boolean admit() {
    return true;
  }

  /** The process it was for is gone. */
  void voided() {}

  /** Runs as an input of the node (the simulation has made the node current). */
  abstract void run();
}

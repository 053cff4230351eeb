package io.quorumlab.store.node;

/** Time as the node sees it; the simulator substitutes a virtual clock. */
public interface Clock {

  /** Monotonic milliseconds, for measuring durations. */
  long monotonicMillis();

  /** Wall-clock microseconds since the epoch, for lww stamps (may jump, may differ across nodes). */
  long wallMicros();
}

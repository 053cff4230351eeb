package io.quorumlab.sim;

/** What one entry of the {@link Trace} records. */
public enum TraceKind {
  /** A node's process started (first start or restart). */
  BOOT,
  KILL,
  PAUSE,
  RESUME,
  /** A node's timer fired. */
  TIMER,
  /** A periodic fsync of a node's disk. */
  SYNC,
  /** A message from one node reached another. */
  DELIVER,
  /** A message between nodes was lost: cut link, random loss, dead or restarted receiver. */
  DROP,
  /** A client's request reached its node. */
  REQUEST,
  /** A node's answer reached its client. */
  REPLY,
  /** A client request ended without an answer: timeout, refused or lost connection. */
  NO_ANSWER,
  /** A step the scenario scheduled. */
  ACTION,
  /** Links cut, slowed or restored, or a clock changed. */
  FAULT,
  /** A node's failure detector convicted or acquitted another. */
  MEMBERSHIP,
  /** A node's code threw out of an input (a store bug; the node goes on, as its event loop would). */
  FAILURE
}

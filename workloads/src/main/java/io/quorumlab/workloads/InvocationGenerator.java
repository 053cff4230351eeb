package io.quorumlab.workloads;

import java.util.List;

/**
 * The invocations of one run, as a single seeded sequence. The load generator hands them to logical
 * processes in the order of their scheduled send times, so a run's sequence of invocations depends on
 * the seed alone, not on thread timing; values that must be unique and increasing per key (the
 * checkers rely on it) come from counters inside the sequence. Per-process generators could not
 * promise both.
 *
 * <p>Not thread-safe: the run's event loop draws from it.
 */
public interface InvocationGenerator {

  /** The next invocation. */
  Invocation next();

  /** A read of every key that {@link #next()} has used so far, for after the cluster has healed. */
  List<Invocation> finalReads();
}

package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.cluster.Cluster;
import java.util.random.RandomGenerator;

/**
 * One kind of fault, injected by {@link #start} and taken back by {@link #stop}. A nemesis
 * remembers what it did, so {@code stop} undoes exactly that (also after a {@code start} that
 * failed half-way). History ops are {@code start-<name>} and {@code stop-<name>}.
 */
public interface Nemesis {

  /** "partition", "kill", "pause" or "slow". */
  String name();

  /**
   * Injects one fault, choosing among its variants and targets with {@code random}. Returns what
   * it did, for the history (e.g. the grudge, the nodes killed, what could not be injected).
   */
  String start(Cluster cluster, RandomGenerator random) throws Exception;

  /** Undoes what {@link #start} did; returns what it did. Does nothing when no fault is in force. */
  String stop(Cluster cluster) throws Exception;

  /** True between a {@code start} that changed something and its {@code stop}. */
  boolean active();
}

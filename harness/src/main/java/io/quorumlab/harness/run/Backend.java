package io.quorumlab.harness.run;

import io.quorumlab.harness.RunLimits;
import io.quorumlab.harness.SpecException;
import java.io.IOException;

/**
 * Where a run's nodes live: local processes, Docker containers, or (from a module of its own, found
 * through {@link java.util.ServiceLoader}) a simulation. A backend sets up, for one run, the event
 * loop that keeps the run's time, the cluster, and the clients that reach its nodes; the runner
 * does the rest the same way on every backend.
 */
public interface Backend {

  /** The name {@code --backend} takes. */
  String name();

  /** The most nodes this backend runs on one machine: real backends give each node a JVM or container. */
  default int maxNodes() {
    return RunLimits.MAX_NODES;
  }

  /**
   * Refuses, before anything starts, what this backend cannot run: more nodes than {@link #maxNodes},
   * and (unless it simulates its network) a simulated network's settings, which it would ignore.
   *
   * @throws SpecException with a one-line reason
   */
  default void validate(RunSpec spec) {
    RunLimits.nodes(spec.nodes(), maxNodes(), "each node is a JVM or container of its own");
    if (spec.network() != null) {
      throw new SpecException("--latency, --loss, --duplicate and --reorder shape a simulated network: the " + name()
          + " backend runs on the machine's real network and would ignore them (use --backend sim; a slow or lossy real "
          + "network comes from --nemesis slow)");
    }
  }

  /**
   * The run's loop, cluster (not started) and clients.
   *
   * @throws SpecException when the backend cannot run here (no Docker engine, no base image)
   * @throws IOException when what the cluster needs on disk cannot be made
   */
  Deployment deploy(RunSpec spec) throws IOException;
}

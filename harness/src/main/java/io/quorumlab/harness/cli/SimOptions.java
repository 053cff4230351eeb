package io.quorumlab.harness.cli;

import io.quorumlab.harness.run.LatencySpec;
import io.quorumlab.harness.run.NetworkSpec;
import io.quorumlab.harness.sim.SimBackend;
import picocli.CommandLine.Option;

/**
 * The simulated network's options, which {@code run} and {@code compare} share. Only the sim backend
 * takes them; given to another backend they are refused (by the backend's check of the spec), never
 * ignored.
 */
public final class SimOptions {
  @Option(names = "--latency", paramLabel = "DIST",
      description = "sim: one-way latency of every message, in ms: loopback (like the local backend), constant:MS, "
          + "uniform:MIN,MAX, lognormal:FLOOR,MEDIAN,SIGMA (default: loopback).")
  String latency;

  @Option(names = "--loss", paramLabel = "P", description = "sim: probability that a message between nodes is lost (default: 0).")
  Double loss;

  @Option(names = "--duplicate", paramLabel = "P",
      description = "sim: probability that a message between nodes is delivered twice (default: 0).")
  Double duplicate;

  @Option(names = "--reorder", description = "sim: each message takes its own latency, so later ones may overtake earlier ones "
      + "(default: each link delivers in order, as TCP does).")
  boolean reorder;

  boolean given() {
    return latency != null || loss != null || duplicate != null || reorder;
  }

  /**
   * The network these options describe: on the sim backend, always (defaults filled in, so that
   * spec.json says which network ran); elsewhere only when one was given, for the backend to refuse.
   */
  NetworkSpec network(String backend) {
    if (!given() && !SimBackend.NAME.equals(backend)) return null;
    NetworkSpec d = NetworkSpec.DEFAULT;
    return new NetworkSpec(latency == null ? d.latency() : LatencySpec.parse(latency), loss == null ? d.loss() : loss,
        duplicate == null ? d.duplicate() : duplicate, reorder || d.reorder());
  }
}

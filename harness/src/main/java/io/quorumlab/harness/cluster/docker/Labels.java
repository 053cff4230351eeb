package io.quorumlab.harness.cluster.docker;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;

/**
 * The labels on every container and network of a run. {@code io.quorumlab.harness} names the
 * harness process (host, pid, start time) so that a later run on the same host can tell the
 * leftovers of a crashed harness from the containers of one that still runs.
 */
final class Labels {
  static final String RUN = "io.quorumlab.run";
  static final String HARNESS = "io.quorumlab.harness";
  static final String NODE = "io.quorumlab.node";

  private Labels() {}

  static String harnessId() {
    ProcessHandle me = ProcessHandle.current();
    return host() + "/" + me.pid() + "/" + me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  static Map<String, String> of(String runId) {
    return Map.of(RUN, runId, HARNESS, harnessId());
  }

  /** True when the harness named by the label ran on this host and has exited. */
  static boolean harnessGone(String harnessLabel) {
    if (harnessLabel == null) return false;
    String[] p = harnessLabel.split("/");
    if (p.length != 3 || !p[0].equals(host())) return false;
    try {
      long pid = Long.parseLong(p[1]);
      long start = Long.parseLong(p[2]);
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(h -> Math.abs(h.info().startInstant().map(Instant::toEpochMilli).orElse(0L) - start) < 1000)
          .isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}

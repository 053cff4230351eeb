package io.quorumlab.harness.cli.store;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.storage.StorageHealth;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints what {@code cluster status} shows of the nodes' own views. */
public final class StatusView {
  private StatusView() {}

  /**
   * The node's storage: whether it accepts writes now, and what failed before. Null (an older node)
   * reads as unknown.
   */
  public static String storage(StorageHealth h, long nowMs) {
    if (h == null) {
      return "storage state unknown";
    }
    if (h.failedNow()) {
      return String.format(Locale.ROOT, "storage FAILED for %s: %s (writes refused until it recovers)",
          seconds(nowMs - h.failedSinceMs()), h.error());
    }
    if (h.failures() == 0) {
      return "storage ok";
    }
    return String.format(Locale.ROOT, "storage ok (failed %d time%s, last: %s, recovered %s ago)", h.failures(),
        h.failures() == 1 ? "" : "s", h.error(), seconds(nowMs - h.recoveredAtMs()));
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", Math.max(0, ms) / 1000.0);
  }

  /** One node's view: every member as its failure detector sees it, ownership and hints. */
  public static void printView(NodeStatus s, PrintStream out) {
    out.printf("view of %s (%s, generation %d, ring of %d, n=%d, quorum %s):%n", s.node(), s.state(), s.generation(),
        s.ringSize(), s.n(), s.quorum());
    out.printf("  %-8s %-8s %-8s %8s %-5s %-8s %-15s %9s %6s%n", "member", "status", "detector", "phi", "link", "routable",
        "generation", "ownership", "hints");
    for (NodeStatus.Member m : s.members()) {
      out.printf(Locale.ROOT, "  %-8s %-8s %-8s %8s %-5s %-8s %-15d %8.1f%% %6d%n", m.id(), m.status(), m.detector(),
          phi(m.phi()), m.linkUp() ? "up" : "down", m.routable() ? "yes" : "no", m.generation(), 100 * m.ownership(),
          m.hintsQueued());
    }
  }

  /** One line per node: hints it holds, anti-entropy progress, transfers, gossip rate. */
  public static void printSummary(NodeStatus s, PrintStream out) {
    NodeStatus.AntiEntropy ae = s.antiEntropy();
    NodeStatus.Handoff h = s.handoff();
    NodeStatus.Gossip g = s.gossip();
    double seconds = Math.max(1, g.uptimeMs()) / 1000.0;
    out.printf(Locale.ROOT, "%s: %s; hints held %d%s (%d delivered); anti-entropy %d exchanges (%d in sync, %d repaired, %d failed,"
            + " %d running), %d keys repaired, %s, last %s; transfer %s%s; gossip %.1f msgs/s out, %.1f in%n",
        s.node(), s.state(), h.queued(), h.queued() > 0 ? " " + owners(h.queuedByOwner()) : "", h.delivered(), ae.sessions(),
        ae.inSync(), ae.repaired(), ae.failed(), ae.running(), ae.keysRepaired(), bytes(ae.bytes()),
        ae.lastExchangeAgoMs() < 0 ? "never" : String.format(Locale.ROOT, "%.1f s ago", ae.lastExchangeAgoMs() / 1000.0),
        s.transfer().activity(), s.transfer().detail().isEmpty() ? "" : " (" + s.transfer().detail() + ")",
        g.messagesSent() / seconds, g.messagesReceived() / seconds);
  }

  private static String owners(Map<String, Long> byOwner) {
    StringBuilder b = new StringBuilder("(");
    byOwner.forEach((owner, count) -> b.append(b.length() > 1 ? ", " : "").append(owner).append(": ").append(count));
    return b.append(')').toString();
  }

  private static String phi(double phi) {
    return Double.isInfinite(phi) ? "inf" : String.format(Locale.ROOT, "%.2f", Math.max(0, phi));
  }

  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }
}

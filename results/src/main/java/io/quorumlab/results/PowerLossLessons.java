package io.quorumlab.results;

import io.quorumlab.checkers.Verdict;
import java.util.List;

/**
 * The "why" lines of runs in which the disk nemesis crashed nodes (a power loss, which loses what
 * was not synced; {@code start-disk} ops whose value begins with {@code crash} or {@code torn}):
 * whether the fsync policy explains what was lost, or why nothing was.
 */
final class PowerLossLessons {
  private PowerLossLessons() {}

  static List<String> of(RunResults results) {
    boolean powerLoss = results.metrics().faults().stream()
        .anyMatch(f -> f.kind().equals("disk") && (f.description().startsWith("crash") || f.description().startsWith("torn")));
    Object fsync = results.info().spec().get("fsync");
    if (!powerLoss || fsync == null) return List.of();
    Object w = results.info().spec().get("w");
    String policy = fsync.toString();
    if (results.verdict() == Verdict.INVALID && !policy.equals("always")) {
      String when = policy.equals("periodic") ? "before its next periodic sync" : "before the operating system wrote it back (up to 30 s)";
      return List.of("fsync " + policy + ": a replica acknowledges a write once it is in the page cache, and the disk nemesis' "
          + "crashes (power losses) discarded what had not been synced " + when + ": a write acknowledged by W = " + w
          + " replica(s) that all crashed is gone for good. With fsync always every replica syncs before it acknowledges, "
          + "so a crash loses no acknowledged write.");
    }
    if (results.verdict() == Verdict.VALID && policy.equals("always")) {
      return List.of("fsync always: every replica synced each write before acknowledging it, so the disk nemesis' crashes "
          + "(power losses) lost only writes that no replica had acknowledged.");
    }
    if (results.verdict() == Verdict.VALID) {
      return List.of("fsync " + policy + " loses what a crashed node had not synced; here the crashes lost nothing the checkers "
          + "could see (other replicas still held it, or it was not acknowledged yet), which does not make it durable.");
    }
    return List.of();
  }
}

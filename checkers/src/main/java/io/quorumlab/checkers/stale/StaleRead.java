package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Op;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A read that returned an older value than one known before it began.
 *
 * @param readInvoke the read's invocation
 * @param read the read's completion
 * @param missedValue the value of the first newer write the read missed
 * @param knownAt the op that made that write known: its acknowledgement, or the completion of a read
 *     that returned it
 * @param how "acknowledged" or "read"
 * @param missedVersions how many newer known writes the read missed
 * @param stalenessNanos from the moment the first of them became known to the read's start (-1
 *     without times)
 */
record StaleRead(Object key, Op readInvoke, Op read, Object missedValue, Op knownAt, String how, int missedVersions,
    long stalenessNanos) {

  long stalenessMs() {
    return stalenessNanos < 0 ? -1 : stalenessNanos / 1_000_000;
  }

  String explain() {
    String known = how.equals("acknowledged")
        ? "write " + missedValue + " had been acknowledged" + at(knownAt) + " (op " + knownAt.index() + ")"
        : "write " + missedValue + " (not acknowledged) had already been returned by the read of process " + knownAt.process()
            + at(knownAt) + " (op " + knownAt.index() + ")";
    return "key " + key + ": the read by process " + read.process() + through(readInvoke) + atNanos(StaleReadChecker.startOf(readInvoke))
        + " (op " + readInvoke.index() + ") returned " + (read.value() == null ? "nothing (the initial value)" : read.value())
        + ", but " + known
        + (stalenessNanos >= 0 ? ", " + stalenessMs() + " ms before the read began" : " before the read began")
        + "; the read missed " + missedVersions + " newer write" + (missedVersions == 1 ? "" : "s");
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("read-index", readInvoke.index());
    m.put("read-value", read.value());
    if (readInvoke.node() != null) m.put("read-node", readInvoke.node());
    m.put("missed-write-value", missedValue);
    m.put("missed-write-known-by", how);
    m.put("missed-write-known-index", knownAt.index());
    m.put("missed-versions", missedVersions);
    m.put("staleness-ms", stalenessMs());
    return m;
  }

  private static String at(Op op) {
    return atNanos(op.time());
  }

  private static String atNanos(long nanos) {
    return nanos < 0 ? "" : String.format(Locale.ROOT, " at %.3f s", nanos / 1e9);
  }

  private static String through(Op op) {
    return op.node() == null ? "" : " through " + op.node();
  }
}

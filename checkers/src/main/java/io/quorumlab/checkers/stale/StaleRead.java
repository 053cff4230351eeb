package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Op;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A read that returned an older value than one acknowledged before it began.
 *
 * @param read the read's completion
 * @param readInvoke the read's invocation
 * @param valueWrite the completion of the write whose value the read returned (null: the initial value)
 * @param firstMissed the completion of the earliest-acknowledged write the read missed
 * @param missedVersions how many acknowledged writes the read missed
 * @param stalenessNanos from the first missed acknowledgement to the read's start (-1 without times)
 */
record StaleRead(Object key, Op readInvoke, Op read, Op valueWrite, Op firstMissed, int missedVersions, long stalenessNanos) {

  long stalenessMs() {
    return stalenessNanos < 0 ? -1 : stalenessNanos / 1_000_000;
  }

  String explain() {
    return "key " + key + ": the read by process " + read.process() + through(readInvoke) + at(readInvoke)
        + " (op " + readInvoke.index() + ") returned " + (read.value() == null ? "nothing (the initial value)" : read.value())
        + ", but write " + firstMissed.value() + " had been acknowledged" + at(firstMissed) + " (op " + firstMissed.index() + ")"
        + (stalenessNanos >= 0 ? ", " + stalenessMs() + " ms before the read began" : " before the read began")
        + "; the read missed " + missedVersions + " acknowledged write" + (missedVersions == 1 ? "" : "s");
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("read-index", readInvoke.index());
    m.put("read-value", read.value());
    if (readInvoke.node() != null) m.put("read-node", readInvoke.node());
    m.put("missed-write-value", firstMissed.value());
    m.put("missed-write-ack-index", firstMissed.index());
    m.put("missed-versions", missedVersions);
    m.put("staleness-ms", stalenessMs());
    return m;
  }

  private static String at(Op op) {
    return op.time() < 0 ? "" : String.format(Locale.ROOT, " at %.3f s", op.time() / 1e9);
  }

  private static String through(Op op) {
    return op.node() == null ? "" : " through " + op.node();
  }
}

package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read that returned a value although a write that follows every writer of that value in every
 * linearization was known before the read began.
 *
 * @param read the ok read
 * @param lastWriter of the value's writers, the one acknowledged last (the initial value for nil)
 * @param writers how many writers the value had
 * @param missed the first-known of the writes the read missed
 * @param missedVersions how many such writes were known before the read began
 * @param stalenessNanos from the moment {@code missed} became known to the read's start; -1 without times
 */
record StaleRead(Object key, Operation read, Writer lastWriter, int writers, Known missed, int missedVersions, long stalenessNanos) {

  long stalenessMs() {
    return stalenessNanos < 0 ? -1 : stalenessNanos / 1_000_000;
  }

  String explain() {
    Object value = read.completion().value();
    StringBuilder b = new StringBuilder(Keys.prefix(key)).append("the read by process ").append(read.process()).append(Keys.through(read))
        .append(Times.at(Times.startOf(read.invoke()))).append(" (op ").append(read.invokeIndex()).append(") returned ")
        .append(value == null && lastWriter.isInitial() ? "nothing (the initial value)" : Values.show(value))
        .append(", but ").append(missed.writer().describe()).append(missed.writer().op().isOk() ? "" : " (not acknowledged)");
    if (!lastWriter.isInitial()) {
      b.append(", which began after ").append(writers == 1 ? lastWriter.describe() : "every writer of " + Values.show(value) + " (the last, "
          + lastWriter.describe() + ")").append(" had been acknowledged (op ").append(lastWriter.ack().index()).append("),");
    }
    if (missed.observer() == null) {
      b.append(" had been acknowledged").append(Times.at(missed.at().time()));
    } else {
      b.append(" had already been ")
          .append(missed.observer().f().equals(RegisterKey.CAS) ? "matched by the cas" : "returned by the read").append(" of process ")
          .append(missed.observer().process()).append(Times.at(missed.at().time()));
    }
    b.append(" (op ").append(missed.atIndex()).append("), ")
        .append(stalenessNanos >= 0 ? Times.duration(stalenessNanos) + " before the read began" : "before the read began")
        .append("; the read missed ").append(missedVersions).append(" newer write").append(missedVersions == 1 ? "" : "s");
    return b.toString();
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("read-index", read.invokeIndex());
    m.put("read-value", read.completion().value());
    if (read.invoke().node() != null) m.put("read-node", read.invoke().node());
    m.put("missed-write-value", missed.writer().value());
    m.put("missed-write-index", missed.writer().invokeIndex());
    m.put("missed-write-known-by", missed.how());
    m.put("missed-write-known-index", missed.atIndex());
    m.put("missed-versions", missedVersions);
    if (stalenessNanos >= 0) m.put("staleness-ms", stalenessMs());
    return m;
  }
}

package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write whose client gave up ({@code info}) and that took effect later, as an indeterminate write
 * may. Seen when an op observed its value after a write B was known that began after the client
 * gave up: the write came after B, so after B began.
 *
 * @param write the info write or cas, the only writer of its value
 * @param observer the read (or cas) that observed it after B was known
 * @param before B
 * @param lateNanos from the client giving up to B's start: the write took effect at least this late
 * @param byNanos from the client giving up to the first completed observation of the value: it took
 *     effect no later; -1 when it does not bound the first
 */
record LateEffect(Object key, Writer write, Operation observer, Known before, long lateNanos, long byNanos) {

  long giveUpNanos() {
    return write.op().completion().time();
  }

  String explain() {
    String w = write.describe();
    return Keys.prefix(key) + w + " took effect " + (byNanos >= lateNanos ? Times.duration(lateNanos) + " to " + Times.duration(byNanos)
        : "at least " + Times.duration(lateNanos)) + " after its client gave up" + Times.at(giveUpNanos()) + " (op "
        + write.op().completion().index() + "): the " + observer.f() + " by process " + observer.process() + Times.at(Times.startOf(observer.invoke()))
        + " (op " + observer.invokeIndex() + ") " + (observer.f().equals(RegisterKey.CAS) ? "matched" : "returned") + " its value after "
        + before.writer().describe() + ", begun" + Times.at(Times.startOf(before.writer().op().invoke())) + " (op " + before.writer().invokeIndex()
        + "), was " + (before.observer() == null ? "acknowledged" : "seen") + ", so " + w + " came after it";
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("write-index", write.invokeIndex());
    m.put("write-value", write.value());
    m.put("gave-up-index", write.op().completion().index());
    m.put("observed-index", observer.invokeIndex());
    m.put("after-write-index", before.writer().invokeIndex());
    m.put("late-by-at-least-ms", lateNanos / 1_000_000);
    if (byNanos >= lateNanos) m.put("late-by-at-most-ms", byNanos / 1_000_000);
    return m;
  }
}

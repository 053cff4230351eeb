package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stale-read rule, for one register. A read that returned value v is stale when some write B
 * follows every writer of v in every linearization and was known to precede the read:
 * <ul>
 *   <li>B began after every writer of v had been acknowledged (the initial value precedes every
 *       write). An indeterminate (info or still open) writer of v may take effect at any time after
 *       its invocation, even long after its client gave up, so it precedes nothing, and a read of
 *       its value is never stale;
 *   <li>B was known before the read began: acknowledged, or observed (returned by a read, matched by
 *       a cas) by an op that completed before, when B is the only writer of the value observed.
 * </ul>
 * Then in any linearization B lies between the last writer of v and the read, so the read cannot
 * return v: a stale read proves the history is not linearizable. A read of a value that nothing
 * wrote is left to the linearizability checker.
 */
final class StaleReads {
  /**
   * @param stale the stale reads, in history order
   * @param judged how many reads returned a value some writer (or the initial value) accounts for
   * @param unaccounted how many returned a value nothing wrote
   */
  record Found(List<StaleRead> stale, long judged, long unaccounted) {}

  private StaleReads() {}

  static Found find(RegisterKey register, KnownWrites known) {
    List<Operation> staleReads = new ArrayList<>();
    List<Writer> lastWriters = new ArrayList<>();
    List<Known> missed = new ArrayList<>();
    long judged = 0;
    long unaccounted = 0;
    for (Operation read : register.reads()) {
      List<Writer> writers = register.writersOf(read.completion().value());
      if (writers.isEmpty()) {
        unaccounted++;
        continue;
      }
      judged++;
      Writer last = writers.stream().max(Comparator.comparingLong(Writer::orderedBefore)).orElseThrow();
      if (last.orderedBefore() == Long.MAX_VALUE) continue;
      Known first = known.firstMissed(last.orderedBefore(), read.invokeIndex());
      if (first == null) continue;
      staleReads.add(read);
      lastWriters.add(last);
      missed.add(first);
    }
    long[] after = lastWriters.stream().mapToLong(Writer::orderedBefore).toArray();
    long[] before = staleReads.stream().mapToLong(Operation::invokeIndex).toArray();
    int[] versions = known.countMissed(after, before);
    List<StaleRead> stale = new ArrayList<>();
    for (int i = 0; i < staleReads.size(); i++) {
      Operation read = staleReads.get(i);
      Known first = missed.get(i);
      long staleness = Times.between(first.at().time(), Times.startOf(read.invoke()));
      stale.add(new StaleRead(register.key(), read, lastWriters.get(i), register.writersOf(read.completion().value()).size(), first,
          versions[i], staleness));
    }
    return new Found(stale, judged, unaccounted);
  }
}

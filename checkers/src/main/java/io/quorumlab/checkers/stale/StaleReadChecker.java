package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryParseException;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds stale reads of registers, one per key: ops {@code read}, {@code write} and {@code cas
 * [old new]} (a cas that did not fail wrote its new value). A stale read returned a value although
 * a write that follows all of that value's writers in every linearization was known before the read
 * began ({@link StaleReads} has the rule): the textbook promise of "W + R > N" quorums, broken. Each
 * is a proof that the history is not linearizable; the converse does not hold, which is what the
 * linearizability checker is for. What this checker adds is the measure: how stale, in versions
 * (newer known writes missed) and in time (from when the first of them became known to the read's
 * start; unknown when the history has no {@code :time}).
 *
 * <p>It also reports writes that took effect after their client gave up ({@link LateEffects}),
 * which look like stale reads to a person reading the history but are not.
 *
 * <p>A history with other ops is refused (the CLI's exit 254); one with nothing to judge (no read
 * of a value a writer accounts for, or no write known) is unknown.
 */
public final class StaleReadChecker implements Checker {
  public static final String NAME = "stale-read";
  private static final Set<String> FUNCTIONS = Set.of(RegisterKey.READ, RegisterKey.WRITE, RegisterKey.CAS);

  @Override
  public String name() {
    return NAME;
  }

  /** @throws HistoryParseException locating the first op that is not a register op */
  @Override
  public CheckResult check(History history, CheckContext context) {
    refuseWhatItCannotJudge(history);
    List<StaleRead> stale = new ArrayList<>();
    List<LateEffect> late = new ArrayList<>();
    long reads = 0;
    long judged = 0;
    long unaccounted = 0;
    long knownWrites = 0;
    for (Map.Entry<Object, List<Operation>> e : history.operationsByKey().entrySet()) {
      RegisterKey register = new RegisterKey(e.getKey(), e.getValue());
      KnownWrites known = new KnownWrites(register.known());
      StaleReads.Found found = StaleReads.find(register, known);
      stale.addAll(found.stale());
      late.addAll(LateEffects.find(register, known));
      reads += register.reads().size();
      judged += found.judged();
      unaccounted += found.unaccounted();
      knownWrites += register.known().size();
    }
    boolean timed = history.ops().stream().anyMatch(op -> op.time() >= 0);
    return StaleReadReport.result(new StaleReadReport.Findings(stale, late, reads, judged, unaccounted, knownWrites, timed));
  }

  private static void refuseWhatItCannotJudge(History history) {
    List<Op> ops = history.ops();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op.isNemesis()) continue;
      String problem = null;
      if (!FUNCTIONS.contains(op.f())) {
        problem = "stale-read judges registers (f read, write, cas), not f '" + op.f() + "'";
      } else if (op.f().equals(RegisterKey.CAS) && !(op.value() instanceof List<?> l && l.size() == 2)) {
        problem = "a cas's value is [old new], not " + Values.show(op.value());
      }
      if (problem != null) {
        throw new HistoryParseException(history.source(), history.sourceLine(i),
            problem + " (op " + op.index() + ", process " + op.process() + ")");
      }
    }
  }
}

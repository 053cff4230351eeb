package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryParseException;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.Operation;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Histories of Jepsen's {@code jepsen.independent}, which runs one register test on many keys at
 * once: every value is a {@code [key value]} tuple ({@code :read [k nil]} returning {@code [k 3]},
 * {@code :write [k 3]}, {@code :cas [k [old new]]}). Recognised when every client operation is a
 * register operation on such a tuple and at least one is a read invoked with one: a plain register
 * history's reads are invoked with nil, so a register whose values happen to be pairs is not
 * mistaken for one. Each key is then a register of its own, as Jepsen's independent checker has it.
 */
final class IndependentTuples {
  private static final Set<String> FUNCTIONS = Set.of("read", "write", "cas");

  private IndependentTuples() {}

  static boolean recognise(History history) {
    boolean read = false;
    for (Op op : history.ops()) {
      if (op.isNemesis() || !op.isInvoke()) continue;
      if (op.key() != null || !FUNCTIONS.contains(op.f()) || !isTuple(op.value())) return false;
      Object value = ((List<?>) op.value()).get(1);
      if (op.f().equals("cas") && !isTuple(value)) return false;
      read |= op.f().equals("read");
    }
    return read;
  }

  /**
   * The call of an operation of a recognised history: the tuple's key as the call's key, its value
   * as the call's input and, when it completed ok, output.
   *
   * @param completion the completion's position in {@code history}
   * @throws HistoryParseException when an ok completion is not a tuple of the same key
   */
  static Call call(Operation op, History history, int completion) {
    List<?> in = (List<?>) op.invoke().value();
    Object key = Call.normalise(in.get(0));
    Object output = null;
    if (op.isOk()) {
      Object done = op.completion().value();
      if (!isTuple(done) || !Objects.equals(Call.normalise(((List<?>) done).get(0)), key)) {
        throw new HistoryParseException(history.source(), history.sourceLine(completion), "op index " + op.completion().index()
            + ": completes a " + op.f() + " with " + describe(done) + ", but it was invoked for key " + key + " (index "
            + op.invokeIndex() + "); in a history of [key value] tuples an operation keeps its key");
      }
      output = Call.normalise(((List<?>) done).get(1));
    }
    return new Call(op.f(), key, Call.normalise(in.get(1)), output, op.isOk(), op);
  }

  private static String describe(Object v) {
    return isTuple(v) ? "key " + ((List<?>) v).get(0) : "the value " + v + ", not a [key value] tuple";
  }

  private static boolean isTuple(Object v) {
    return v instanceof List<?> l && l.size() == 2;
  }
}

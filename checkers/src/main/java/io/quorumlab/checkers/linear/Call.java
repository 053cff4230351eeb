package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One operation as a model sees it: its function, key, the value it was invoked with and, when it
 * completed ok, the value it returned. Integer values are normalised to {@link Long}.
 *
 * @param f the operation's function ("read", "write", "cas", "get", "put", "append", ...)
 * @param key the operation's key, or null
 * @param input the invocation's value (the value written, a cas's [old new], nil for a read)
 * @param output the ok completion's value (the value read); null when the output is unknown
 * @param outputKnown true when the operation completed ok; false when it is indeterminate
 *     (info, or still open at the end), in which case it may have taken effect or not
 * @param op the paired operation from the history, for explanations
 */
public record Call(String f, Object key, Object input, Object output, boolean outputKnown, Operation op) {

  /** The model's view of an ok or indeterminate operation. */
  public static Call of(Operation op) {
    boolean ok = op.isOk();
    return new Call(op.f(), op.key(), normalise(op.invoke().value()),
        ok ? normalise(op.completion().value()) : null, ok, op);
  }

  /** Integers of every width as Long, lists recursively, so that models compare with equals. */
  static Object normalise(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    if (v instanceof List<?> l) {
      // most lists (a cas's [old new] as parsed) hold Longs already: copied only when one changes
      int i = 0;
      while (i < l.size() && normalise(l.get(i)) == l.get(i)) i++;
      if (i == l.size()) return l;
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(normalise(o));
      return out;
    }
    return v;
  }

  /**
   * Whether this and {@code other} are indeterminate calls invoked alike (same f, key and input):
   * for a model whose step reads nothing of an indeterminate call but those, they have the same
   * effect in every state ({@link Model#interchangeable}).
   */
  boolean sameIndeterminateInvocation(Call other) {
    return !outputKnown && !other.outputKnown && f.equals(other.f) && Objects.equals(key, other.key) && Objects.equals(input, other.input);
  }

  /** "process 3, index 17-21", "process 3, index 17, info at 21" or "process 3, index 17, never returned". */
  public String where() {
    if (op == null) return "unknown op";
    StringBuilder sb = new StringBuilder("process ").append(processName(op.process()));
    sb.append(", index ").append(op.invokeIndex());
    if (op.completion() == null) sb.append(", never returned");
    else if (op.isOk()) sb.append('-').append(op.completion().index());
    else sb.append(", ").append(op.outcome().wireName()).append(" at ").append(op.completion().index());
    return sb.toString();
  }

  static String processName(long p) {
    return p == io.quorumlab.checkers.history.Op.NEMESIS ? "nemesis" : Long.toString(p);
  }
}

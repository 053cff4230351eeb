package io.quorumlab.checkers.history;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntToLongFunction;

/**
 * Pairs each invocation with the completion by the same process, validating the history on the
 * way. The result maps every position to its partner's position (-1 for none).
 */
final class Pairing {
  private Pairing() {}

  /**
   * @param lineOf position -> 1-based source line (0 when unknown), for error messages
   * @param file the source, or null
   * @throws HistoryParseException on a completion without invocation, a second open op of one
   *     process, or a completion whose f differs from its invocation's
   */
  static int[] pair(List<Op> ops, IntToLongFunction lineOf, Path file) {
    int n = ops.size();
    int[] partner = new int[n];
    java.util.Arrays.fill(partner, -1);
    Map<Long, Integer> open = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Op op = ops.get(i);
      if (op.type() == null) throw new HistoryParseException(file, lineOf.applyAsLong(i), "op at index " + op.index() + " has no type");
      Integer o = open.get(op.process());
      if (op.isNemesis()) {
        pairNemesis(ops, partner, open, i, o);
        continue;
      }
      if (op.type() == OpType.INVOKE) {
        if (o != null) {
          Op prev = ops.get(o);
          throw new HistoryParseException(file, lineOf.applyAsLong(i),
              "process " + processName(op.process()) + " invokes " + op.f() + " (index " + op.index()
                  + ") while its " + prev.f() + " (index " + prev.index() + where(lineOf, o)
                  + ") is still open; a process has at most one open operation");
        }
        open.put(op.process(), i);
      } else if (o != null) {
        Op inv = ops.get(o);
        if (!Objects.equals(inv.f(), op.f())) {
          throw new HistoryParseException(file, lineOf.applyAsLong(i),
              "completion (" + op.type().wireName() + ") of process " + processName(op.process()) + " has f " + op.f()
                  + " but its invocation (index " + inv.index() + where(lineOf, o) + ") has f " + inv.f());
        }
        partner[o] = i;
        partner[i] = o;
        open.remove(op.process());
      } else {
        throw new HistoryParseException(file, lineOf.applyAsLong(i),
            "completion (" + op.type().wireName() + " " + op.f() + ", index " + op.index() + ") of process "
                + processName(op.process()) + " has no open invocation");
      }
    }
    return partner;
  }

  /**
   * The nemesis is judged by no checker and follows no one discipline: Jepsen's logs {@code :info}
   * both when it starts and when it finishes an operation, a start may complete as a stop of
   * another name, and a failed start may have no invocation at all. So a nemesis op completes the
   * nemesis op still open, whatever its name, and is never refused.
   */
  private static void pairNemesis(List<Op> ops, int[] partner, Map<Long, Integer> open, int i, Integer o) {
    Op op = ops.get(i);
    if (o != null && op.type() != OpType.INVOKE) {
      partner[o] = i;
      partner[i] = o;
      open.remove(op.process());
    } else if (op.type() == OpType.INVOKE || op.type() == OpType.INFO) {
      open.put(op.process(), i);
    }
  }

  private static String where(IntToLongFunction lineOf, int pos) {
    long line = lineOf.applyAsLong(pos);
    return line > 0 ? ", line " + line : "";
  }

  static String processName(long process) {
    return process == Op.NEMESIS ? "nemesis" : Long.toString(process);
  }
}

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
    return pair(new Ops() {
      @Override
      public int size() {
        return ops.size();
      }

      @Override
      public OpType type(int i) {
        return ops.get(i).type();
      }

      @Override
      public long process(int i) {
        return ops.get(i).process();
      }

      @Override
      public String f(int i) {
        return ops.get(i).f();
      }

      @Override
      public long index(int i) {
        return ops.get(i).index();
      }
    }, lineOf, file);
  }

  /** What pairing reads of each op, so that ops held in columns pair by the same rules as {@link Op}s. */
  interface Ops {
    int size();

    OpType type(int i);

    long process(int i);

    String f(int i);

    long index(int i);
  }

  /** {@link #pair(List, IntToLongFunction, Path)} over ops held in any form. */
  static int[] pair(Ops ops, IntToLongFunction lineOf, Path file) {
    int n = ops.size();
    int[] partner = new int[n];
    java.util.Arrays.fill(partner, -1);
    Map<Long, Integer> open = new HashMap<>();
    for (int i = 0; i < n; i++) {
      OpType type = ops.type(i);
      long process = ops.process(i);
      if (type == null) throw new HistoryParseException(file, lineOf.applyAsLong(i), "op at index " + ops.index(i) + " has no type");
      Integer o = open.get(process);
      if (process == Op.NEMESIS) {
        pairNemesis(type, process, partner, open, i, o);
        continue;
      }
      if (type == OpType.INVOKE) {
        if (o != null) {
          throw new HistoryParseException(file, lineOf.applyAsLong(i),
              "process " + processName(process) + " invokes " + ops.f(i) + " (index " + ops.index(i)
                  + ") while its " + ops.f(o) + " (index " + ops.index(o) + where(lineOf, o)
                  + ") is still open; a process has at most one open operation");
        }
        open.put(process, i);
      } else if (o != null) {
        if (!Objects.equals(ops.f(o), ops.f(i))) {
          throw new HistoryParseException(file, lineOf.applyAsLong(i),
              "completion (" + type.wireName() + ") of process " + processName(process) + " has f " + ops.f(i)
                  + " but its invocation (index " + ops.index(o) + where(lineOf, o) + ") has f " + ops.f(o));
        }
        partner[o] = i;
        partner[i] = o;
        open.remove(process);
      } else {
        throw new HistoryParseException(file, lineOf.applyAsLong(i),
            "completion (" + type.wireName() + " " + ops.f(i) + ", index " + ops.index(i) + ") of process "
                + processName(process) + " has no open invocation");
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
  private static void pairNemesis(OpType type, long process, int[] partner, Map<Long, Integer> open, int i, Integer o) {
    if (o != null && type != OpType.INVOKE) {
      partner[o] = i;
      partner[i] = o;
      open.remove(process);
    } else if (type == OpType.INVOKE || type == OpType.INFO) {
      open.put(process, i);
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

package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds transactional histories for tests from a compact notation: micro-ops separated by
 * {@code ;}, each {@code f key value} with value {@code nil}, an integer, or {@code [1 2 3]}:
 * {@code "append x 1; r y [1]"}, {@code "w x 2; r y nil"}. Keys are strings.
 */
final class Txn {
  private final List<Op> ops = new ArrayList<>();

  /** Parses the notation into Elle micro-ops. */
  static List<Object> mops(String txn) {
    List<Object> result = new ArrayList<>();
    for (String part : txn.split(";")) {
      String s = part.trim();
      if (s.isEmpty()) continue;
      String[] head = s.split("\\s+", 3);
      result.add(java.util.Arrays.asList(head[0], head[1], value(head[2].trim())));
    }
    return result;
  }

  private static Object value(String v) {
    if (v.equals("nil")) return null;
    if (v.startsWith("[")) {
      List<Object> l = new ArrayList<>();
      String inner = v.substring(1, v.length() - 1).trim();
      if (!inner.isEmpty()) for (String x : inner.split("\\s+")) l.add(Long.parseLong(x));
      return l;
    }
    return Long.parseLong(v);
  }

  /** The invocation's value: reads not yet known. */
  private static List<Object> invoked(String txn) {
    List<Object> m = mops(txn);
    List<Object> result = new ArrayList<>();
    for (Object o : m) {
      List<?> mop = (List<?>) o;
      result.add(mop.get(0).equals("r") ? java.util.Arrays.asList("r", mop.get(1), null) : mop);
    }
    return result;
  }

  Txn invoke(long process, String txn) {
    ops.add(Op.of(ops.size(), ops.size(), process, OpType.INVOKE, "txn", null, invoked(txn)));
    return this;
  }

  Txn complete(long process, OpType type, String txn) {
    Object value = type == OpType.OK ? mops(txn) : invoked(txn);
    ops.add(Op.of(ops.size(), ops.size(), process, type, "txn", null, value));
    return this;
  }

  /** Invoked and committed before anything else happens (realtime-ordered after what came before). */
  Txn ok(long process, String txn) {
    return invoke(process, txn).complete(process, OpType.OK, txn);
  }

  Txn fail(long process, String txn) {
    return invoke(process, txn).complete(process, OpType.FAIL, txn);
  }

  Txn info(long process, String txn) {
    return invoke(process, txn).complete(process, OpType.INFO, txn);
  }

  /** Transactions all invoked before any completes (no realtime order among them), all ok. */
  Txn concurrent(String... txns) {
    long base = 1000 + ops.size();
    for (int i = 0; i < txns.length; i++) invoke(base + i, txns[i]);
    for (int i = 0; i < txns.length; i++) complete(base + i, OpType.OK, txns[i]);
    return this;
  }

  History history() {
    return new History(ops);
  }
}

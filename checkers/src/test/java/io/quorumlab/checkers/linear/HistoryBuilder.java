package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-built histories: invoke and complete ops by process, in real-time order. */
final class HistoryBuilder {
  private final List<Op> ops = new ArrayList<>();
  private final Map<Long, Op> open = new HashMap<>();

  HistoryBuilder invoke(long process, String f, Object value) {
    return invoke(process, f, null, value);
  }

  HistoryBuilder invoke(long process, String f, Object key, Object value) {
    Op op = Op.of(ops.size(), ops.size() * 10L, process, OpType.INVOKE, f, key, value);
    ops.add(op);
    open.put(process, op);
    return this;
  }

  HistoryBuilder ok(long process) {
    return complete(process, OpType.OK, open.get(process).value());
  }

  HistoryBuilder ok(long process, Object value) {
    return complete(process, OpType.OK, value);
  }

  HistoryBuilder fail(long process) {
    return complete(process, OpType.FAIL, open.get(process).value());
  }

  HistoryBuilder info(long process) {
    return complete(process, OpType.INFO, open.get(process).value());
  }

  /** A whole operation that completes ok before the next begins. */
  HistoryBuilder op(long process, String f, Object in, Object out) {
    return invoke(process, f, in).ok(process, out);
  }

  private HistoryBuilder complete(long process, OpType type, Object value) {
    Op inv = open.remove(process);
    ops.add(Op.of(ops.size(), ops.size() * 10L, process, type, inv.f(), inv.key(), value));
    return this;
  }

  History build() {
    return new History(ops);
  }
}

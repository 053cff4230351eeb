package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds histories for checker tests: each call appends one op, with time = index milliseconds. */
public final class OpsBuilder {
  private final List<Op> ops = new ArrayList<>();

  public OpsBuilder invoke(long process, String f, Object key, Object value) {
    return add(process, OpType.INVOKE, f, key, value);
  }

  public OpsBuilder ok(long process, String f, Object key, Object value) {
    return add(process, OpType.OK, f, key, value);
  }

  public OpsBuilder fail(long process, String f, Object key, Object value) {
    return add(process, OpType.FAIL, f, key, value);
  }

  public OpsBuilder info(long process, String f, Object key, Object value) {
    return add(process, OpType.INFO, f, key, value);
  }

  /** An invoke immediately followed by its ok. */
  public OpsBuilder done(long process, String f, Object key, Object invokeValue, Object okValue) {
    return invoke(process, f, key, invokeValue).ok(process, f, key, okValue);
  }

  public History build() {
    return new History(ops);
  }

  private OpsBuilder add(long process, OpType type, String f, Object key, Object value) {
    long index = ops.size();
    ops.add(new Op(index, index * 1_000_000L, process, type, f, key, value, "n" + (process % 3 + 1), null, Map.of()));
    return this;
  }
}

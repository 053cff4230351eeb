package io.quorumlab.checkers.history;

import java.util.Map;

/**
 * One line of a history, as docs/architecture.md defines it. Values are plain Java data so that JSON and EDN
 * map onto them losslessly: {@code null}, {@link Long}, {@link String}, {@link Boolean},
 * {@link java.util.List} of values; a transaction's value is a list of micro-ops, each a list
 * {@code [f, key, value]} with {@code f} a String ("append", "r", "w").
 *
 * @param index dense, increasing position in the history
 * @param time monotonic nanoseconds since the run started (-1 when the source had none)
 * @param process logical process; {@link #NEMESIS} for fault-injection ops
 * @param key the key of a keyed op, or null
 * @param node the node that coordinated the op, or null
 * @param error the error of a failed or indeterminate op, or null
 * @param extra every other field of the source line, kept so that codecs round-trip
 */
public record Op(
    long index,
    long time,
    long process,
    OpType type,
    String f,
    Object key,
    Object value,
    String node,
    String error,
    Map<String, Object> extra) {

  /** Process id of the nemesis, written as {@code "nemesis"} / {@code :nemesis}. */
  public static final long NEMESIS = -1;

  public Op {
    extra = extra == null ? Map.of() : extra;
  }

  public static Op of(long index, long time, long process, OpType type, String f, Object key, Object value) {
    return new Op(index, time, process, type, f, key, value, null, null, Map.of());
  }

  public boolean isInvoke() {
    return type == OpType.INVOKE;
  }

  public boolean isOk() {
    return type == OpType.OK;
  }

  public boolean isFail() {
    return type == OpType.FAIL;
  }

  public boolean isInfo() {
    return type == OpType.INFO;
  }

  public boolean isNemesis() {
    return process == NEMESIS;
  }

  public Op withIndex(long newIndex) {
    return new Op(newIndex, time, process, type, f, key, value, node, error, extra);
  }

  public Op withValue(Object newValue) {
    return new Op(index, time, process, type, f, key, newValue, node, error, extra);
  }

  public Op withTime(long newTime) {
    return new Op(index, newTime, process, type, f, key, value, node, error, extra);
  }

  public Op withType(OpType newType) {
    return new Op(index, time, process, newType, f, key, value, node, error, extra);
  }
}

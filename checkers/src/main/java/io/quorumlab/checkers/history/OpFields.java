package io.quorumlab.checkers.history;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one record of a history (a JSON object or an EDN map, already converted to plain Java
 * values with keywords as strings) onto {@link Op} and back. Shared by both codecs so that they
 * agree field for field.
 */
final class OpFields {
  static final String INDEX = "index";
  static final String TIME = "time";
  static final String PROCESS = "process";
  static final String TYPE = "type";
  static final String F = "f";
  static final String KEY = "key";
  static final String VALUE = "value";
  static final String NODE = "node";
  static final String ERROR = "error";
  static final String NEMESIS = "nemesis";

  private OpFields() {}

  /**
   * @param position the record's position in the history: its index when the source has none
   * @throws HistoryParseException naming {@code file} and {@code line}
   */
  static Op toOp(Map<?, ?> record, int position, Path file, long line) {
    Long index = null;
    long time = -1;
    Long process = null;
    OpType type = null;
    String f = null;
    Object key = null;
    Object value = null;
    String node = null;
    String error = null;
    Map<String, Object> extra = null;
    for (Map.Entry<?, ?> e : record.entrySet()) {
      String name = String.valueOf(e.getKey());
      Object v = e.getValue();
      switch (name) {
        case INDEX -> index = requireLong(v, name, file, line);
        case TIME -> time = v == null ? -1 : requireLong(v, name, file, line);
        case PROCESS -> process = process(v, file, line);
        case TYPE -> type = type(v, file, line);
        case F -> f = v == null ? null : String.valueOf(v);
        case KEY -> key = v;
        case VALUE -> value = v;
        case NODE -> node = v == null ? null : String.valueOf(v);
        case ERROR -> {
          if (v == null || v instanceof String) {
            error = (String) v;
          } else {
            // A structured error ([:no-client "Connection refused"]): readable text in error, the
            // original kept in extra so that it is written back as it was.
            error = String.valueOf(v);
            if (extra == null) extra = new LinkedHashMap<>();
            extra.put(ERROR, v);
          }
        }
        default -> {
          if (extra == null) extra = new LinkedHashMap<>();
          extra.put(name, v);
        }
      }
    }
    if (type == null) throw new HistoryParseException(file, line, "operation has no type (expected invoke, ok, fail or info)");
    if (process == null) throw new HistoryParseException(file, line, "operation has no process");
    if (f == null) throw new HistoryParseException(file, line, "operation has no f");
    if ("txn".equals(f)) value = withReadValues(value);
    return new Op(index == null ? position : index, time, process, type, f, key, value, node, error,
        extra == null ? Map.of() : Collections.unmodifiableMap(extra));
  }

  /** The op as an ordered record of plain values, keywords as strings; nemesis as "nemesis". */
  static Map<String, Object> toRecord(Op op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(INDEX, op.index());
    if (op.time() >= 0) m.put(TIME, op.time());
    m.put(PROCESS, op.process() == Op.NEMESIS ? NEMESIS : (Object) op.process());
    m.put(TYPE, op.type().wireName());
    m.put(F, op.f());
    if (op.key() != null) m.put(KEY, op.key());
    m.put(VALUE, op.value());
    if (op.node() != null) m.put(NODE, op.node());
    Object structuredError = op.extra().get(ERROR);
    if (structuredError != null) m.put(ERROR, structuredError);
    else if (op.error() != null) m.put(ERROR, op.error());
    for (Map.Entry<String, Object> e : op.extra().entrySet()) {
      if (!e.getKey().equals(ERROR)) m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  private static long requireLong(Object v, String name, Path file, long line) {
    if (v instanceof Long l) return l;
    if (v instanceof Integer i) return i;
    if (v instanceof BigInteger b && b.bitLength() < 64) return b.longValue();
    throw new HistoryParseException(file, line, name + " must be an integer, found " + describe(v));
  }

  /**
   * A transaction's read micro-ops written without a value ({@code [:r :y]}, as Elle's own test
   * helpers write them) as reads of nil ({@code [:r :y nil]}); anything else as it is.
   */
  private static Object withReadValues(Object value) {
    if (!(value instanceof List<?> mops) || !anyValuelessRead(mops)) return value;
    List<Object> filled = new ArrayList<>(mops.size());
    for (Object mop : mops) {
      if (isValuelessRead(mop)) {
        List<Object> m = new ArrayList<>((List<?>) mop);
        m.add(null);
        filled.add(m);
      } else {
        filled.add(mop);
      }
    }
    return filled;
  }

  private static boolean anyValuelessRead(List<?> mops) {
    for (Object mop : mops) if (isValuelessRead(mop)) return true;
    return false;
  }

  private static boolean isValuelessRead(Object mop) {
    return mop instanceof List<?> m && m.size() == 2 && "r".equals(m.get(0));
  }

  /**
   * Client processes are non-negative, as Jepsen numbers them; a negative one is refused, so that
   * no process a history names can be taken for the nemesis ({@link Op#NEMESIS}).
   */
  private static long process(Object v, Path file, long line) {
    if (NEMESIS.equals(v)) return Op.NEMESIS;
    if ((v instanceof Long || v instanceof Integer) && ((Number) v).longValue() >= 0) return ((Number) v).longValue();
    throw new HistoryParseException(file, line, "process must be a non-negative integer or nemesis, found " + describe(v));
  }

  private static OpType type(Object v, Path file, long line) {
    if (v instanceof String s) {
      try {
        return OpType.parse(s);
      } catch (IllegalArgumentException e) {
        throw new HistoryParseException(file, line, e.getMessage());
      }
    }
    throw new HistoryParseException(file, line, "unknown op type " + describe(v) + " (expected invoke, ok, fail or info)");
  }

  static String describe(Object v) {
    if (v == null) return "nil";
    if (v instanceof String s) return "'" + s + "'";
    if (v instanceof List<?>) return "a list " + v;
    if (v instanceof Map<?, ?>) return "a map";
    if (v instanceof Long || v instanceof Integer) return v.toString();
    return v.getClass().getSimpleName() + " " + v;
  }
}

package io.quorumlab.checkers.history;

/** Jepsen's four operation types. */
public enum OpType {
  INVOKE,
  /** Completed and certainly took effect. */
  OK,
  /** Certainly did not take effect. */
  FAIL,
  /** Indeterminate: may have taken effect at any time after its invocation, or never. */
  INFO;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static OpType parse(String s) {
    return switch (s) {
      case "invoke" -> INVOKE;
      case "ok" -> OK;
      case "fail" -> FAIL;
      case "info" -> INFO;
      default -> throw new IllegalArgumentException("unknown op type '" + s + "' (expected invoke, ok, fail or info)");
    };
  }
}

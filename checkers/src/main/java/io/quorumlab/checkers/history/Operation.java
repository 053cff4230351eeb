package io.quorumlab.checkers.history;

/**
 * An invocation paired with its completion. {@code completion} is null when the history ended with
 * the operation still open, which Jepsen treats like {@code info}: it may or may not have happened.
 * For the nemesis, whose operations are {@code info} both ways in Jepsen histories, {@code invoke}
 * may have type INFO.
 */
public record Operation(Op invoke, Op completion) {

  public Operation {
    if (invoke == null) throw new IllegalArgumentException("an operation needs its invocation");
  }

  public long process() {
    return invoke.process();
  }

  public String f() {
    return invoke.f();
  }

  public Object key() {
    return invoke.key() != null || completion == null ? invoke.key() : completion.key();
  }

  /** The outcome: OK, FAIL or INFO; an open operation counts as INFO. */
  public OpType outcome() {
    return completion == null ? OpType.INFO : completion.type();
  }

  public boolean isOk() {
    return outcome() == OpType.OK;
  }

  public boolean isFail() {
    return outcome() == OpType.FAIL;
  }

  /** Info or still open: may have taken effect at any time after the invocation, or never. */
  public boolean isIndeterminate() {
    return outcome() == OpType.INFO;
  }

  public boolean isOpen() {
    return completion == null;
  }

  public boolean isNemesis() {
    return invoke.isNemesis();
  }

  /** The value the operation observed or wrote: the completion's if it completed ok, else the invocation's. */
  public Object value() {
    return completion != null && completion.type() == OpType.OK ? completion.value() : invoke.value();
  }

  public long invokeIndex() {
    return invoke.index();
  }

  /** The completion's index, or {@link Long#MAX_VALUE} when open. */
  public long completeIndex() {
    return completion == null ? Long.MAX_VALUE : completion.index();
  }
}

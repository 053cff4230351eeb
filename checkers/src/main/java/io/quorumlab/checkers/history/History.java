package io.quorumlab.checkers.history;

import java.util.List;

/** An ordered history of operations (invocations and completions), as recorded. */
public final class History {
  private final List<Op> ops;

  public History(List<Op> ops) {
    this.ops = List.copyOf(ops);
  }

  public List<Op> ops() {
    return ops;
  }

  public int size() {
    return ops.size();
  }
}

package io.quorumlab.results.ops;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.OpType;
import java.util.List;

/**
 * The client operations of a history as the metrics and the report see them: the history's own
 * paired view ({@link History#clientOperations()}, computed once per history and shared with the
 * checkers), each with its kind, outcome and times.
 */
public final class ClientOps {
  private ClientOps() {}

  /** In invocation order; an operation the history ends before completing counts as INFO. */
  public static List<ClientOp> of(History history) {
    return history.clientOperations().stream()
        .map(o -> new ClientOp(o.invoke(), o.completion(), OpKind.of(o.invoke().f(), o.invoke().value()),
            o.completion() == null ? OpType.INFO : o.completion().type(), o.invoke().time(),
            o.completion() == null ? -1 : o.completion().time()))
        .toList();
  }
}

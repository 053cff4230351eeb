package io.quorumlab.results.ops;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairs each client invocation with the next completion of the same process. */
public final class ClientOps {
  private ClientOps() {}

  /**
   * The client operations of {@code history} in invocation order. Nemesis ops are skipped, as are
   * completions without a preceding invocation (some imported histories have them).
   */
  public static List<ClientOp> of(History history) {
    List<ClientOp> out = new ArrayList<>();
    Map<Long, Integer> pending = new HashMap<>();
    for (Op op : history.ops()) {
      if (op.isNemesis()) continue;
      if (op.type() == OpType.INVOKE) {
        // A second invocation while one is outstanding breaks the history's rules; the earlier
        // one never completed, so it stays indeterminate.
        pending.put(op.process(), out.size());
        out.add(new ClientOp(op, null, OpKind.of(op.f(), op.value()), OpType.INFO, op.time(), -1));
      } else {
        Integer at = pending.remove(op.process());
        if (at == null) continue;
        ClientOp inv = out.get(at);
        // A txn's read-only-ness is judged on the invocation: the completion fills in read values.
        out.set(at, new ClientOp(inv.invoke(), op, inv.kind(), op.type(), inv.invokeNanos(), op.time()));
      }
    }
    return out;
  }
}

package io.quorumlab.checkers.elle.txn;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactions of a history ({@code f = "txn"}, client processes), each invocation paired with
 * its completion, in invocation order, in flat arrays. Micro-ops are validated by the inferences'
 * first pass ({@link #mop}), which touches each once anyway. A transaction that never completed counts as
 * indeterminate ({@link #INFO}). Its micro-ops are the completion's value when it completed ok (reads
 * filled in), else the invocation's.
 */
public final class Txns {
  public static final byte OK = 0;
  public static final byte INFO = 1;
  public static final byte FAIL = 2;

  public final History history;
  public final int count;
  /** Position in {@code history.ops()} of the invocation. */
  public final int[] invokePos;
  /** Position of the completion, -1 when the history ended with the transaction open. */
  public final int[] completePos;
  public final byte[] type;
  public final long[] process;
  /** The micro-ops, each a {@code List} [f, key, value]. */
  public final List<?>[] mops;

  /** The number of micro-ops of all transactions. */
  public final long totalMops;

  private Txns(History history, int count, int[] invokePos, int[] completePos, byte[] type, long[] process, List<?>[] mops,
      long totalMops) {
    this.totalMops = totalMops;
    this.history = history;
    this.count = count;
    this.invokePos = invokePos;
    this.completePos = completePos;
    this.type = type;
    this.process = process;
    this.mops = mops;
  }

  /**
   * @throws MalformedHistoryException when a transaction's value is not a list of [f key value]
   */
  public static Txns of(History history) {
    List<Op> ops = history.ops();
    int n = 0;
    for (Op op : ops) if (isTxnInvoke(op)) n++;
    int[] inv = new int[n];
    int[] comp = new int[n];
    byte[] type = new byte[n];
    long[] process = new long[n];
    List<?>[] mops = new List<?>[n];
    int t = 0;
    long totalMops = 0;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (!isTxnInvoke(op)) continue;
      int partner = history.partnerOf(i);
      Op done = partner > i ? ops.get(partner) : null;
      inv[t] = i;
      comp[t] = done == null ? -1 : partner;
      type[t] = done == null ? INFO : switch (done.type()) {
        case OK -> OK;
        case FAIL -> FAIL;
        default -> INFO;
      };
      process[t] = op.process();
      Object value = type[t] == OK ? done.value() : op.value();
      mops[t] = microOps(history, type[t] == OK ? done : op, value);
      totalMops += mops[t].size();
      t++;
    }
    return new Txns(history, n, inv, comp, type, process, mops, totalMops);
  }

  private static boolean isTxnInvoke(Op op) {
    return op.type() == OpType.INVOKE && !op.isNemesis() && "txn".equals(op.f());
  }

  private static List<?> microOps(History history, Op op, Object value) {
    if (!(value instanceof List<?> list)) {
      throw new MalformedHistoryException(history, op.index(), "a transaction's value must be a list of micro-ops [f key value], found "
          + describe(value));
    }
    return list;
  }

  /**
   * Micro-op {@code i} of transaction {@code t}, checked to be [f key value] with a function name
   * and a non-nil key.
   *
   * @throws MalformedHistoryException when it is not
   */
  public List<?> mop(int t, int i) {
    Object m = mops[t].get(i);
    if (!(m instanceof List<?> mop) || mop.size() != 3 || !(mop.get(0) instanceof String) || mop.get(1) == null) {
      throw new MalformedHistoryException(history, opIndex(t), "micro-op " + i + " must be [f key value] with a function name and a key, found "
          + describe(m));
    }
    return mop;
  }

  public Op invoke(int t) {
    return history.ops().get(invokePos[t]);
  }

  /** The completion, or the invocation when there is none. */
  public Op completion(int t) {
    return completePos[t] >= 0 ? history.ops().get(completePos[t]) : invoke(t);
  }

  /** The index of the op that stands for the transaction: its completion's, else its invocation's. */
  public long opIndex(int t) {
    return completion(t).index();
  }

  public boolean inGraph(int t) {
    return type[t] != FAIL;
  }

  public String typeName(int t) {
    return switch (type[t]) {
      case OK -> "ok";
      case INFO -> completePos[t] >= 0 ? "info" : "open";
      default -> "fail";
    };
  }

  /**
   * Per process, its committed transactions in invocation order (Elle's process order). An
   * indeterminate one is left out: it may take effect after the process's later transactions.
   */
  public List<int[]> processChains() {
    Map<Long, List<Integer>> byProcess = new LinkedHashMap<>();
    for (int t = 0; t < count; t++) {
      if (type[t] == OK) byProcess.computeIfAbsent(process[t], p -> new ArrayList<>()).add(t);
    }
    List<int[]> chains = new ArrayList<>(byProcess.size());
    for (List<Integer> l : byProcess.values()) chains.add(l.stream().mapToInt(Integer::intValue).toArray());
    return chains;
  }

  static String describe(Object v) {
    String s = String.valueOf(v);
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}

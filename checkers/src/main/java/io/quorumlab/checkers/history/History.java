package io.quorumlab.checkers.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An ordered history of operations (invocations and completions), as recorded. Pairing of
 * invocations with completions is computed on first use and validated then: a malformed history
 * (completion without invocation, two open operations of one process) throws
 * {@link HistoryParseException}. Histories read by {@link Histories} are validated while reading,
 * with line numbers.
 */
public final class History {
  private final List<Op> ops;
  private volatile int[] partner;
  private volatile List<Operation> operations;

  public History(List<Op> ops) {
    this.ops = List.copyOf(ops);
  }

  /** A history whose pairing is already known (the readers validate with line numbers). */
  History(List<Op> ops, int[] partner) {
    this.ops = List.copyOf(ops);
    this.partner = partner;
  }

  public static History of(Op... ops) {
    return new History(List.of(ops));
  }

  public List<Op> ops() {
    return ops;
  }

  public int size() {
    return ops.size();
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }

  /**
   * Checks that the history is well formed.
   *
   * @return this
   * @throws HistoryParseException naming the op index of the first problem
   */
  public History validate() {
    partners();
    return this;
  }

  /**
   * Every operation: each invocation paired with its completion (null when still open), in
   * invocation order. Includes the nemesis's operations.
   */
  public List<Operation> operations() {
    List<Operation> result = operations;
    if (result == null) {
      int[] p = partners();
      List<Operation> list = new ArrayList<>(ops.size() / 2 + 1);
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        if (p[i] == -1 || p[i] > i) list.add(new Operation(op, p[i] == -1 ? null : ops.get(p[i])));
      }
      result = Collections.unmodifiableList(list);
      operations = result;
    }
    return result;
  }

  /** The operations of client processes (everything but the nemesis), in invocation order. */
  public List<Operation> clientOperations() {
    return operations().stream().filter(o -> !o.isNemesis()).toList();
  }

  /** The nemesis's operations, in invocation order. */
  public List<Operation> nemesisOperations() {
    return operations().stream().filter(Operation::isNemesis).toList();
  }

  /** The position (in {@link #ops()}) of the op paired with the op at {@code position}, or -1. */
  public int partnerOf(int position) {
    return partners()[position];
  }

  /** The completion of the invocation at {@code position}, or null when it is still open. */
  public Op completionOf(int position) {
    int p = partners()[position];
    return p > position ? ops.get(p) : null;
  }

  /** A history of the client ops only. */
  public History clientOps() {
    return filter(op -> !op.isNemesis());
  }

  /** A history of the nemesis ops only. */
  public History nemesisOps() {
    return filter(Op::isNemesis);
  }

  /** The ops that match, in order; indices are kept. */
  public History filter(Predicate<Op> keep) {
    return new History(ops.stream().filter(keep).toList());
  }

  /** The distinct processes, in order of first appearance. */
  public Set<Long> processes() {
    Set<Long> result = new LinkedHashSet<>();
    for (Op op : ops) result.add(op.process());
    return result;
  }

  /**
   * The client operations grouped by key (null key for unkeyed ops), keys in order of first
   * invocation, operations in invocation order.
   */
  public Map<Object, List<Operation>> operationsByKey() {
    Map<Object, List<Operation>> result = new LinkedHashMap<>();
    for (Operation o : operations()) {
      if (!o.isNemesis()) result.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o);
    }
    return result;
  }

  private int[] partners() {
    int[] p = partner;
    if (p == null) {
      p = Pairing.pair(ops, i -> 0, null);
      partner = p;
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof History h && h.ops.equals(ops);
  }

  @Override
  public int hashCode() {
    return ops.hashCode();
  }

  @Override
  public String toString() {
    return "History[" + ops.size() + " ops]";
  }
}

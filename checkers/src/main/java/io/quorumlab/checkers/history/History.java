package io.quorumlab.checkers.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An ordered history of operations (invocations and completions), as recorded. Pairing of
 * invocations with completions is computed on first use and validated then: a malformed history
 * (completion without invocation, two open operations of one process) throws
 * {@link HistoryParseException}. Histories read by {@link Histories} are validated while reading,
 * with line numbers, and remember each op's source line so that checkers that find an op they cannot
 * interpret can say where it is ({@link #sourceLine}, {@link #positionOf}).
 */
public final class History {
  private final List<Op> ops;
  private volatile int[] partner;
  private volatile List<Operation> operations;
  /** Position -> 1-based source line; null when the ops did not come from text. Not part of equality. */
  private final long[] lines;
  private final Path source;

  public History(List<Op> ops) {
    this(ops, null, null, null);
  }

  /**
   * A history read from text, whose pairing is already known (the readers validate with line
   * numbers).
   *
   * @param lines position -> 1-based source line, or null
   * @param source the file it was read from, or null
   */
  History(List<Op> ops, int[] partner, long[] lines, Path source) {
    this.ops = List.copyOf(ops);
    this.partner = partner;
    this.lines = lines;
    this.source = source;
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

  /** The file this history was read from, or null. */
  public Path source() {
    return source;
  }

  /** The 1-based line on which the op at {@code position} starts in {@link #source()}, or 0 when unknown. */
  public long sourceLine(int position) {
    return lines == null || position < 0 || position >= lines.length ? 0 : lines[position];
  }

  /** The position in {@link #ops()} of the first op whose {@code index} is {@code opIndex}, or -1. */
  public int positionOf(long opIndex) {
    // indices are usually positions; look there first, then search
    if (opIndex >= 0 && opIndex < ops.size() && ops.get((int) opIndex).index() == opIndex) return (int) opIndex;
    for (int i = 0; i < ops.size(); i++) if (ops.get(i).index() == opIndex) return i;
    return -1;
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

  /**
   * Why no checker can judge this history, when it has no client operation at all: "the history has
   * no operations" or "... only nemesis operations (n)". Empty when there is something to check.
   */
  public Optional<String> nothingToCheck() {
    if (ops.isEmpty()) return Optional.of("the history has no operations");
    for (Op op : ops) if (!op.isNemesis()) return Optional.empty();
    return Optional.of("the history has only nemesis operations (" + operations().size() + ")");
  }

  /** A history of the client ops only. */
  public History clientOps() {
    return filter(op -> !op.isNemesis());
  }

  /** A history of the nemesis ops only. */
  public History nemesisOps() {
    return filter(Op::isNemesis);
  }

  /** The ops that match, in order; indices, source and source lines are kept. */
  public History filter(Predicate<Op> keep) {
    List<Op> kept = new ArrayList<>();
    long[] keptLines = lines == null ? null : new long[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      if (!keep.test(ops.get(i))) continue;
      if (keptLines != null) keptLines[kept.size()] = lines[i];
      kept.add(ops.get(i));
    }
    return new History(kept, null, keptLines == null ? null : java.util.Arrays.copyOf(keptLines, kept.size()), source);
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

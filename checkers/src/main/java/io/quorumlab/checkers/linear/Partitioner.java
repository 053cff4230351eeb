package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Splits a history into independent per-key histories (P-compositionality) and turns operations
 * into calls: failed operations never happened and are dropped; indeterminate read-only ones
 * cannot be observed and are dropped, and so are indeterminate calls whose effect no call of the
 * key observes ({@link Model#unobservable}); the nemesis is not part of the object.
 */
final class Partitioner {
  private Partitioner() {}

  private static final class Builder {
    final Object key;
    final List<Call> calls = new ArrayList<>();
    boolean[] ok = new boolean[16];
    int[] entries = new int[32]; // call id, or -(id + 1) for a return
    int nEntries;
    final List<Operation> operations = new ArrayList<>();

    Builder(Object key) {
      this.key = key;
    }

    void call(Call call, boolean isOk) {
      int id = calls.size();
      calls.add(call);
      if (id == ok.length) ok = Arrays.copyOf(ok, id * 2);
      ok[id] = isOk;
      entry(id);
    }

    void entry(int e) {
      if (nEntries == entries.length) entries = Arrays.copyOf(entries, nEntries * 2);
      entries[nEntries++] = e;
    }

    KeyHistory build(Model<?> model) {
      leaveOut(model.unobservable(calls));
      int n = calls.size();
      // Within the run of calls before the next return entry, the order of the calls decides only
      // which the search tries first, not which it may try: they are available in the same
      // configurations. Trying first the calls that return soonest (and last the indeterminate
      // ones, which may never have happened) finds a linearization sooner. Sorted as longs
      // (rank << 32 | call), so that no comparator boxes.
      long[] returnRank = new long[n];
      Arrays.fill(returnRank, Integer.MAX_VALUE);
      int rank = 0;
      for (int i = 0; i < nEntries; i++) if (entries[i] < 0) returnRank[-entries[i] - 1] = rank++;
      int[] e = new int[nEntries];
      int k = 0;
      long[] window = new long[n];
      int w = 0;
      for (int i = 0; i < nEntries; i++) {
        int v = entries[i];
        if (v >= 0) {
          window[w++] = returnRank[v] << 32 | v;
          continue;
        }
        Arrays.sort(window, 0, w);
        for (int j = 0; j < w; j++) e[k++] = (int) window[j];
        w = 0;
        e[k++] = n + (-v - 1);
      }
      Arrays.sort(window, 0, w);
      for (int j = 0; j < w; j++) e[k++] = (int) window[j];
      return new KeyHistory(key, calls.toArray(new Call[0]), Arrays.copyOf(ok, n), e, List.copyOf(operations));
    }

    /** Takes out the indeterminate calls that {@code unobservable} accepts (they have no return entry). */
    private void leaveOut(Predicate<Call> unobservable) {
      int n = calls.size();
      int[] newId = new int[n];
      List<Call> kept = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        newId[i] = ok[i] || !unobservable.test(calls.get(i)) ? kept.size() : -1;
        if (newId[i] >= 0) {
          ok[kept.size()] = ok[i];
          kept.add(calls.get(i));
        }
      }
      if (kept.size() == n) return;
      int k = 0;
      for (int i = 0; i < nEntries; i++) {
        int v = entries[i];
        int id = v >= 0 ? v : -v - 1;
        if (newId[id] < 0) continue;
        entries[k++] = v >= 0 ? newId[id] : -(newId[id] + 1);
      }
      nEntries = k;
      calls.clear();
      calls.addAll(kept);
    }
  }

  /**
   * @param independent whether the values are jepsen.independent [key value] tuples
   *     ({@link IndependentTuples}), whose keys partition the history
   * @throws IllegalArgumentException when an operation's f is not one the model knows
   */
  static List<KeyHistory> split(History history, Model<?> model, boolean independent) {
    List<Op> ops = history.ops();
    Map<Object, Builder> byKey = new LinkedHashMap<>();
    Set<String> functions = model.functions();
    Builder[] returnsTo = new Builder[ops.size()];
    int[] returnId = new int[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op.isNemesis()) continue;
      if (op.type() != OpType.INVOKE) {
        Builder b = returnsTo[i];
        if (b != null) b.entry(-(returnId[i] + 1));
        continue;
      }
      int p = history.partnerOf(i);
      Operation operation = new Operation(op, p > i ? ops.get(p) : null);
      if (!functions.contains(op.f())) {
        throw new IllegalArgumentException("model " + model.name() + " cannot check f '" + op.f() + "' (process "
            + op.process() + ", index " + op.index() + "); it knows " + String.join(", ", new java.util.TreeSet<>(model.functions()))
            + (independent ? "; this history's values are jepsen.independent [key value] tuples, which the register and"
                + " cas-register models check key by key" : ""));
      }
      Call call = independent ? IndependentTuples.call(operation, history, p) : Call.of(operation);
      Object key = model.partition(call);
      Builder b = byKey.computeIfAbsent(key, Builder::new);
      b.operations.add(operation);
      if (operation.isFail()) continue;
      if (!operation.isOk() && model.isReadOnly(call)) continue;
      int id = b.calls.size();
      b.call(call, operation.isOk());
      if (operation.isOk()) {
        returnsTo[p] = b;
        returnId[p] = id;
      }
    }
    List<KeyHistory> result = new ArrayList<>(byKey.size());
    for (Builder b : byKey.values()) result.add(b.build(model));
    return result;
  }
}

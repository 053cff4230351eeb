package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.gen.RegisterHistories;
import io.quorumlab.checkers.gen.RegisterHistories.Shape;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The search skips indeterminate calls in four ways (one that would not change the state, one taken
 * before an interchangeable twin it should follow, one whose effect nobody observed, and a call
 * right after one that reaches the same state without it), takes reads that fit first, and drops
 * kv states that a later get cannot read (look-ahead). Each must keep every verdict: here the
 * checker is compared with a plain search written for this test
 * (every order that respects real time, indeterminate calls anywhere after their invocation or
 * never, memoized on (calls taken, state)) on small generated histories with many indeterminate
 * calls and few distinct values, so that no-op and interchangeable indeterminate calls are common; some histories have
 * falsified reads, so that both verdicts occur.
 */
class SearchReductionsTest {
  private static final int SEEDS = 1500;

  @Test
  void casRegisterHistoriesWithManyIndeterminateCallsKeepTheirVerdicts() {
    int[] verdicts = new int[2];
    for (long seed = 1; seed <= SEEDS; seed++) {
      Random r = new Random(seed);
      Shape shape = new Shape(true, 2 + r.nextInt(2), 1, 3 + r.nextInt(4), 8 + r.nextInt(16), 0.1, 0.2 + r.nextDouble() * 0.4, 0, r.nextBoolean());
      History h = RegisterHistories.generate(seed, shape).history();
      if (anyOk(h)) verdicts[agree(h, RegisterModel.casRegister(), seed)]++;
    }
    assertThat(verdicts[0]).as("linearizable histories").isGreaterThan(SEEDS / 5);
    assertThat(verdicts[1]).as("non-linearizable histories").isGreaterThan(SEEDS / 10);
  }

  /**
   * Many distinct values: most timed-out writes and cas calls are never read, and the checker leaves
   * them out of the search ({@link Model#unobservable}); the plain search keeps them all.
   */
  @Test
  void registerHistoriesWithUnreadIndeterminateCallsKeepTheirVerdicts() {
    int[] verdicts = new int[2];
    int leftOut = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Random r = new Random(seed);
      boolean cas = r.nextBoolean();
      Shape shape = new Shape(cas, 6 + r.nextInt(10), 1, 3 + r.nextInt(4), 8 + r.nextInt(16), 0.1, 0.2 + r.nextDouble() * 0.4, 0, r.nextBoolean());
      History h = RegisterHistories.generate(seed, shape).history();
      Model<?> model = cas ? RegisterModel.casRegister() : RegisterModel.register();
      if (!anyOk(h)) continue;
      verdicts[agree(h, model, seed)]++;
      if (leavesOutACall(h, model)) leftOut++;
    }
    assertThat(verdicts[0]).as("linearizable histories").isGreaterThan(SEEDS / 5);
    assertThat(verdicts[1]).as("non-linearizable histories").isGreaterThan(SEEDS / 10);
    assertThat(leftOut).as("histories with an indeterminate call left out").isGreaterThan(SEEDS / 3);
  }

  @Test
  void kvHistoriesWithManyIndeterminateCallsKeepTheirVerdicts() {
    int[] verdicts = new int[2];
    for (long seed = 1; seed <= SEEDS; seed++) {
      History h = kv(seed, 0.6);
      if (anyOk(h)) verdicts[agree(h, new KvModel(), seed)]++;
    }
    assertThat(verdicts[0]).as("linearizable histories").isGreaterThan(SEEDS / 5);
    assertThat(verdicts[1]).as("non-linearizable histories").isGreaterThan(SEEDS / 10);
  }

  /** Many concurrent appends and gets, all ok: look-ahead decides most configurations. */
  @Test
  void kvHistoriesOfConcurrentAppendsKeepTheirVerdicts() {
    int[] verdicts = new int[2];
    for (long seed = 1; seed <= SEEDS; seed++) {
      History h = kv(seed, 0);
      if (anyOk(h)) verdicts[agree(h, new KvModel(), seed)]++;
    }
    assertThat(verdicts[0]).as("linearizable histories").isGreaterThan(SEEDS / 5);
    assertThat(verdicts[1]).as("non-linearizable histories").isGreaterThan(SEEDS / 10);
  }

  /** Without an ok op nothing was observed, and the checker says so instead of a verdict. */
  private static boolean anyOk(History h) {
    return h.ops().stream().anyMatch(o -> o.type() == OpType.OK);
  }

  private static boolean leavesOutACall(History h, Model<?> model) {
    List<Op> ops = h.ops();
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      int p = h.partnerOf(i);
      if (ops.get(i).type() == OpType.INVOKE) calls.add(Call.of(new Operation(ops.get(i), p > i ? ops.get(p) : null)));
    }
    var unobservable = model.unobservable(calls);
    return calls.stream().anyMatch(c -> !c.outputKnown() && !c.op().isFail() && !model.isReadOnly(c) && unobservable.test(c));
  }

  /** 0 when both say linearizable, 1 when both say not; fails when they differ. */
  private static int agree(History h, Model<?> model, long seed) {
    CheckResult r = new LinearizabilityChecker(model).check(h, CheckContext.defaults());
    boolean expected = plainSearch(h, model);
    assertThat(r.verdict()).as("seed %d: %s", seed, h.ops()).isEqualTo(expected ? Verdict.VALID : Verdict.INVALID);
    return expected ? 0 : 1;
  }

  /** Whether the (single-key) history is linearizable, by the definition and nothing else. */
  @SuppressWarnings("unchecked")
  static boolean plainSearch(History h, Model<?> m) {
    Model<Object> model = (Model<Object>) m;
    List<Op> ops = h.ops();
    List<Call> calls = new ArrayList<>();
    List<long[]> times = new ArrayList<>(); // [invoke position, ok completion position or MAX]
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i).type() != OpType.INVOKE) continue;
      int p = h.partnerOf(i);
      Operation op = new Operation(ops.get(i), p > i ? ops.get(p) : null);
      if (op.isFail()) continue;
      calls.add(Call.of(op));
      times.add(new long[] {i, op.isOk() ? p : Long.MAX_VALUE});
    }
    assertThat(calls.size()).isLessThan(64);
    return search(model, calls, times, 0L, model.initial(), new HashSet<>());
  }

  private record Seen(long taken, Object state) {}

  private static boolean search(Model<Object> model, List<Call> calls, List<long[]> times, long taken, Object state, Set<Seen> seen) {
    boolean allOk = true;
    for (int i = 0; i < calls.size(); i++) allOk &= (taken & 1L << i) != 0 || !calls.get(i).outputKnown();
    if (allOk) return true;
    if (!seen.add(new Seen(taken, state))) return false;
    for (int c = 0; c < calls.size(); c++) {
      if ((taken & 1L << c) != 0 || !mayGoNext(c, calls, times, taken)) continue;
      Object after = model.step(state, calls.get(c));
      if (after != null && search(model, calls, times, taken | 1L << c, after, seen)) return true;
    }
    return false;
  }

  /** No call left out returned before {@code c} was invoked. */
  private static boolean mayGoNext(int c, List<Call> calls, List<long[]> times, long taken) {
    for (int d = 0; d < calls.size(); d++) {
      if ((taken & 1L << d) == 0 && times.get(d)[1] < times.get(c)[0]) return false;
    }
    return true;
  }

  /**
   * A kv key used by a few processes, recorded from a store that is linearizable by construction
   * (each op takes effect at one instant after its invocation: before its completion when ok, any
   * time or never when indeterminate), values from a small set; half the histories then have one
   * get changed to a value of the same set. Up to {@code maxInfo} of the puts and appends are
   * indeterminate.
   */
  static History kv(long seed, double maxInfo) {
    Random r = new Random(seed);
    int processes = 3 + r.nextInt(5);
    int operations = 8 + r.nextInt(16);
    double info = r.nextDouble() * maxInfo;
    String[] values = {"a", "b", "ab"};
    long[] free = new long[processes];
    long[] ids = new long[processes];
    for (int p = 0; p < processes; p++) ids[p] = p;
    record Planned(long process, String f, String input, long invoke, long complete, boolean indeterminate, long effect) {}
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      int slot = r.nextInt(processes);
      long invoke = free[slot] + 1 + r.nextInt(10);
      long complete = invoke + 1 + r.nextInt(30);
      int pick = r.nextInt(3);
      String f = pick == 0 ? "get" : pick == 1 ? "put" : "append";
      boolean indeterminate = !f.equals("get") && r.nextDouble() < info;
      long effect = indeterminate ? (r.nextBoolean() ? -1 : invoke + 1 + r.nextInt(80)) : invoke + r.nextInt((int) (complete - invoke));
      planned.add(new Planned(ids[slot], f, f.equals("get") ? null : values[r.nextInt(values.length)], invoke, complete, indeterminate, effect));
      free[slot] = complete;
      if (indeterminate) ids[slot] += processes;
    }
    List<Integer> byEffect = new ArrayList<>();
    for (int i = 0; i < operations; i++) if (planned.get(i).effect() >= 0) byEffect.add(i);
    byEffect.sort(Comparator.comparingLong(i -> planned.get(i).effect()));
    String[] read = new String[operations];
    String state = "";
    for (int i : byEffect) {
      Planned p = planned.get(i);
      switch (p.f()) {
        case "put" -> state = p.input();
        case "append" -> state = state + p.input();
        default -> read[i] = state;
      }
    }
    if (r.nextBoolean()) {
      for (int i = 0; i < operations; i++) {
        if (planned.get(i).f().equals("get")) {
          read[i] = values[r.nextInt(values.length)];
          break;
        }
      }
    }
    record Event(long time, Op op) {}
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      Planned p = planned.get(i);
      events.add(new Event(2 * p.invoke(), Op.of(0, p.invoke(), p.process(), OpType.INVOKE, p.f(), "k", p.input())));
      Object out = p.f().equals("get") ? read[i] : p.input();
      events.add(new Event(2 * p.complete() + 1, Op.of(0, p.complete(), p.process(), p.indeterminate() ? OpType.INFO : OpType.OK, p.f(), "k", out)));
    }
    events.sort(Comparator.comparingLong(Event::time));
    List<Op> ops = new ArrayList<>();
    for (Event e : events) ops.add(e.op().withIndex(ops.size()));
    assertThat(ops).allMatch(o -> Objects.equals(o.key(), "k"));
    return new History(ops);
  }
}

package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Histories long enough that the search stores its sets as windows, recorded from a register that
 * is linearizable by construction (each operation takes effect at one instant between its
 * invocation and its completion; an indeterminate write takes effect or not), and the same history
 * with one early read changed to a value nobody wrote.
 */
class GeneratedRegisterTest {
  private record Event(long time, Op op) {}

  static List<Op> record(long seed, int operations) {
    SplittableRandom random = new SplittableRandom(seed);
    int processes = 5;
    long[] free = new long[processes];
    long[] ids = new long[processes];
    for (int p = 0; p < processes; p++) ids[p] = p;
    List<long[]> effects = new ArrayList<>(); // [time, process slot, op number]
    List<Object[]> ops = new ArrayList<>();   // [process, f, input, invoke time, complete time, type]
    for (int i = 0; i < operations; i++) {
      int slot = random.nextInt(processes);
      long invoke = free[slot] + random.nextInt(1, 20);
      long complete = invoke + random.nextInt(1, 60);
      boolean write = random.nextBoolean();
      boolean info = write && random.nextInt(40) == 0;
      ops.add(new Object[] {ids[slot], write ? "write" : "read", write ? (Object) (long) i : null, invoke, complete, info ? OpType.INFO : OpType.OK});
      if (!info || random.nextBoolean()) effects.add(new long[] {random.nextLong(invoke, complete), i});
      free[slot] = complete;
      if (info) ids[slot] += processes; // Jepsen gives a crashed process a new number
    }
    effects.sort(Comparator.comparingLong(e -> e[0]));
    Object[] read = new Object[operations];
    Object state = null;
    for (long[] e : effects) {
      Object[] o = ops.get((int) e[1]);
      if (o[1].equals("write")) state = o[2];
      else read[(int) e[1]] = state;
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      Object[] o = ops.get(i);
      long process = (long) o[0];
      String f = (String) o[1];
      events.add(new Event(2 * (long) o[3], Op.of(0, (long) o[3], process, OpType.INVOKE, f, null, o[2])));
      Object out = f.equals("read") ? read[i] : o[2];
      events.add(new Event(2 * (long) o[4] + 1, Op.of(0, (long) o[4], process, (OpType) o[5], f, null, out)));
    }
    events.sort(Comparator.comparingLong(Event::time));
    List<Op> result = new ArrayList<>();
    for (Event e : events) result.add(e.op().withIndex(result.size()));
    return result;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void recordedRegisterIsLinearizableAndOneBadReadIsNot(long seed) {
    List<Op> ops = record(seed, 1500);
    LinearizabilityChecker checker = new LinearizabilityChecker(RegisterModel.register());
    CheckResult valid = checker.check(new History(ops), CheckContext.defaults());
    assertThat(valid.verdict()).as(valid.summary()).isEqualTo(Verdict.VALID);

    // early, so that the search meets it before it has many orders to try (a violation at the end
    // of a long concurrent history can take any search exponential time)
    int early = 100;
    while (!(ops.get(early).isOk() && ops.get(early).f().equals("read"))) early++;
    List<Op> bad = new ArrayList<>(ops);
    bad.set(early, ops.get(early).withValue(-1L));
    CheckResult invalid = checker.check(new History(bad), CheckContext.defaults());
    assertThat(invalid.verdict()).as(invalid.summary()).isEqualTo(Verdict.INVALID);
    assertThat(String.join("\n", invalid.explanation())).contains("cannot be placed next: read returned -1");
  }
}

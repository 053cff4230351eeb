package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduler's first pass on the calling thread (the fast path of small histories) and its
 * threads must reach the same verdict on every key, however far the first pass gets: generated
 * multi-key register histories, linearizable by construction, with a bad read in some keys.
 */
class SchedulerPathsTest {

  /** Keys of 10-400 operations each, recorded independently and interleaved by time. */
  private static History keyed(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int keys = random.nextInt(1, 9);
    List<Op> all = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      List<Op> ops = GeneratedRegisterTest.record(seed * 31 + k, random.nextInt(10, 400));
      if (random.nextInt(3) == 0) {
        // one ok read returns a value nobody wrote: this key is not linearizable
        int i = random.nextInt(ops.size());
        while (i < ops.size() && !(ops.get(i).isOk() && ops.get(i).f().equals("read"))) i++;
        if (i < ops.size()) ops.set(i, ops.get(i).withValue(-1L));
      }
      for (Op o : ops) all.add(Op.of(0, o.time(), o.process() + 1_000_000L * k, o.type(), o.f(), (long) k, o.value()));
    }
    all.sort(Comparator.comparingLong(Op::time)); // stable: a key's own order is kept
    List<Op> indexed = new ArrayList<>();
    for (Op o : all) indexed.add(o.withIndex(indexed.size()));
    return new History(indexed);
  }

  @ParameterizedTest(name = "first slice {0}")
  @ValueSource(ints = {1, 50, 4096})
  void firstPassAndThreadsAgreeOnEveryKey(int firstSlice) {
    Model<?> model = RegisterModel.register();
    int invalidKeys = 0;
    for (long seed = 1; seed <= 40; seed++) {
      History h = keyed(seed);
      List<KeyHistory> keys = Partitioner.split(h, model, false);
      SearchResult[] threads = searchAll(model, keys, 0);
      SearchResult[] first = searchAll(model, keys, firstSlice);
      for (int i = 0; i < keys.size(); i++) {
        assertThat(first[i].verdict()).as("seed %d key %s", seed, keys.get(i).key()).isEqualTo(threads[i].verdict()).isNotEqualTo(Verdict.UNKNOWN);
        if (first[i].verdict() == Verdict.INVALID) invalidKeys++;
      }
    }
    assertThat(invalidKeys).as("some keys are not linearizable, so both verdicts are exercised").isGreaterThan(5);
  }

  private static SearchResult[] searchAll(Model<?> model, List<KeyHistory> keys, int firstSlice) {
    Budget budget = new Budget(Long.MAX_VALUE, Long.MAX_VALUE);
    return KeyScheduler.searchAll(model, keys, true, budget, CheckContext.defaults(), firstSlice);
  }
}

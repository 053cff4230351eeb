package io.quorumlab.checkers.stale;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.gen.RegisterHistories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexed answers of {@link KnownWrites} agree with a scan of every known write. */
class KnownWritesTest {

  @Test
  void agreesWithAScanOnGeneratedRegisters() {
    int queries = 0;
    for (long seed = 0; seed < 300; seed++) {
      History h = RegisterHistories.generate(seed, seed % 2 == 0).history();
      for (Map.Entry<Object, List<Operation>> e : h.operationsByKey().entrySet()) {
        RegisterKey register = new RegisterKey(e.getKey(), e.getValue());
        List<Known> all = new ArrayList<>(register.known());
        KnownWrites index = new KnownWrites(all);
        Random random = new Random(seed);
        int q = 200;
        long[] after = new long[q];
        long[] before = new long[q];
        for (int i = 0; i < q; i++) {
          after[i] = random.nextInt(h.size() + 1) - 1;
          before[i] = random.nextInt(h.size() + 1);
        }
        int[] counts = index.countMissed(after, before);
        for (int i = 0; i < q; i++) {
          long a = after[i];
          long b = before[i];
          List<Known> missed = all.stream().filter(k -> k.writer().invokeIndex() > a && k.atIndex() < b).toList();
          assertThat(counts[i]).as("seed %d after %d before %d", seed, a, b).isEqualTo(missed.size());
          Known first = index.firstMissed(a, b);
          if (missed.isEmpty()) {
            assertThat(first).isNull();
          } else {
            assertThat(first.atIndex()).isEqualTo(missed.stream().mapToLong(Known::atIndex).min().orElseThrow());
          }
        }
        queries += q;
      }
    }
    assertThat(queries).isGreaterThan(50_000);
  }
}

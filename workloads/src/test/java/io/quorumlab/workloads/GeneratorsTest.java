package io.quorumlab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.workloads.listappend.ListAppendWorkload;
import io.quorumlab.workloads.register.RegisterWorkload;
import io.quorumlab.workloads.set.SetWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorsTest {

  static Stream<Workload> workloads() {
    return Stream.of(new RegisterWorkload(), new ListAppendWorkload(), new SetWorkload());
  }

  private static List<Invocation> take(InvocationGenerator g, int n) {
    List<Invocation> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(g.next());
    return out;
  }

  @ParameterizedTest
  @MethodSource("workloads")
  void equalSeedsGiveEqualSequencesAndOtherSeedsDiffer(Workload w) {
    assertThat(take(w.generator(new SplittableRandom(42)), 2000)).isEqualTo(take(w.generator(new SplittableRandom(42)), 2000));
    assertThat(take(w.generator(new SplittableRandom(42)), 2000)).isNotEqualTo(take(w.generator(new SplittableRandom(43)), 2000));
  }

  @ParameterizedTest
  @MethodSource("workloads")
  void writtenValuesAreUniqueAndIncreasingPerKey(Workload w) {
    Map<Object, Long> last = new HashMap<>();
    Set<Object> seen = new HashSet<>();
    int writes = 0;
    for (Invocation inv : take(w.generator(new SplittableRandom(7)), 5000)) {
      Object key = keyOf(inv);
      Long v = writtenValue(inv);
      if (v == null) continue;
      writes++;
      assertThat(seen.add(key + "/" + v)).as("value %s written twice to key %s", v, key).isTrue();
      Long previous = last.put(key, v);
      if (previous != null) assertThat(v).isGreaterThan(previous);
    }
    assertThat(writes).isGreaterThan(1000);
  }

  @ParameterizedTest
  @MethodSource("workloads")
  void keysRotateAndFinalReadsCoverEveryKeyUsed(Workload w) {
    InvocationGenerator g = w.generator(new SplittableRandom(3));
    Set<Object> used = new HashSet<>();
    for (Invocation inv : take(g, 5000)) used.add(keyOf(inv));
    assertThat(used.size()).as("5000 ops spread over rotating keys").isGreaterThan(15);
    Set<Object> finalKeys = new HashSet<>();
    for (Invocation inv : g.finalReads()) {
      assertThat(writtenValue(inv)).isNull();
      finalKeys.add(keyOf(inv));
    }
    assertThat(finalKeys).isEqualTo(used);
  }

  private static Object keyOf(Invocation inv) {
    return inv.key() != null ? inv.key() : ((List<?>) ((List<?>) inv.value()).get(0)).get(1);
  }

  private static Long writtenValue(Invocation inv) {
    return switch (inv.f()) {
      case "write", "add" -> (Long) inv.value();
      case "txn" -> {
        List<?> mop = (List<?>) ((List<?>) inv.value()).get(0);
        yield "append".equals(mop.get(0)) ? (Long) mop.get(2) : null;
      }
      default -> null;
    };
  }
}

package io.quorumlab.store.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Both stores obey the same contract; the durable one also survives a reopen. */
class HintStoreTest {
  private static byte[] b(String s) {
    return s.getBytes();
  }

  private static void contract(Supplier<HintStore> fresh) {
    HintStore store = fresh.get();
    Hint first = store.add("n2", b("k1"), b("v1"), 100);
    Hint second = store.add("n2", b("k2"), b("v2"), 101);
    store.add("n10", b("k3"), b("v3"), 102);
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(store.owners()).containsExactly("n10", "n2");
    assertThat(store.count("n2")).isEqualTo(2);
    assertThat(store.count("n1")).isZero();

    List<Hint> oldest = store.oldest("n2", 10, 1 << 20);
    assertThat(oldest).extracting(Hint::id).containsExactly(first.id(), second.id());
    assertThat(oldest.get(0).key()).isEqualTo(b("k1"));
    assertThat(oldest.get(0).value()).isEqualTo(b("v1"));
    assertThat(oldest.get(0).createdAt()).isEqualTo(100);
    assertThat(store.oldest("n2", 1, 1 << 20)).extracting(Hint::id).containsExactly(first.id());
    assertThat(store.oldest("n2", 10, 1)).as("the first hint goes even when larger than the byte cap").hasSize(1);
    assertThat(store.oldest("n1", 10, 1 << 20)).isEmpty();

    assertThat(store.delete("n2", new long[] {first.id(), 999})).isEqualTo(1);
    assertThat(store.delete("n2", new long[] {first.id()})).isZero();
    assertThat(store.delete("n10", new long[] {second.id()})).as("ids belong to their owner").isZero();
    assertThat(store.count("n2")).isEqualTo(1);
    assertThat(store.delete("n2", new long[] {second.id()})).isEqualTo(1);
    assertThat(store.owners()).containsExactly("n10");
  }

  @Test
  void inMemoryStoreKeepsTheContract() {
    contract(InMemoryHintStore::new);
  }

  @Test
  void durableStoreKeepsTheContract() {
    contract(() -> new DurableHintStore(new TreeMapBytes()));
  }

  @Test
  void durableStoreSurvivesAReopenAndKeepsIdsIncreasing() {
    TreeMapBytes disk = new TreeMapBytes();
    DurableHintStore before = new DurableHintStore(disk);
    for (int i = 0; i < 300; i++) {
      before.add(i % 3 == 0 ? "n1" : "n3", b("k" + i), b("value-" + i), i);
    }
    Hint last = before.add("n3", b("last"), b("v"), 1000);
    before.delete("n1", before.oldest("n1", 50, 1 << 20).stream().mapToLong(Hint::id).toArray());

    DurableHintStore after = new DurableHintStore(disk);
    assertThat(after.owners()).containsExactly("n1", "n3");
    assertThat(after.count("n1")).isEqualTo(50);
    assertThat(after.count("n3")).isEqualTo(201);
    assertThat(after.oldest("n3", 1000, 1 << 20)).last().satisfies(h -> {
      assertThat(h.id()).isEqualTo(last.id());
      assertThat(h.key()).isEqualTo(b("last"));
      assertThat(h.createdAt()).isEqualTo(1000);
    });
    assertThat(after.add("n1", b("new"), b("v"), 2000).id()).isGreaterThan(last.id());
    assertThat(disk.map).hasSize(252);
  }

  @Test
  void durableStoreRefusesCorruptRecordsAndNulInOwners() {
    TreeMapBytes disk = new TreeMapBytes();
    DurableHintStore store = new DurableHintStore(disk);
    assertThatThrownBy(() -> store.add("bad\0id", b("k"), b("v"), 1)).hasMessageContaining("NUL");
    store.add("n1", b("k"), b("v"), 1);
    disk.map.replaceAll((k, v) -> new byte[] {1, 2, 3});
    assertThatThrownBy(() -> store.oldest("n1", 10, 1 << 20)).hasMessageContaining("corrupt hint record");
    disk.map.put(new byte[] {1, 2}, new byte[0]);
    assertThatThrownBy(() -> new DurableHintStore(disk)).hasMessageContaining("corrupt hint record key");
  }
}

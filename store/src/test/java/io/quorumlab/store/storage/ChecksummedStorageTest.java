package io.quorumlab.store.storage;

import static io.quorumlab.store.storage.RocksStorageTest.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChecksummedStorageTest {

  @Test
  void behavesAsTheEngineForIntactRecords() {
    new RocksStorageTest().exercise(ChecksummedStorage.recover(new MemoryStorage(), "test"));
  }

  @Test
  void aFlippedByteIsRefusedOnReadAndSkippedByScans() {
    MemoryStorage engine = new MemoryStorage();
    ChecksummedStorage s = ChecksummedStorage.recover(engine, "test");
    s.put(Storage.Space.DATA, b("a"), b("value a"));
    s.put(Storage.Space.DATA, b("b"), b("value b"));
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) { // wherever the flip lands, header or value
      engine.put(Storage.Space.DATA, b("a"), RecordDamage.flipped(ChecksummedStorage.seal(Storage.Space.DATA, b("a"), b("value a")), random));
      assertThatThrownBy(() -> s.get(Storage.Space.DATA, b("a"))).isInstanceOf(DamagedRecordException.class)
          .hasMessageContaining("'a' is damaged");
    }
    List<String> seen = new ArrayList<>();
    s.scan(Storage.Space.DATA, new byte[0], (k, v) -> seen.add(new String(k) + "=" + new String(v)));
    assertThat(seen).containsExactly("b=value b");
    assertThat(s.get(Storage.Space.DATA, b("b"))).isEqualTo(b("value b"));
  }

  @Test
  void aRecordMovedToAnotherKeyOrSpaceIsDamaged() {
    MemoryStorage engine = new MemoryStorage();
    ChecksummedStorage s = ChecksummedStorage.recover(engine, "test");
    s.put(Storage.Space.DATA, b("a"), b("x"));
    engine.put(Storage.Space.DATA, b("b"), engine.get(Storage.Space.DATA, b("a")));
    engine.put(Storage.Space.HINTS, b("a"), engine.get(Storage.Space.DATA, b("a")));
    assertThatThrownBy(() -> s.get(Storage.Space.DATA, b("b"))).isInstanceOf(DamagedRecordException.class);
    assertThatThrownBy(() -> s.get(Storage.Space.HINTS, b("a"))).isInstanceOf(DamagedRecordException.class);
  }

  @Test
  void recoveryDiscardsTornAndCorruptRecordsAndKeepsTheRest() {
    MemoryStorage engine = new MemoryStorage();
    ChecksummedStorage before = ChecksummedStorage.recover(engine, "test");
    for (int i = 0; i < 10; i++) before.put(Storage.Space.DATA, b("k" + i), b("value " + i));
    before.put(Storage.Space.META, b("generation"), b("12345678"));
    SplittableRandom random = new SplittableRandom(3);
    engine.put(Storage.Space.DATA, b("k3"), RecordDamage.torn(engine.get(Storage.Space.DATA, b("k3")), random));
    engine.put(Storage.Space.DATA, b("k7"), RecordDamage.flipped(engine.get(Storage.Space.DATA, b("k7")), random));
    ChecksummedStorage after = ChecksummedStorage.recover(engine, "test");
    assertThat(after.discarded()).isEqualTo(2);
    assertThat(engine.get(Storage.Space.DATA, b("k3"))).isNull();
    assertThat(engine.get(Storage.Space.DATA, b("k7"))).isNull();
    for (int i = 0; i < 10; i++) {
      if (i != 3 && i != 7) assertThat(after.get(Storage.Space.DATA, b("k" + i))).isEqualTo(b("value " + i));
    }
    assertThat(after.get(Storage.Space.META, b("generation"))).isEqualTo(b("12345678"));
  }
}

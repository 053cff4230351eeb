package io.quorumlab.store.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AntiEntropySessionTest {
  private static final TokenRange RING = TokenRange.fullRing();

  /** A payload of about 100 bytes, like a small value with its vector clock. */
  private static String version(Random random, String tag) {
    StringBuilder s = new StringBuilder(104).append(tag).append('-');
    while (s.length() < 100) {
      long bits = random.nextLong() & Long.MAX_VALUE;
      for (int i = 0; i < 12 && s.length() < 100; i++, bits /= 26) {
        s.append((char) ('a' + bits % 26));
      }
    }
    return s.toString();
  }

  private static void fill(SetReplica a, SetReplica b, int keys, Random random) {
    for (int i = 0; i < keys; i++) {
      byte[] key = SetReplica.key("key" + i);
      byte[] value = SetReplica.key(version(random, "v" + i));
      a.putEncoded(key, value);
      if (b != null) {
        b.putEncoded(key, value);
      }
    }
  }

  /**
   * Makes {@code count} keys differ, a fifth each: only on a, only on b, a newer version on a, on
   * b, and concurrent versions on both. Returns the keys that differ.
   */
  private static Set<String> diverge(SetReplica a, SetReplica b, int keys, int count, Random random) {
    Set<String> chosen = new HashSet<>();
    while (chosen.size() < count) {
      chosen.add("key" + random.nextInt(keys));
    }
    Set<String> differing = new HashSet<>();
    int i = 0;
    for (String key : chosen) {
      switch (i++ % 5) {
        case 0 -> {
          a.put(key + "-only-a", Set.of(version(random, "x")));
          differing.add(key + "-only-a");
        }
        case 1 -> {
          b.put(key + "-only-b", Set.of(version(random, "y")));
          differing.add(key + "-only-b");
        }
        case 2 -> {
          a.put(key, SetReplica.union(a.get(key), Set.of(version(random, "a"))));
          differing.add(key);
        }
        case 3 -> {
          b.put(key, SetReplica.union(b.get(key), Set.of(version(random, "b"))));
          differing.add(key);
        }
        default -> {
          a.put(key, SetReplica.union(a.get(key), Set.of(version(random, "ca"))));
          b.put(key, SetReplica.union(b.get(key), Set.of(version(random, "cb"))));
          differing.add(key);
        }
      }
    }
    return differing;
  }

  /** What a full transfer of {@code replica} costs in the same encoding: every key and value. */
  private static long fullCopyBytes(SetReplica replica) {
    List<KeyValue> all = new ArrayList<>();
    replica.values.forEach((k, v) -> all.add(new KeyValue(k.array(), v)));
    return SyncCodec.encodedSize(new SyncValues("a", 1, all, List.of(), true));
  }

  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** Runs a small sync first so the timings printed below are of JIT-compiled code. */
  private static void warmUp() {
    Random random = new Random(99);
    SetReplica a = new SetReplica(RING, 12);
    SetReplica b = new SetReplica(RING, 12);
    fill(a, b, 20_000, random);
    diverge(a, b, 20_000, 2_000, random);
    new SyncPair(a, b, AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES).run(1);
    SetReplica empty = new SetReplica(RING, 12);
    new SyncPair(empty, a, AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES).run(2);
  }

  @Test
  void identicalReplicasExchangeOnlyTheRoot() {
    SetReplica a = new SetReplica(RING, 16);
    SetReplica b = new SetReplica(RING, 16);
    fill(a, b, 10_000, new Random(1));
    SyncPair pair = new SyncPair(a, b, AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES).run(7);
    assertThat(pair.messages).isEqualTo(2);
    assertThat(pair.initiator.outcome()).isEqualTo(AntiEntropySession.Outcome.IN_SYNC);
    assertThat(pair.responder.outcome()).isEqualTo(AntiEntropySession.Outcome.IN_SYNC);
    assertThat(pair.initiator.stats().hashesSent()).isEqualTo(1);
    assertThat(pair.wireBytes).isLessThan(80);
    assertThat(a.scans + b.scans).isZero();
  }

  @Test
  void onePercentDivergenceIn100kKeysIsFoundExactlyAndCostsFarLessThanACopy() {
    Random random = new Random(2);
    SetReplica a = new SetReplica(RING, 16);
    SetReplica b = new SetReplica(RING, 16);
    fill(a, b, 100_000, random);
    Set<String> differing = diverge(a, b, 100_000, 1000, random);
    long fullCopy = fullCopyBytes(a);
    warmUp();

    long start = System.nanoTime();
    long cpuStart = cpuNanos();
    SyncPair pair = new SyncPair(a, b, AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES).run(8);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (cpuNanos() - cpuStart) / 1_000_000;

    assertThat(pair.initiator.outcome()).isEqualTo(AntiEntropySession.Outcome.REPAIRED);
    assertThat(pair.responder.outcome()).isEqualTo(AntiEntropySession.Outcome.REPAIRED);
    assertThat(a.sameContents(b)).isTrue();
    assertThat(a.tree.root()).isEqualTo(b.tree.root());
    Set<String> repaired = new HashSet<>(a.repairedKeys);
    repaired.addAll(b.repairedKeys);
    assertThat(repaired).isEqualTo(differing);
    // Each side wrote exactly the keys it lacked something of (3 of the 5 kinds each).
    assertThat(a.repairedKeys).hasSize(600);
    assertThat(b.repairedKeys).hasSize(600);
    SyncStats stats = pair.initiator.stats();
    SyncStats other = pair.responder.stats();
    assertThat(stats.bytesExchanged()).isEqualTo(pair.wireBytes);
    // Digests are opaque, so for a key held in two versions both travel and both sides merge:
    // 400 one-sided keys once, 600 two-version keys twice.
    assertThat(stats.valuesSent() + stats.valuesReceived()).isEqualTo(1600);
    double ratio = pair.wireBytes / (double) fullCopy;
    assertThat(ratio).isLessThan(0.05);
    System.out.printf("[ae] 100k keys, 1%% divergent, depth 16: %d bytes in %d messages (tree hashes %d, differing leaves %d, "
        + "key digests %d, values %d) vs full copy %d bytes: %.2f%%; both sides in one thread: %d ms wall, %d ms CPU%n",
        pair.wireBytes, pair.messages, stats.hashesSent() + other.hashesSent(), stats.differingLeaves(),
        stats.keyDigestsSent() + other.keyDigestsSent(), stats.valuesSent() + stats.valuesReceived(), fullCopy,
        100 * ratio, millis, cpuMillis);

    SyncPair again = new SyncPair(a, b, AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES).run(9);
    assertThat(again.messages).isEqualTo(2);
  }

  @Test
  void aShallowTreeStillRepairsExactlyButShipsManyMoreDigests() {
    Random random = new Random(3);
    SetReplica a = new SetReplica(RING, 10);
    SetReplica b = new SetReplica(RING, 10);
    fill(a, b, 100_000, random);
    Set<String> differing = diverge(a, b, 100_000, 1000, random);
    long fullCopy = fullCopyBytes(a);
    SyncPair pair = new SyncPair(a, b, AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES).run(10);
    assertThat(a.sameContents(b)).isTrue();
    Set<String> repaired = new HashSet<>(a.repairedKeys);
    repaired.addAll(b.repairedKeys);
    assertThat(repaired).isEqualTo(differing);
    double ratio = pair.wireBytes / (double) fullCopy;
    assertThat(ratio).isLessThan(0.5);
    System.out.printf("[ae] 100k keys, 1%% divergent, depth 10: %d bytes (%d key digests) = %.2f%% of a full copy%n",
        pair.wireBytes, pair.initiator.stats().keyDigestsSent() + pair.responder.stats().keyDigestsSent(), 100 * ratio);
  }

  @Test
  void aWipedReplicaGetsEverythingWithoutADescent() {
    warmUp();
    SetReplica full = new SetReplica(RING, 16);
    fill(full, null, 100_000, new Random(4));
    long fullCopy = fullCopyBytes(full);
    for (boolean wipedInitiates : new boolean[] {true, false}) {
      SetReplica wiped = new SetReplica(RING, 16);
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      SyncPair pair = wipedInitiates
          ? new SyncPair(wiped, full, AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES).run(11)
          : new SyncPair(full, wiped, AntiEntropySession.DEFAULT_MAX_MESSAGE_BYTES).run(11);
      long millis = (System.nanoTime() - start) / 1_000_000;
      long cpuMillis = (cpuNanos() - cpuStart) / 1_000_000;
      assertThat(wiped.sameContents(full)).isTrue();
      assertThat(wiped.tree.root()).isEqualTo(full.tree.root());
      assertThat(wiped.repairedKeys).hasSize(100_000);
      assertThat(full.repairedKeys).isEmpty();
      assertThat(pair.initiator.stats().hashesSent()).isEqualTo(1);
      assertThat(pair.wireBytes).isBetween(fullCopy, fullCopy + fullCopy / 50);
      System.out.printf("[ae] wiped replica (%s): %d bytes in %d messages vs full copy %d bytes; %d ms wall, %d ms CPU%n",
          wipedInitiates ? "initiates" : "responds", pair.wireBytes, pair.messages, fullCopy, millis, cpuMillis);
    }
  }

  @Test
  void smallMessageCapSplitsTheListsWithTheSameResult() {
    Random random = new Random(5);
    SetReplica a = new SetReplica(RING, 8);
    SetReplica b = new SetReplica(RING, 8);
    fill(a, b, 5_000, random);
    Set<String> differing = diverge(a, b, 5_000, 500, random);
    SyncPair pair = new SyncPair(a, b, 4096).run(12);
    assertThat(a.sameContents(b)).isTrue();
    Set<String> repaired = new HashSet<>(a.repairedKeys);
    repaired.addAll(b.repairedKeys);
    assertThat(repaired).isEqualTo(differing);
    assertThat(pair.messages).isGreaterThan(20);
  }

  @Test
  void aTreeOfAnotherShapeOrNoTreeRefuses() {
    SetReplica a = new SetReplica(RING, 8);
    SetReplica b = new SetReplica(RING, 9);
    a.put("k", Set.of("v"));
    SyncPair pair = new SyncPair(a, b, 4096).run(13);
    assertThat(pair.initiator.outcome()).isEqualTo(AntiEntropySession.Outcome.REFUSED);
    assertThat(pair.initiator.detail()).contains("depth 9 vs");
    assertThat(pair.responder.outcome()).isEqualTo(AntiEntropySession.Outcome.REFUSED);

    List<SyncMessage> sent = new ArrayList<>();
    SyncStart start = new SyncStart("a", 5, RING, 8, 123);
    AntiEntropySession none = AntiEntropySession.respond("b", start, null, b, SetReplica.UNION,
        (to, m) -> sent.add(m), 4096, 0);
    assertThat(none.outcome()).isEqualTo(AntiEntropySession.Outcome.REFUSED);
    assertThat(sent).singleElement().isInstanceOfSatisfying(SyncDone.class,
        d -> assertThat(d.reason()).isEqualTo(SyncDone.Reason.REFUSED));
  }

  @Test
  void protocolViolationsAndSilenceAbortAndTellThePeer() {
    SetReplica a = new SetReplica(RING, 4);
    a.put("k", Set.of("v"));
    List<SyncMessage> sent = new ArrayList<>();
    AntiEntropySession session = AntiEntropySession.initiate("a", "b", 1, a.tree, a, SetReplica.UNION,
        (to, m) -> sent.add(m), 4096, 0);
    session.receive(new SyncValues("b", 1, List.of(), List.of(new byte[] {1}), true), 10);
    assertThat(session.outcome()).isEqualTo(AntiEntropySession.Outcome.ABORTED);
    assertThat(sent.get(sent.size() - 1)).isInstanceOf(SyncDone.class);

    sent.clear();
    AntiEntropySession wrongCount = AntiEntropySession.initiate("a", "b", 2, a.tree, a, SetReplica.UNION,
        (to, m) -> sent.add(m), 4096, 0);
    BitSet one = new BitSet();
    one.set(0);
    wrongCount.receive(new SyncHashes("b", 2, 1, one, new long[] {1, 2, 3}), 10);
    assertThat(wrongCount.outcome()).isEqualTo(AntiEntropySession.Outcome.ABORTED);
    assertThat(wrongCount.detail()).contains("expected 2 child hashes, got 3");

    AntiEntropySession idle = AntiEntropySession.initiate("a", "b", 3, a.tree, a, SetReplica.UNION,
        (to, m) -> sent.add(m), 4096, 0);
    assertThat(idle.abortIfIdle(5_000, 10_000)).isFalse();
    assertThat(idle.abortIfIdle(10_001, 10_000)).isTrue();
    assertThat(idle.outcome()).isEqualTo(AntiEntropySession.Outcome.ABORTED);
    idle.receive(new SyncDone("b", 3, SyncDone.Reason.IN_SYNC, ""), 10_002);
    assertThat(idle.outcome()).isEqualTo(AntiEntropySession.Outcome.ABORTED);
  }
}

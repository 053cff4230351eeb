package io.quorumlab.store.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  final DottedSiblings dvv = DottedSiblings.INSTANCE;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> live(Siblings s) {
    return s.live().stream().map(v -> new String(v, StandardCharsets.UTF_8)).sorted().toList();
  }

  @Test
  void twoBlindPutsOnOneCoordinatorStaySiblings() {
    // The case plain per-version vector clocks get wrong: {n1:1} then {n1:2} would supersede.
    DottedSiblings.Write first = dvv.put(Siblings.EMPTY, "n1", VersionVector.EMPTY, b("a"), 1);
    DottedSiblings.Write second = dvv.put(first.state(), "n1", VersionVector.EMPTY, b("b"), 2);
    assertThat(live(second.state())).containsExactly("a", "b");
    assertThat(second.written().counter()).isEqualTo(2);
  }

  @Test
  void aPutWithTheReadContextSupersedesEverythingItSaw() {
    Siblings s = dvv.put(Siblings.EMPTY, "n1", VersionVector.EMPTY, b("a"), 1).state();
    s = dvv.merge(s, dvv.put(Siblings.EMPTY, "n2", VersionVector.EMPTY, b("b"), 1).state());
    assertThat(live(s)).containsExactly("a", "b");
    VersionVector context = s.clock();
    Siblings resolved = dvv.put(s, "n3", context, b("c"), 3).state();
    assertThat(live(resolved)).containsExactly("c");
  }

  @Test
  void aWriteConcurrentWithTheContextSurvivesTheResolution() {
    Siblings a = dvv.put(Siblings.EMPTY, "n1", VersionVector.EMPTY, b("a"), 1).state();
    VersionVector sawOnlyA = a.clock();
    // b is written at n2 while the client holds a's context.
    Siblings atN2 = dvv.put(Siblings.EMPTY, "n2", VersionVector.EMPTY, b("b"), 1).state();
    Siblings resolvedAtN1 = dvv.put(a, "n1", sawOnlyA, b("a2"), 2).state();
    Siblings merged = dvv.merge(resolvedAtN1, atN2);
    assertThat(live(merged)).containsExactly("a2", "b");
  }

  @Test
  void tombstonesHideValuesButKeepCausality() {
    Siblings s = dvv.put(Siblings.EMPTY, "n1", VersionVector.EMPTY, b("a"), 1).state();
    Siblings deleted = dvv.put(s, "n1", s.clock(), null, 2).state();
    assertThat(deleted.live()).isEmpty();
    assertThat(deleted.versions()).hasSize(1);
    assertThat(deleted.versions().get(0).isTombstone()).isTrue();
    // A replica that still has "a" merges with the tombstone and loses "a".
    assertThat(dvv.merge(s, deleted).live()).isEmpty();
    // A blind delete (no context) is concurrent with "a" and does not remove it.
    Siblings blind = dvv.put(s, "n2", VersionVector.EMPTY, null, 3).state();
    assertThat(live(blind)).containsExactly("a");
  }

  @Test
  void mergeIsCommutativeAssociativeAndIdempotent() {
    Siblings x = dvv.put(Siblings.EMPTY, "n1", VersionVector.EMPTY, b("x"), 1).state();
    Siblings y = dvv.put(Siblings.EMPTY, "n2", VersionVector.EMPTY, b("y"), 1).state();
    Siblings z = dvv.put(dvv.merge(x, y), "n3", x.clock(), b("z"), 1).state();
    assertThat(dvv.merge(x, y).sameWrites(dvv.merge(y, x))).isTrue();
    assertThat(dvv.merge(dvv.merge(x, y), z).sameWrites(dvv.merge(x, dvv.merge(y, z)))).isTrue();
    assertThat(dvv.merge(z, z).sameWrites(z)).isTrue();
    assertThat(live(dvv.merge(dvv.merge(x, y), z))).containsExactly("y", "z");
  }

  @Test
  void lwwKeepsOnlyTheLatestStampAndBreaksTiesByNode() {
    LastWriterWins lww = LastWriterWins.INSTANCE;
    Siblings early = Siblings.of(lww.write("n2", 100, 1, b("early")));
    Siblings late = Siblings.of(lww.write("n1", 200, 1, b("late")));
    assertThat(live(lww.merge(early, late))).containsExactly("late");
    assertThat(live(lww.merge(late, early))).containsExactly("late");
    Siblings tieA = Siblings.of(lww.write("n1", 300, 1, b("from-n1")));
    Siblings tieB = Siblings.of(lww.write("n2", 300, 1, b("from-n2")));
    assertThat(live(lww.merge(tieA, tieB))).containsExactly("from-n2");
  }

  @Test
  void abdWritesAboveTheHighestObservedTag() {
    AbdRegister abd = AbdRegister.INSTANCE;
    Siblings observed = Siblings.of(new Version("n3", 7, 1, VersionVector.EMPTY, b("old")));
    Version next = abd.write(observed, "n1", 5, b("new"));
    assertThat(next.counter()).isEqualTo(8);
    assertThat(live(abd.merge(observed, Siblings.of(next)))).containsExactly("new");
    // Same counter: the node id orders, then the coordinator's sequence.
    Version a = new Version("n1", 9, 1, VersionVector.EMPTY, b("a"));
    Version c = new Version("n1", 9, 2, VersionVector.EMPTY, b("c"));
    Version bb = new Version("n2", 9, 0, VersionVector.EMPTY, b("b"));
    assertThat(live(abd.merge(Siblings.of(a), Siblings.of(bb)))).containsExactly("b");
    assertThat(live(abd.merge(Siblings.of(c), Siblings.of(a)))).containsExactly("c");
  }

  @Test
  void siblingsEncodingRoundTrips() {
    Siblings s = dvv.put(dvv.put(Siblings.EMPTY, "n1", VersionVector.EMPTY, b("a"), 1).state(), "n2",
        VersionVector.EMPTY, null, 2).state();
    Siblings back = VersionCodec.decodeSiblings(VersionCodec.encode(s));
    assertThat(back).isEqualTo(s);
    assertThat(back.versions()).hasSize(2);
  }
}

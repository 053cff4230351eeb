package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MembershipViewTest {
  private static MemberInfo info(MemberStatus status, long... tokens) {
    return MemberInfo.ofTokens("a:1", status, tokens);
  }

  private static MembershipView view() {
    return new MembershipView(new MemberState("self", 10, 1, 1, info(MemberStatus.UP, 1)));
  }

  @Test
  void newMemberNeedsItsInfo() {
    MembershipView view = view();
    assertThat(view.apply(new MemberDelta("x", 5, 3, 1, null)).changed()).isFalse();
    MembershipView.Change change = view.apply(new MemberDelta("x", 5, 3, 1, info(MemberStatus.JOINING, 7)));
    assertThat(change.added()).isTrue();
    assertThat(view.get("x")).hasValueSatisfying(m -> assertThat(m.version()).isEqualTo(3));
  }

  @Test
  void higherGenerationReplacesEverythingAndLowerIsIgnored() {
    MembershipView view = view();
    view.apply(new MemberDelta("x", 5, 900, 400, info(MemberStatus.LEAVING, 7)));
    MembershipView.Change restart = view.apply(new MemberDelta("x", 6, 2, 1, info(MemberStatus.JOINING, 8)));
    assertThat(restart.restarted()).isTrue();
    assertThat(view.get("x").orElseThrow()).isEqualTo(new MemberState("x", 6, 2, 1, info(MemberStatus.JOINING, 8)));
    assertThat(view.apply(new MemberDelta("x", 5, 5000, 400, info(MemberStatus.LEFT, 7))).changed()).isFalse();
  }

  @Test
  void higherVersionWinsAndHeartbeatOnlyDeltaKeepsTheInfo() {
    MembershipView view = view();
    view.apply(new MemberDelta("x", 5, 10, 4, info(MemberStatus.UP, 7)));
    assertThat(view.apply(new MemberDelta("x", 5, 9, 4, null)).changed()).isFalse();
    MembershipView.Change beat = view.apply(new MemberDelta("x", 5, 12, 4, null));
    assertThat(beat.heartbeatAdvanced()).isTrue();
    assertThat(beat.infoChanged()).isFalse();
    assertThat(view.get("x").orElseThrow().info()).isEqualTo(info(MemberStatus.UP, 7));
  }

  @Test
  void heartbeatOnlyDeltaThatSkipsAnInfoChangeIsRefused() {
    MembershipView view = view();
    view.apply(new MemberDelta("x", 5, 10, 4, info(MemberStatus.UP, 7)));
    assertThat(view.apply(new MemberDelta("x", 5, 15, 12, null)).changed()).isFalse();
    assertThat(view.get("x").orElseThrow().version()).isEqualTo(10);
  }

  @Test
  void statusNeverMovesBackwardsWithinAGeneration() {
    MembershipView view = view();
    view.apply(new MemberDelta("x", 5, 10, 10, info(MemberStatus.LEAVING, 7)));
    MembershipView.Change change = view.apply(new MemberDelta("x", 5, 12, 11, info(MemberStatus.UP, 7)));
    assertThat(view.get("x").orElseThrow().status()).isEqualTo(MemberStatus.LEAVING);
    assertThat(change.after().version()).isEqualTo(12);
    // ...but a restart may start over.
    view.apply(new MemberDelta("x", 6, 1, 1, info(MemberStatus.UP, 7)));
    assertThat(view.get("x").orElseThrow().status()).isEqualTo(MemberStatus.UP);
  }

  @Test
  void gossipAboutSelfIsNeverApplied() {
    MembershipView view = view();
    assertThat(view.apply(new MemberDelta("self", 99, 99, 99, info(MemberStatus.LEFT))).changed()).isFalse();
    assertThat(view.self().generation()).isEqualTo(10);
  }

  @Test
  void selfUpdatesBumpTheVersionAndRefuseGoingBack() {
    MembershipView view = view();
    view.bumpHeartbeat();
    MembershipView.Change change = view.updateSelf(info(MemberStatus.LEAVING, 1));
    assertThat(change.after().version()).isEqualTo(3);
    assertThat(change.after().infoVersion()).isEqualTo(3);
    assertThatThrownBy(() -> view.updateSelf(info(MemberStatus.UP, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LEAVING to UP");
  }

  @Test
  void deltaSinceSendsOnlyWhatThePeerLacks() {
    MembershipView view = view();
    view.apply(new MemberDelta("x", 5, 10, 4, info(MemberStatus.UP, 7)));
    assertThat(view.deltaSince("x", 5, 10)).isNull();
    assertThat(view.deltaSince("x", 6, 1)).isNull();
    assertThat(view.deltaSince("x", 5, 6)).isEqualTo(new MemberDelta("x", 5, 10, 4, null));
    assertThat(view.deltaSince("x", 5, 3).info()).isEqualTo(info(MemberStatus.UP, 7));
    assertThat(view.deltaSince("x", 0, 0).info()).isEqualTo(info(MemberStatus.UP, 7));
    assertThat(view.deltaSince("nobody", 0, 0)).isNull();
  }

  @Test
  void aDeltaMadeFromTheColumnsIsTheOneTheSlotGives() {
    MembershipView view = view();
    view.apply(new MemberDelta("x", 5, 10, 4, info(MemberStatus.UP, 7)));
    view.apply(new MemberDelta("y", 2, 3, 3, info(MemberStatus.JOINING, 1)));
    MemberSlot x = view.slot("x");
    MemberSlot y = view.slot("y");
    for (MemberSlot slot : List.of(x, y)) {
      for (long generation = 0; generation <= 6; generation++) {
        for (long version = 0; version <= 11; version++) {
          assertThat(view.deltaAt(slot.index, generation, version)).as(slot.id + " " + generation + "/" + version)
              .isEqualTo(MembershipView.deltaSince(slot, generation, version));
        }
      }
    }
    // A heartbeat changes the version column only; the info stays where it was.
    view.applyHeartbeat(new MemberDelta("x", 5, 12, 4, null));
    assertThat(view.deltaAt(x.index, 5, 10)).isEqualTo(new MemberDelta("x", 5, 12, 4, null));
    assertThat(view.deltaAt(x.index, 5, 3).info()).isEqualTo(info(MemberStatus.UP, 7));
  }

  @Test
  void anyOrderAndRepetitionOfDeltasEndsInTheSameState() {
    List<MemberDelta> deltas = new ArrayList<>();
    deltas.add(new MemberDelta("x", 5, 3, 1, info(MemberStatus.JOINING, 1)));
    deltas.add(new MemberDelta("x", 5, 8, 6, info(MemberStatus.UP, 1)));
    deltas.add(new MemberDelta("x", 5, 9, 6, info(MemberStatus.UP, 1)));
    deltas.add(new MemberDelta("x", 5, 14, 12, info(MemberStatus.LEAVING, 1)));
    deltas.add(new MemberDelta("x", 7, 2, 1, info(MemberStatus.JOINING, 2)));
    deltas.add(new MemberDelta("x", 7, 5, 4, info(MemberStatus.UP, 2)));
    deltas.add(new MemberDelta("y", 1, 4, 1, info(MemberStatus.UP, 3)));
    MemberState expectedX = new MemberState("x", 7, 5, 4, info(MemberStatus.UP, 2));
    Random random = new Random(1);
    for (int trial = 0; trial < 200; trial++) {
      List<MemberDelta> shuffled = new ArrayList<>(deltas);
      shuffled.addAll(deltas.subList(0, random.nextInt(deltas.size())));
      Collections.shuffle(shuffled, random);
      MembershipView view = view();
      shuffled.forEach(view::apply);
      assertThat(view.get("x").orElseThrow()).isEqualTo(expectedX);
      assertThat(view.get("y").orElseThrow().version()).isEqualTo(4);
    }
  }

  @Test
  void membersIterateInIdOrderWhateverOrderTheyArrivedIn() {
    MembershipView view = view();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add("n" + i);
    }
    Collections.shuffle(ids, new Random(7));
    for (String id : ids) {
      view.apply(new MemberDelta(id, 1, 1, 1, info(MemberStatus.UP, 1)));
    }
    List<String> seen = view.all().stream().map(MemberState::id).toList();
    List<String> expected = new ArrayList<>(ids);
    expected.add("self");
    Collections.sort(expected);
    assertThat(seen).isEqualTo(expected);
    assertThat(view.digests().stream().map(Digest::id).toList()).isEqualTo(expected);
  }

  @Test
  void unmarkedMembersAreExactlyThoseASynDidNotName() {
    MembershipView view = view();
    for (String id : List.of("a", "b", "c", "d")) {
      view.apply(new MemberDelta(id, 1, 1, 1, info(MemberStatus.UP, 1)));
    }
    long first = view.newMark();
    mark(view, "b", first);
    mark(view, "self", first);
    List<String> unmarked = new ArrayList<>();
    view.forEachUnmarked(first, m -> unmarked.add(m.id()));
    assertThat(unmarked).containsExactly("a", "c", "d");
    // A later mark starts afresh: marks of an earlier syn do not count.
    long second = view.newMark();
    mark(view, "c", second);
    List<String> again = new ArrayList<>();
    view.forEachUnmarked(second, m -> again.add(m.id()));
    assertThat(again).containsExactly("a", "b", "d", "self");
    // A member heard of later takes a place in the middle: the marks (and numbers) of the members
    // after it move with them, and the newcomer is unmarked.
    view.apply(new MemberDelta("bb", 7, 9, 1, info(MemberStatus.UP, 1)));
    List<String> afterInsert = new ArrayList<>();
    view.forEachUnmarked(second, m -> afterInsert.add(m.id()));
    assertThat(afterInsert).containsExactly("a", "b", "bb", "d", "self");
    for (String id : List.of("a", "b", "bb", "c", "d", "self")) {
      MemberSlot slot = view.slot(id);
      assertThat(view.idAt(slot.index)).isEqualTo(id);
      assertThat(view.slotAt(slot.index)).isSameAs(slot);
      assertThat(view.columns().generations[slot.index]).isEqualTo(view.get(id).orElseThrow().generation());
      assertThat(view.columns().versions[slot.index]).isEqualTo(view.get(id).orElseThrow().version());
    }
    assertThat(view.get("bb").orElseThrow().version()).isEqualTo(9);
  }

  private static void mark(MembershipView view, String id, long mark) {
    view.columns().marks[view.slot(id).index] = mark;
  }

  @Test
  void aHeartbeatMergedInPlaceEndsWhereApplyWould() {
    // Random deltas about a few members, merged into one view by apply alone and into another by
    // applyHeartbeat first (apply when it refuses): the two views must agree after every delta.
    Random random = new Random(3);
    MemberStatus[] statuses = MemberStatus.values();
    MembershipView byApply = view();
    MembershipView inPlace = view();
    int inPlaceMerges = 0;
    int staleDeltas = 0;
    for (int i = 0; i < 5_000; i++) {
      // Versions mostly move forward, as heartbeats do; now and then one is stale, a new generation
      // comes, or the info changes (rarely to LEFT, which stops the member's heartbeats for good).
      String id = "m" + random.nextInt(4);
      long generation = 1 + i / 1_000 + (random.nextInt(50) == 0 ? 1 : 0);
      long version = 1 + (i % 1_000) / 4 + random.nextInt(10);
      long infoVersion = 1 + random.nextInt(random.nextInt(4) == 0 ? (int) version : Math.min(3, (int) version));
      MemberStatus status = random.nextInt(200) == 0 ? MemberStatus.LEFT : statuses[random.nextInt(3)];
      MemberInfo info = random.nextInt(3) == 0 ? null : info(status, random.nextInt(2));
      MemberDelta delta = new MemberDelta(id, generation, version, infoVersion, info);
      List<MemberState> beforeApply = List.copyOf(byApply.all());
      boolean stale = MembershipView.knowsAtLeast(byApply.slot(id), delta);
      byApply.apply(delta);
      if (stale) {
        assertThat(byApply.all()).as("a stale delta changes nothing").containsExactlyElementsOf(beforeApply);
        staleDeltas++;
      }
      if (inPlace.applyHeartbeat(delta) != null) {
        inPlaceMerges++;
      } else {
        inPlace.apply(delta);
      }
      assertThat(inPlace.all()).containsExactlyElementsOf(byApply.all());
      assertThat(inPlace.digests()).isEqualTo(byApply.digests());
    }
    assertThat(inPlaceMerges).as("in-place merges").isGreaterThan(50);
    assertThat(staleDeltas).as("stale deltas").isGreaterThan(50);
  }

  @Test
  void aHeartbeatInPlaceLeavesEarlierStatesAsTheyWere() {
    MembershipView view = view();
    view.apply(new MemberDelta("x", 5, 10, 4, info(MemberStatus.UP, 7)));
    MemberState before = view.get("x").orElseThrow();
    assertThat(view.applyHeartbeat(new MemberDelta("x", 5, 12, 4, null))).isNotNull();
    assertThat(before.version()).isEqualTo(10);
    assertThat(view.get("x").orElseThrow()).isEqualTo(new MemberState("x", 5, 12, 4, info(MemberStatus.UP, 7)));
    MemberState self = view.self();
    view.bumpHeartbeat();
    assertThat(self.version()).isEqualTo(1);
    assertThat(view.self().version()).isEqualTo(2);
    assertThat(view.all()).extracting(MemberState::id).containsExactly("self", "x");
  }

  @Test
  void onlyAHeartbeatOfAnotherLiveMemberIsMergedInPlace() {
    MembershipView view = view();
    view.apply(new MemberDelta("x", 5, 10, 4, info(MemberStatus.UP, 7)));
    view.apply(new MemberDelta("gone", 5, 10, 4, info(MemberStatus.LEFT, 7)));
    assertThat(view.applyHeartbeat(new MemberDelta("self", 10, 50, 1, null))).as("self").isNull();
    assertThat(view.applyHeartbeat(new MemberDelta("nobody", 1, 50, 1, info(MemberStatus.UP, 7)))).as("unknown").isNull();
    assertThat(view.applyHeartbeat(new MemberDelta("x", 6, 50, 1, null))).as("new generation").isNull();
    assertThat(view.applyHeartbeat(new MemberDelta("x", 5, 10, 4, null))).as("same version").isNull();
    assertThat(view.applyHeartbeat(new MemberDelta("x", 5, 50, 5, info(MemberStatus.LEAVING, 7)))).as("new info").isNull();
    assertThat(view.applyHeartbeat(new MemberDelta("gone", 5, 50, 4, null))).as("LEFT").isNull();
    assertThat(view.get("x").orElseThrow().version()).isEqualTo(10);
    assertThat(view.get("gone").orElseThrow().version()).isEqualTo(10);
    assertThat(view.self().version()).isEqualTo(1);
  }
  @Test
  void aCursorFindsEveryMemberWhateverTheOrderAskedIn() {
    // Random walks: in order, skipping members, out of order, unknown ids, equal but not identical
    // strings, and members added during the walk. The cursor must always answer as the hash does.
    Random random = new Random(11);
    MembershipView view = view();
    for (int i = 0; i < 60; i++) {
      view.apply(new MemberDelta("m" + random.nextInt(1_000), 1, 1, 1, info(MemberStatus.UP, 1)));
    }
    for (int walk = 0; walk < 200; walk++) {
      MembershipView.Cursor cursor = view.cursor();
      List<String> asked = new ArrayList<>(view.all().stream().map(MemberState::id).toList());
      asked.removeIf(id -> random.nextInt(3) == 0);
      if (walk % 4 == 1) {
        Collections.shuffle(asked, random);
      }
      for (String id : asked) {
        String probe = random.nextBoolean() ? id : new String(id); // not the view's instance
        if (random.nextInt(20) == 0) {
          String unknown = "x" + random.nextInt(1_000);
          assertThat(cursor.find(unknown)).as(unknown).isSameAs(view.slot(unknown));
        }
        if (random.nextInt(30) == 0) {
          view.apply(new MemberDelta("m" + random.nextInt(1_000), 1, 1, 1, info(MemberStatus.UP, 1)));
        }
        MemberSlot found = cursor.find(probe);
        assertThat(found).as(id).isNotNull().isSameAs(view.slot(id));
        assertThat(found.id).isEqualTo(id);
      }
    }
  }
}

package io.quorumlab.store.transfer;

import static io.quorumlab.store.transfer.TransferNetwork.N;
import static io.quorumlab.store.transfer.TransferNetwork.replicatedBy;
import static io.quorumlab.store.transfer.TransferNetwork.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.membership.MemberStatus;
import io.quorumlab.store.ring.Ring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A node joins six over the fake network: who it pulls from, what it ends up with, what the others drop. */
class JoinTransferTest {
  static final List<String> KEYS = TransferNetwork.keys(600);

  /** Six nodes holding every key at its three replicas. */
  static TransferNetwork sixNodes() {
    TransferNetwork net = new TransferNetwork(6);
    KEYS.forEach(k -> net.put(k, version(k, "v1")));
    return net;
  }

  static Ring withN7(TransferNetwork net) {
    List<String> ids = new ArrayList<>(net.ring().nodes());
    ids.add("n7");
    return Ring.of(ids, TransferNetwork.VNODES);
  }

  /** The replica of {@code key} that n7 displaces, or null when n7 does not replicate it. */
  static String displaced(Ring before, Ring after, String key) {
    List<String> now = before.preferenceList(key, N);
    List<String> then = after.preferenceList(key, N);
    if (!then.contains("n7")) {
      return null;
    }
    return now.stream().filter(r -> !then.contains(r)).findFirst().orElseThrow();
  }

  /** A replica n7 displaces from some of its keys: a source of the join. */
  static String aSource(TransferNetwork net) {
    Ring before = net.ring();
    Ring after = withN7(net);
    return KEYS.stream().map(k -> displaced(before, after, k)).filter(d -> d != null).findFirst().orElseThrow();
  }

  static void joinAndWait(TransferNetwork net) {
    net.join("n7");
    net.advanceUntil(60_000, () -> net.member("n7").transfer.activity() == Activity.JOINED);
  }

  @Test
  void theJoinerPullsEachKeyOnceFromTheReplicaItDisplaces() {
    TransferNetwork net = sixNodes();
    Ring before = net.ring();
    Ring after = withN7(net);
    // A write only the displaced replica took (w=1): the joiner must get it, as that replica's heir.
    Map<String, String> onlyOnDisplaced = new TreeMap<>();
    for (String key : KEYS.subList(0, 60)) {
      String from = displaced(before, after, key);
      if (from != null) {
        net.member(from).store(key, Set.of(version(key, "w1")));
        onlyOnDisplaced.put(key, from);
      }
    }

    joinAndWait(net);

    TransferNetwork.Member n7 = net.member("n7");
    Set<String> expected = replicatedBy(after, "n7", KEYS);
    assertThat(n7.data.keySet()).isEqualTo(expected);
    int received = net.entriesReceivedBy("n7").values().stream().mapToInt(Integer::intValue).sum();
    assertThat(received).as("each key arrives once, not from every replica").isEqualTo(expected.size());
    assertThat(n7.transfer.keysReceived()).isEqualTo(expected.size());
    onlyOnDisplaced.forEach((key, from) -> assertThat(n7.versions(key)).as(key + " from " + from).contains(version(key, "w1")));
    // Every key came from the replica it displaced.
    Map<String, Integer> expectedBySource = new TreeMap<>();
    expected.forEach(k -> expectedBySource.merge(displaced(before, after, k), 1, Integer::sum));
    assertThat(net.entriesReceivedBy("n7")).isEqualTo(expectedBySource);
    assertThat(net.requests()).allMatch(r -> r.startsWith("n7->")).doesNotHaveDuplicates();
    assertThat(n7.announced).containsExactly(MemberStatus.UP);
    assertThat(net.ring().contains("n7")).isTrue();
  }

  @Test
  void sourcesDropTheKeysTheyNoLongerReplicateOnlyAfterTheGracePeriod() {
    TransferNetwork net = sixNodes();
    Ring after = withN7(net);
    joinAndWait(net);

    // Confirmed (n7 is in every ring), but coordinators may not know yet: nothing dropped.
    net.advance(TransferNetwork.CONFIG.gcGraceMs() - 2 * TransferNetwork.TICK_MS);
    for (TransferNetwork.Member m : net.members.values()) {
      assertThat(m.discards).as(m.id + " during the grace period").isZero();
    }
    net.advance(4 * TransferNetwork.TICK_MS + 1_000);

    long dropped = 0;
    for (TransferNetwork.Member m : net.members.values()) {
      assertThat(m.data.keySet()).as(m.id + " holds exactly what it replicates").isEqualTo(replicatedBy(after, m.id, KEYS));
      assertThat(m.transfer.keysDropped()).isEqualTo(m.discards);
      dropped += m.discards;
    }
    assertThat(dropped).as("every key n7 took had one replica that lost it").isEqualTo(net.member("n7").data.size());
    for (String key : KEYS) {
      for (String replica : after.preferenceList(key, N)) {
        assertThat(net.member(replica).versions(key)).as(key + " at " + replica).contains(version(key, "v1"));
      }
    }
    assertThat(net.members.values()).allMatch(m -> m.transfer.forwardTargets("key-1").isEmpty());
  }

  @Test
  void nothingIsDroppedWhileTheJoinerIsNotInTheSourcesRing() {
    TransferNetwork net = sixNodes();
    net.gossipHeld = true;
    net.join("n7");
    net.advanceUntil(60_000, () -> net.member("n7").transfer.activity() == Activity.JOINED);
    // n7 announced UP, but the others have not heard: the handover is not confirmed.
    net.advance(10 * TransferNetwork.CONFIG.gcGraceMs());
    assertThat(net.members.values()).allMatch(m -> m.discards == 0);

    // A write that still reaches the displaced replica now goes on to n7.
    Ring after = withN7(net);
    String key = KEYS.stream().filter(k -> displaced(net.ring(), after, k) != null).findFirst().orElseThrow();
    net.member(displaced(net.ring(), after, key)).store(key, Set.of(version(key, "late")));
    net.deliverAll();
    assertThat(net.member("n7").versions(key)).contains(version(key, "late"));

    net.spreadGossip();
    net.advance(TransferNetwork.CONFIG.gcGraceMs() + 2_000);
    assertThat(net.members.values().stream().mapToLong(m -> m.discards).sum()).isPositive();
    assertThat(net.member(displaced(withoutN7(after), after, key)).data).doesNotContainKey(key);
  }

  static Ring withoutN7(Ring after) {
    List<String> ids = new ArrayList<>(after.nodes());
    ids.remove("n7");
    return Ring.of(ids, TransferNetwork.VNODES);
  }

  @Test
  void writesThatRaceWithTheStreamReachTheJoiner() {
    TransferNetwork net = sixNodes();
    Ring after = withN7(net);
    net.join("n7");
    // Run until the requests are out, then write while the streams run.
    net.advanceUntil(10_000, () -> !net.requests().isEmpty());
    List<String> racing = new ArrayList<>();
    for (String key : KEYS.subList(0, 200)) {
      net.put(key, version(key, "race"));
      if (after.preferenceList(key, N).contains("n7")) {
        racing.add(key);
      }
    }
    net.deliverAll();
    net.advanceUntil(60_000, () -> net.member("n7").transfer.activity() == Activity.JOINED);
    assertThat(racing).isNotEmpty();
    for (String key : racing) {
      assertThat(net.member("n7").versions(key)).as(key).contains(version(key, "race"), version(key, "v1"));
    }
  }

  @Test
  void aDisplacedReplicaThatIsDownIsReplacedByAnotherReplica() {
    TransferNetwork net = sixNodes();
    Ring before = net.ring();
    Ring after = withN7(net);
    String down = aSource(net);
    net.down.add(down);
    joinAndWait(net);
    assertThat(net.requests()).noneMatch(r -> r.endsWith("->" + down));
    assertThat(net.member("n7").data.keySet()).isEqualTo(replicatedBy(after, "n7", KEYS));
    // The arcs the down node would have handed over came from replicas that keep them.
    net.advance(TransferNetwork.CONFIG.gcGraceMs() + 2_000);
    for (String key : replicatedBy(after, "n7", KEYS)) {
      if (down.equals(displaced(before, after, key))) {
        for (String kept : before.preferenceList(key, N)) {
          if (!kept.equals(down)) {
            assertThat(net.member(kept).data).as(key + " at " + kept).containsKey(key);
          }
        }
      }
    }
  }

  @Test
  void aSourceThatGoesDownMidStreamHasItsArcsAskedOfAnotherReplica() {
    TransferNetwork net = sixNodes();
    Ring after = withN7(net);
    // The source takes the request but never answers, then is convicted.
    String source = aSource(net);
    net.drop = e -> e.from().equals(source) && e.message() instanceof TransferMessage.Batch;
    net.join("n7");
    net.advanceUntil(10_000, () -> net.requests().contains("n7->" + source));
    net.advance(TransferNetwork.TICK_MS);
    assertThat(net.member("n7").transfer.activity()).isEqualTo(Activity.JOINING);
    net.down.add(source);
    net.advanceUntil(60_000, () -> net.member("n7").transfer.activity() == Activity.JOINED);
    assertThat(net.member("n7").data.keySet()).isEqualTo(replicatedBy(after, "n7", KEYS));
    assertThat(net.entriesReceivedBy("n7")).doesNotContainKey(source);
  }

  @Test
  void aSourceThatStallsWhileUpHasItsArcsAskedOfAnotherReplica() {
    TransferNetwork net = sixNodes();
    Ring after = withN7(net);
    String source = aSource(net);
    net.drop = e -> e.from().equals(source) && e.message() instanceof TransferMessage.Batch;
    net.join("n7");
    long took = net.advanceUntil(60_000, () -> net.member("n7").transfer.activity() == Activity.JOINED);
    assertThat(took).isGreaterThanOrEqualTo(TransferNetwork.CONFIG.stallMs());
    assertThat(net.member("n7").data.keySet()).isEqualTo(replicatedBy(after, "n7", KEYS));
    // The stalled source never completed a stream, so it drops nothing, even once n7 is in the ring.
    net.advance(TransferNetwork.CONFIG.gcGraceMs() + 2_000);
    assertThat(net.member(source).discards).isZero();
  }

  @Test
  void lostBatchesAndAcksAreSentAgain() {
    TransferNetwork net = sixNodes();
    Ring after = withN7(net);
    int[] count = {0};
    net.drop = e -> e.bytes() != null && !(e.message() instanceof TransferMessage.Request) && count[0]++ % 3 == 0;
    joinAndWait(net);
    assertThat(net.member("n7").data.keySet()).isEqualTo(replicatedBy(after, "n7", KEYS));
    net.drop = e -> false;
    net.advance(TransferNetwork.CONFIG.gcGraceMs() + 2_000);
    for (TransferNetwork.Member m : net.members.values()) {
      assertThat(m.data.keySet()).as(m.id).isEqualTo(replicatedBy(after, m.id, KEYS));
    }
  }

  @Test
  void aJoinerWaitsForTheClusterToAnswerBeforeItPlans() {
    TransferNetwork net = sixNodes();
    TransferNetwork.Member n7 = net.join("n7");
    n7.heardAt = -1;
    net.advance(5_000);
    assertThat(net.requests()).isEmpty();
    n7.heardAt = net.now;
    net.advance(TransferNetwork.CONFIG.settleMs() - TransferNetwork.TICK_MS);
    assertThat(net.requests()).isEmpty();
    net.advance(2 * TransferNetwork.TICK_MS);
    assertThat(net.requests()).isNotEmpty();
    assertThat(new TreeSet<>(net.requests()).size()).isLessThanOrEqualTo(6);
  }

  @Test
  void writesForAJoinerThatDiedAreHeldAsHintsAndNothingIsForwardedOnceItIsRemoved() {
    TransferNetwork net = sixNodes();
    Ring after = withN7(net);
    String key = KEYS.stream().filter(k -> after.preferenceList(k, N).contains("n7")).findFirst().orElseThrow();
    TransferNetwork.Member source = net.member(displaced(net.ring(), after, key));
    net.join("n7");
    net.advanceUntil(10_000, () -> net.requests().contains("n7->" + source.id));
    source.store(key, Set.of(version(key, "while-up")));
    assertThat(source.held).isEmpty();

    // n7 dies mid-join: what is written meanwhile is not sent to it but held for it.
    net.down.add("n7");
    net.advance(TransferNetwork.CONFIG.ackTimeoutMs() + 1_000);
    int sentBefore = net.inFlight.size();
    source.store(key, Set.of(version(key, "while-down")));
    assertThat(net.inFlight).hasSize(sentBefore);
    assertThat(source.held).containsExactly("n7 " + key);

    // Removed for good: nothing more is forwarded or held.
    net.members.values().forEach(m -> m.transfer.onGone("n7"));
    source.store(key, Set.of(version(key, "after-removal")));
    assertThat(source.held).containsExactly("n7 " + key);
    assertThat(net.members.values()).allMatch(m -> m.transfer.forwardTargets(key).isEmpty());
  }

  @Test
  void aReplicaThatWasDownDuringTheJoinHandsOffAndDropsWhatItNoLongerReplicates() {
    TransferNetwork net = sixNodes();
    Ring after = withN7(net);
    String down = aSource(net);
    // A write only the displaced replica got before it went down (W=1): n7 could not pull it.
    String key = KEYS.stream().filter(k -> down.equals(displaced(net.ring(), after, k))).findFirst().orElseThrow();
    net.member(down).store(key, Set.of(version(key, "only-at-" + down)));
    net.down.add(down);
    joinAndWait(net);
    net.advance(TransferNetwork.CONFIG.gcGraceMs() + 2_000);
    assertThat(net.member(down).data.keySet()).isNotEqualTo(replicatedBy(after, down, KEYS));
    assertThat(net.member("n7").versions(key)).doesNotContain(version(key, "only-at-" + down));

    net.down.remove(down);
    net.advance(2 * TransferNetwork.CONFIG.gcGraceMs() + 10_000);
    assertThat(net.member(down).data.keySet()).as("what " + down + " holds after its cleanup")
        .isEqualTo(replicatedBy(after, down, KEYS));
    assertThat(net.member("n7").versions(key)).contains(version(key, "only-at-" + down), version(key, "v1"));
    for (String k : KEYS) {
      for (String replica : after.preferenceList(k, N)) {
        assertThat(net.member(replica).versions(k)).as(k + " at " + replica).contains(version(k, "v1"));
      }
    }
  }
}

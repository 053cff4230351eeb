package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One exchange at a time, wired by hand, to pin down the protocol itself. */
class GossiperTest {
  private record Sent(String to, GossipMessage message) {}

  private final List<Sent> outA = new ArrayList<>();
  private final List<Sent> outB = new ArrayList<>();
  private final List<String> eventsA = new ArrayList<>();

  private Gossiper gossiper(String id, long generation, MemberStatus status, List<Sent> out) {
    MemberInfo info = MemberInfo.ofVnodes(id + ":7000", status, 256);
    return new Gossiper(GossipConfig.defaults(), id, generation, info, Map.of("a", "a:7000"),
        new SplittableRandom(1), (to, m) -> out.add(new Sent(to, m)));
  }

  private MembershipListener recorder(List<String> events) {
    return new MembershipListener() {
      @Override
      public void onMemberAdded(MemberState member) {
        events.add("added " + member.id());
      }

      @Override
      public void onDown(String id) {
        events.add("down " + id);
      }

      @Override
      public void onUp(String id) {
        events.add("up " + id);
      }

      @Override
      public void onRestarted(MemberState member, long previousGeneration) {
        events.add("restarted " + member.id() + " " + previousGeneration + "->" + member.generation());
      }

      @Override
      public void onStatusChanged(String id, MemberStatus previous, MemberStatus current) {
        events.add("status " + id + " " + previous + "->" + current);
      }

      @Override
      public void onRingChanged() {
        events.add("ring");
      }
    };
  }

  /** b initiates, a answers, b closes: returns the three messages. */
  private List<GossipMessage> exchange(Gossiper a, Gossiper b, long now) {
    outA.clear();
    outB.clear();
    b.tick(now);
    GossipMessage syn = outB.stream().filter(s -> s.to().equals("a")).findFirst().orElseThrow().message();
    outB.clear();
    a.receive(syn, now);
    GossipMessage ack = outA.get(0).message();
    b.receive(ack, now);
    List<GossipMessage> all = new ArrayList<>(List.of(syn, ack));
    if (!outB.isEmpty()) {
      GossipMessage ack2 = outB.get(0).message();
      a.receive(ack2, now);
      all.add(ack2);
    }
    return all;
  }

  @Test
  void aNewNodeJoinsThroughTheSeedInOneExchange() {
    Gossiper a = gossiper("a", 100, MemberStatus.UP, outA);
    Gossiper b = gossiper("b", 200, MemberStatus.JOINING, outB);
    a.addListener(recorder(eventsA));
    List<GossipMessage> messages = exchange(a, b, 1000);

    assertThat(messages.get(0)).isInstanceOf(GossipSyn.class);
    GossipAck ack = (GossipAck) messages.get(1);
    assertThat(ack.deltas()).extracting(MemberDelta::id).containsExactly("a");
    assertThat(ack.requests()).containsExactly(new Digest("b", 0, 0));
    GossipAck2 ack2 = (GossipAck2) messages.get(2);
    assertThat(ack2.deltas()).extracting(MemberDelta::id).containsExactly("b");
    assertThat(ack2.deltas().get(0).info().status()).isEqualTo(MemberStatus.JOINING);

    assertThat(a.liveMembers()).containsExactly("a", "b");
    assertThat(b.liveMembers()).containsExactly("a", "b");
    assertThat(a.joiningMembers()).extracting(MemberState::id).containsExactly("b");
    assertThat(a.ringMembers()).extracting(MemberState::id).containsExactly("a");
    assertThat(eventsA).containsExactly("added b", "ring");
  }

  @Test
  void steadyStateSendsHeartbeatsWithoutInfo() {
    Gossiper a = gossiper("a", 100, MemberStatus.UP, outA);
    Gossiper b = gossiper("b", 200, MemberStatus.UP, outB);
    exchange(a, b, 1000);
    a.tick(1500);
    List<GossipMessage> messages = exchange(a, b, 2000);
    GossipAck ack = (GossipAck) messages.get(1);
    assertThat(ack.deltas()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("a");
      assertThat(d.hasInfo()).isFalse();
    });
    assertThat(ack.requests()).extracting(Digest::id).containsExactly("b");
    assertThat(((GossipAck2) messages.get(2)).deltas()).singleElement().satisfies(d -> assertThat(d.hasInfo()).isFalse());
  }

  @Test
  void statusAndTokenChangesTravelAndRaiseEvents() {
    Gossiper a = gossiper("a", 100, MemberStatus.UP, outA);
    Gossiper b = gossiper("b", 200, MemberStatus.JOINING, outB);
    a.addListener(recorder(eventsA));
    exchange(a, b, 1000);
    eventsA.clear();
    long ringBefore = a.ringVersion();

    b.setLocalStatus(MemberStatus.UP);
    exchange(a, b, 2000);
    assertThat(eventsA).containsExactly("status b JOINING->UP", "ring");
    assertThat(a.ringMembers()).extracting(MemberState::id).containsExactly("a", "b");

    eventsA.clear();
    b.setLocalTokens(new long[] {1, 2, 3});
    exchange(a, b, 3000);
    assertThat(eventsA).containsExactly("ring");
    assertThat(a.member("b").orElseThrow().info().tokens()).containsExactly(1, 2, 3);
    assertThat(a.ringVersion()).isEqualTo(ringBefore + 2);
    assertThat(a.member("b").orElseThrow().info().vnodes()).isEqualTo(3);

    eventsA.clear();
    b.setLocalVnodes(128);
    exchange(a, b, 3500);
    assertThat(eventsA).containsExactly("ring");
    assertThat(a.member("b").orElseThrow().info().vnodes()).isEqualTo(128);
    assertThat(a.member("b").orElseThrow().info().tokens()).isEmpty();

    eventsA.clear();
    b.setLocalStatus(MemberStatus.LEAVING);
    exchange(a, b, 4000);
    assertThat(eventsA).containsExactly("status b UP->LEAVING");
    b.setLocalStatus(MemberStatus.LEFT);
    exchange(a, b, 5000);
    assertThat(eventsA).containsExactly("status b UP->LEAVING", "status b LEAVING->LEFT", "ring");
    assertThat(a.isAlive("b")).isFalse();
    assertThat(a.liveMembers()).containsExactly("a");
    assertThatThrownBy(() -> b.setLocalStatus(MemberStatus.UP)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void silenceConvictsAndARestartRevives() {
    Gossiper a = gossiper("a", 100, MemberStatus.UP, outA);
    Gossiper b = gossiper("b", 200, MemberStatus.UP, outB);
    a.addListener(recorder(eventsA));
    for (long t = 1000; t <= 60_000; t += 1000) {
      exchange(a, b, t);
      a.tick(t + 500);
    }
    eventsA.clear();
    long lastSeen = a.detector().lastHeartbeat("b").orElseThrow();
    long bound = a.detector().silenceToConvictMs("b");
    long t = 60_500;
    while (a.isAlive("b")) {
      t += 1000;
      a.tick(t);
      assertThat(t).isLessThanOrEqualTo(lastSeen + bound + 1000);
    }
    assertThat(t).isGreaterThanOrEqualTo(lastSeen + bound);
    assertThat(eventsA).containsExactly("down b");
    assertThat(a.phi("b", t)).isGreaterThanOrEqualTo(8.0);

    Gossiper b2 = gossiper("b", 90_000, MemberStatus.UP, outB);
    exchange(a, b2, t + 1000);
    assertThat(eventsA).containsExactly("down b", "restarted b 200->90000", "up b");
    assertThat(a.member("b").orElseThrow().generation()).isEqualTo(90_000);
    assertThat(a.isAlive("b")).isTrue();
  }

  @Test
  void aLongLocalPauseConvictsNobody() {
    Gossiper a = gossiper("a", 100, MemberStatus.UP, outA);
    Gossiper b = gossiper("b", 200, MemberStatus.UP, outB);
    a.addListener(recorder(eventsA));
    for (long t = 1000; t <= 30_000; t += 1000) {
      exchange(a, b, t);
      a.tick(t + 500);
    }
    a.tick(90_000);
    assertThat(a.isAlive("b")).isTrue();
    assertThat(eventsA).doesNotContain("down b");
  }

  @Test
  void unknownSeedsAreContactedAndAddressesFallBackToThem() {
    Gossiper b = gossiper("b", 200, MemberStatus.UP, outB);
    b.tick(1000);
    assertThat(outB).extracting(Sent::to).containsExactly("a");
    assertThat(b.address("a")).hasValue("a:7000");
    assertThat(b.address("b")).hasValue("b:7000");
    assertThat(b.address("zz")).isEmpty();
    assertThat(b.isAlive("a")).isFalse();
  }

  @Test
  void aRemovedMemberLeavesEveryRingAndItsLateHeartbeatsDoNotRevive() {
    Gossiper a = gossiper("a", 100, MemberStatus.UP, outA);
    Gossiper b = gossiper("b", 200, MemberStatus.UP, outB);
    List<Sent> outC = new ArrayList<>();
    Gossiper c = gossiper("c", 300, MemberStatus.UP, outC);
    a.addListener(recorder(eventsA));
    exchange(a, b, 1000);
    a.receive(new GossipAck2("c", List.of(c.member("c").orElseThrow().toDelta())), 1100);
    exchange(a, b, 1200);
    assertThat(b.ringMembers()).extracting(MemberState::id).containsExactly("a", "b", "c");
    MemberDelta cLater = c.member("c").orElseThrow().toDelta();
    eventsA.clear();

    a.removeMember("c", 2000);
    assertThat(eventsA).containsExactly("status c UP->LEFT", "ring");
    assertThat(a.ringMembers()).extracting(MemberState::id).containsExactly("a", "b");
    assertThat(a.isAlive("c")).isFalse();
    exchange(a, b, 2100);
    assertThat(b.member("c").orElseThrow().status()).isEqualTo(MemberStatus.LEFT);
    assertThat(b.ringMembers()).extracting(MemberState::id).containsExactly("a", "b");

    // Gossip of c's own state, heartbeats later than the removal saw, does not bring it back.
    for (int i = 0; i < 5; i++) {
      c.tick(2200 + i);
    }
    MemberState cNow = c.member("c").orElseThrow();
    a.receive(new GossipAck2("c", List.of(cNow.toDelta(), cLater)), 2300);
    assertThat(a.member("c").orElseThrow().status()).isEqualTo(MemberStatus.LEFT);
    // A restart, a new generation, is a new incarnation: it comes back.
    Gossiper c2 = gossiper("c", 9000, MemberStatus.UP, outC);
    a.receive(new GossipAck2("c", List.of(c2.member("c").orElseThrow().toDelta())), 2400);
    assertThat(a.member("c").orElseThrow().status()).isEqualTo(MemberStatus.UP);

    assertThatThrownBy(() -> a.removeMember("a", 2500)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.removeMember("zz", 2500)).isInstanceOf(IllegalArgumentException.class);
  }
}
